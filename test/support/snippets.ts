/**
 * Test support: a VS Code snippet expander, so that tests can insert a snippet the way the
 * editor does and check the text it makes.
 *
 * It reads the snippet grammar of VS Code (https://code.visualstudio.com/docs/editor/userdefinedsnippets):
 * tab stops (`$1`, `${1}`), placeholders (`${1:default}`, nested), choices (`${1|a,b|}`), the
 * final tab stop `$0`, variables (`$CURRENT_YEAR`, `${CURRENT_MONTH}`, `${NAME:default}`),
 * transforms on tab stops and variables (`${1/regex/format/flags}`) and the escapes `\$`, `\}`,
 * `\\` (and `\,` `\|` in choices). As in VS Code, the first placeholder of a tab stop that has a
 * default gives the value of every occurrence of that tab stop, and a `$` that starts no tab
 * stop or variable (`$ 5`) is text.
 *
 * Unlike VS Code, which inserts a malformed construct (`${1:abc` without its `}`) as plain
 * text, the parser throws a SnippetSyntaxError: in a test, a malformed snippet is a bug to
 * report, not text to insert.
 */

export type CaseModifier = 'upcase' | 'downcase' | 'capitalize' | 'camelcase' | 'pascalcase';

export type FormatPart =
  | { readonly kind: 'text'; readonly value: string }
  | {
      readonly kind: 'group';
      readonly group: number;
      readonly modifier?: CaseModifier;
      readonly ifValue?: string;
      readonly elseValue?: string;
    };

export interface Transform {
  readonly regex: RegExp;
  readonly format: readonly FormatPart[];
}

export type SnippetNode =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'tabstop'; readonly index: number; readonly transform?: Transform }
  | { readonly kind: 'placeholder'; readonly index: number; readonly children: readonly SnippetNode[] }
  | { readonly kind: 'choice'; readonly index: number; readonly options: readonly string[] }
  | { readonly kind: 'variable'; readonly name: string; readonly children?: readonly SnippetNode[]; readonly transform?: Transform };

export class SnippetSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
    this.name = 'SnippetSyntaxError';
  }
}

/** A snippet's `body` as the editor joins it: an array of lines, or one string. */
export function snippetSource(body: string | readonly string[]): string {
  return typeof body === 'string' ? body : body.join('\n');
}

const CASE_MODIFIERS: readonly CaseModifier[] = ['upcase', 'downcase', 'capitalize', 'camelcase', 'pascalcase'];

class Parser {
  private pos = 0;

  constructor(private readonly src: string) {}

  parse(): SnippetNode[] {
    return this.parseNodes(false);
  }

  private peek(offset = 0): string | undefined {
    return this.src[this.pos + offset];
  }

  private fail(message: string, at: number = this.pos): never {
    throw new SnippetSyntaxError(message, at);
  }

  private expect(ch: string): void {
    if (this.peek() !== ch) this.fail(this.peek() === undefined ? `expected "${ch}", found the end of the snippet` : `expected "${ch}", found "${this.peek()}"`);
    this.pos++;
  }

  /** Text and markers up to the end, or (inside a placeholder) up to its closing `}`. */
  private parseNodes(inside: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = (): void => {
      if (text !== '') nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos] as string;
      if (ch === '\\') {
        const next = this.peek(1);
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          this.pos += 2;
        } else {
          text += ch;
          this.pos++;
        }
        continue;
      }
      if (ch === '}' && inside) break;
      if (ch === '$') {
        const marker = this.parseDollar();
        if (marker) {
          flush();
          nodes.push(marker);
          continue;
        }
        text += ch;
        this.pos++;
        continue;
      }
      text += ch;
      this.pos++;
    }
    flush();
    return nodes;
  }

  private readInt(): number | undefined {
    const m = /^\d+/.exec(this.src.slice(this.pos));
    if (!m) return undefined;
    this.pos += m[0].length;
    return Number(m[0]);
  }

  private readName(): string | undefined {
    const m = /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(this.src.slice(this.pos));
    if (!m) return undefined;
    this.pos += m[0].length;
    return m[0];
  }

  /** At a `$`: a tab stop, placeholder, choice or variable; undefined when the `$` is text. */
  private parseDollar(): SnippetNode | undefined {
    const start = this.pos;
    const next = this.peek(1);
    if (next === undefined) return undefined;
    if (/\d/.test(next)) {
      this.pos++;
      return { kind: 'tabstop', index: this.readInt() as number };
    }
    if (/[_a-zA-Z]/.test(next)) {
      this.pos++;
      return { kind: 'variable', name: this.readName() as string };
    }
    if (next !== '{') return undefined;
    this.pos += 2;
    const index = this.readInt();
    if (index !== undefined) return this.parseTabStopBody(index, start);
    const name = this.readName();
    if (name !== undefined) return this.parseVariableBody(name, start);
    return this.fail('"${" must be followed by a tab stop number or a variable name', start);
  }

  private parseTabStopBody(index: number, start: number): SnippetNode {
    const ch = this.peek();
    if (ch === '}') {
      this.pos++;
      return { kind: 'tabstop', index };
    }
    if (ch === ':') {
      this.pos++;
      const children = this.parseNodes(true);
      if (this.peek() !== '}') this.fail(`placeholder \${${index}:… is not closed`, start);
      this.pos++;
      return { kind: 'placeholder', index, children };
    }
    if (ch === '|') {
      this.pos++;
      return { kind: 'choice', index, options: this.parseChoiceOptions(start) };
    }
    if (ch === '/') {
      const transform = this.parseTransform(start);
      return { kind: 'tabstop', index, transform };
    }
    return this.fail(`tab stop \${${index}… is malformed`, start);
  }

  private parseVariableBody(name: string, start: number): SnippetNode {
    const ch = this.peek();
    if (ch === '}') {
      this.pos++;
      return { kind: 'variable', name };
    }
    if (ch === ':') {
      this.pos++;
      const children = this.parseNodes(true);
      if (this.peek() !== '}') this.fail(`variable \${${name}:… is not closed`, start);
      this.pos++;
      return { kind: 'variable', name, children };
    }
    if (ch === '/') {
      const transform = this.parseTransform(start);
      return { kind: 'variable', name, transform };
    }
    return this.fail(`variable \${${name}… is malformed`, start);
  }

  /** After `${n|`: options separated by `,`, ended by `|}`. */
  private parseChoiceOptions(start: number): string[] {
    const options: string[] = [];
    let current = '';
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) this.fail('choice is not closed with "|}"', start);
      if (ch === '\\') {
        const next = this.peek(1);
        if (next === ',' || next === '|' || next === '\\') {
          current += next;
          this.pos += 2;
        } else {
          current += ch;
          this.pos++;
        }
        continue;
      }
      if (ch === ',') {
        options.push(current);
        current = '';
        this.pos++;
        continue;
      }
      if (ch === '|') {
        if (this.peek(1) !== '}') this.fail('a "|" in a choice option must be escaped as "\\|"');
        options.push(current);
        this.pos += 2;
        return options;
      }
      current += ch;
      this.pos++;
    }
  }

  /** At the `/` of `/regex/format/flags}`; consumes the closing `}`. */
  private parseTransform(start: number): Transform {
    this.expect('/');
    let source = '';
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) this.fail('transform is not closed', start);
      if (ch === '/') break;
      if (ch === '\\' && this.peek(1) === '/') {
        source += '/';
        this.pos += 2;
        continue;
      }
      if (ch === '\\' && this.peek(1) !== undefined) {
        source += ch + (this.peek(1) as string);
        this.pos += 2;
        continue;
      }
      source += ch;
      this.pos++;
    }
    this.pos++;
    const format = this.parseFormat(start);
    const flags = /^[a-z]*/.exec(this.src.slice(this.pos))?.[0] ?? '';
    this.pos += flags.length;
    this.expect('}');
    let regex: RegExp;
    try {
      regex = new RegExp(source, flags);
    } catch (e) {
      return this.fail(`transform regex /${source}/${flags} is invalid: ${String(e)}`, start);
    }
    return { regex, format };
  }

  /** The format of a transform, up to and including its closing `/`. */
  private parseFormat(start: number): FormatPart[] {
    const parts: FormatPart[] = [];
    let text = '';
    const flush = (): void => {
      if (text !== '') parts.push({ kind: 'text', value: text });
      text = '';
    };
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) this.fail('transform format is not closed', start);
      if (ch === '/') {
        this.pos++;
        flush();
        return parts;
      }
      if (ch === '\\') {
        const next = this.peek(1);
        if (next === '/' || next === '\\' || next === '$') {
          text += next;
          this.pos += 2;
        } else {
          text += ch;
          this.pos++;
        }
        continue;
      }
      if (ch === '$') {
        const part = this.parseFormatGroup();
        if (part) {
          flush();
          parts.push(part);
          continue;
        }
      }
      text += ch;
      this.pos++;
    }
  }

  /** `$1`, `${1}`, `${1:/upcase}`, `${1:+if}`, `${1:?if:else}`, `${1:-else}`, `${1:else}`. */
  private parseFormatGroup(): FormatPart | undefined {
    const start = this.pos;
    if (/\d/.test(this.peek(1) ?? '')) {
      this.pos++;
      return { kind: 'group', group: this.readInt() as number };
    }
    if (this.peek(1) !== '{') return undefined;
    this.pos += 2;
    const group = this.readInt();
    if (group === undefined) return this.fail('"${" in a transform format must be followed by a group number', start);
    if (this.peek() === '}') {
      this.pos++;
      return { kind: 'group', group };
    }
    this.expect(':');
    if (this.peek() === '/') {
      this.pos++;
      const name = this.readName();
      const modifier = CASE_MODIFIERS.find((m) => m === name);
      if (!modifier) return this.fail(`unknown case modifier "/${name ?? ''}"`, start);
      this.expect('}');
      return { kind: 'group', group, modifier };
    }
    if (this.peek() === '+') {
      this.pos++;
      return { kind: 'group', group, ifValue: this.readUntil('}', start) };
    }
    if (this.peek() === '?') {
      this.pos++;
      const ifValue = this.readUntil(':', start);
      return { kind: 'group', group, ifValue, elseValue: this.readUntil('}', start) };
    }
    if (this.peek() === '-') this.pos++;
    return { kind: 'group', group, elseValue: this.readUntil('}', start) };
  }

  /** Text up to `end` (consumed), with `\` escaping the next character. */
  private readUntil(end: string, start: number): string {
    let text = '';
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) this.fail(`expected "${end}" in a transform format`, start);
      if (ch === end) {
        this.pos++;
        return text;
      }
      if (ch === '\\' && this.peek(1) !== undefined) {
        text += this.peek(1) as string;
        this.pos += 2;
        continue;
      }
      text += ch;
      this.pos++;
    }
  }
}

/** Parses a snippet body. Throws SnippetSyntaxError on a malformed construct. */
export function parseSnippet(body: string | readonly string[]): SnippetNode[] {
  return new Parser(snippetSource(body)).parse();
}

/** Every node, depth first in document order (the order VS Code resolves defaults in). */
function* walk(nodes: readonly SnippetNode[]): Generator<SnippetNode> {
  for (const node of nodes) {
    yield node;
    if (node.kind === 'placeholder') yield* walk(node.children);
    if (node.kind === 'variable' && node.children) yield* walk(node.children);
  }
}

export interface TabStopInfo {
  readonly index: number;
  /** The first placeholder or choice of this tab stop, which gives every occurrence its default. */
  readonly definition?: Extract<SnippetNode, { kind: 'placeholder' | 'choice' }>;
  /** The options, when the tab stop is a choice. */
  readonly choices?: readonly string[];
  /** How many times the tab stop occurs (mirrors and transforms included). */
  readonly occurrences: number;
}

/** The tab stops of a snippet, by number, in increasing order. */
export function tabStops(body: string | readonly string[]): Map<number, TabStopInfo> {
  return collectTabStops(parseSnippet(body));
}

function collectTabStops(nodes: readonly SnippetNode[]): Map<number, TabStopInfo> {
  const found = new Map<number, { definition?: Extract<SnippetNode, { kind: 'placeholder' | 'choice' }>; occurrences: number }>();
  for (const node of walk(nodes)) {
    if (node.kind !== 'tabstop' && node.kind !== 'placeholder' && node.kind !== 'choice') continue;
    const entry = found.get(node.index) ?? { occurrences: 0 };
    entry.occurrences++;
    // VS Code: "the first placeholder of an index that has a value defines the value for all
    // placeholders with that index". An empty `${1:}` defines nothing.
    if (!entry.definition && (node.kind === 'choice' || (node.kind === 'placeholder' && node.children.length > 0))) entry.definition = node;
    found.set(node.index, entry);
  }
  const result = new Map<number, TabStopInfo>();
  for (const index of [...found.keys()].sort((a, b) => a - b)) {
    const entry = found.get(index) as { definition?: Extract<SnippetNode, { kind: 'placeholder' | 'choice' }>; occurrences: number };
    result.set(index, {
      index,
      definition: entry.definition,
      choices: entry.definition?.kind === 'choice' ? entry.definition.options : undefined,
      occurrences: entry.occurrences,
    });
  }
  return result;
}

export interface ExpandOptions {
  /** The text typed (or chosen) at each tab stop; a tab stop not given keeps its default. */
  readonly values?: Readonly<Record<number, string>>;
  /** Variable values; they take precedence over the CURRENT_* variables computed from `now`. */
  readonly variables?: Readonly<Record<string, string>>;
  /** The time the CURRENT_* variables are read from (local time, as VS Code does). */
  readonly now?: Date;
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** VS Code's date and time variables. */
function timeVariable(name: string, now: Date): string | undefined {
  switch (name) {
    case 'CURRENT_YEAR':
      return String(now.getFullYear());
    case 'CURRENT_YEAR_SHORT':
      return String(now.getFullYear()).slice(-2);
    case 'CURRENT_MONTH':
      return pad2(now.getMonth() + 1);
    case 'CURRENT_MONTH_NAME':
      return MONTH_NAMES[now.getMonth()];
    case 'CURRENT_MONTH_NAME_SHORT':
      return MONTH_NAMES[now.getMonth()]?.slice(0, 3);
    case 'CURRENT_DATE':
      return pad2(now.getDate());
    case 'CURRENT_DAY_NAME':
      return DAY_NAMES[now.getDay()];
    case 'CURRENT_DAY_NAME_SHORT':
      return DAY_NAMES[now.getDay()]?.slice(0, 3);
    case 'CURRENT_HOUR':
      return pad2(now.getHours());
    case 'CURRENT_MINUTE':
      return pad2(now.getMinutes());
    case 'CURRENT_SECOND':
      return pad2(now.getSeconds());
    case 'CURRENT_SECONDS_UNIX':
      return String(Math.floor(now.getTime() / 1000));
    default:
      return undefined;
  }
}

function applyCase(value: string, modifier: CaseModifier): string {
  switch (modifier) {
    case 'upcase':
      return value.toLocaleUpperCase();
    case 'downcase':
      return value.toLocaleLowerCase();
    case 'capitalize':
      return value === '' ? '' : (value[0] as string).toLocaleUpperCase() + value.slice(1);
    case 'pascalcase':
    case 'camelcase': {
      const words = value.match(/[a-z0-9]+/gi);
      if (!words) return value;
      return words
        .map((w, i) => (modifier === 'camelcase' && i === 0 ? w.charAt(0).toLowerCase() : w.charAt(0).toUpperCase()) + w.slice(1))
        .join('');
    }
  }
}

function formatGroup(part: Extract<FormatPart, { kind: 'group' }>, value: string): string {
  if (part.modifier) return applyCase(value, part.modifier);
  if (value !== '' && part.ifValue !== undefined) return part.ifValue;
  if (value === '' && part.elseValue !== undefined) return part.elseValue;
  return value;
}

/** VS Code's Transform.resolve: replace each match by the format; else branches when nothing matched. */
export function applyTransform(transform: Transform, value: string): string {
  const render = (groups: readonly (string | undefined)[]): string =>
    transform.format.map((part) => (part.kind === 'text' ? part.value : formatGroup(part, groups[part.group] ?? ''))).join('');
  let matched = false;
  // A fresh RegExp each time: a global regex keeps its lastIndex between calls.
  const regex = new RegExp(transform.regex.source, transform.regex.flags);
  const result = value.replace(regex, (...args: unknown[]) => {
    matched = true;
    const end = args.findIndex((a, i) => i > 0 && typeof a === 'number');
    return render(args.slice(0, end) as (string | undefined)[]);
  });
  if (!matched && transform.format.some((p) => p.kind === 'group' && p.elseValue !== undefined)) return render([]);
  return result;
}

/**
 * Expands a snippet body into the text the editor inserts once every tab stop has its value:
 * the one given in `values`, else the placeholder's default or the choice's first option.
 */
export function expandSnippet(body: string | readonly string[], options: ExpandOptions = {}): string {
  const nodes = parseSnippet(body);
  const stops = collectTabStops(nodes);
  const values = options.values ?? {};
  for (const key of Object.keys(values)) {
    if (!stops.has(Number(key))) throw new Error(`the snippet has no tab stop ${key} (it has ${[...stops.keys()].join(', ') || 'none'})`);
  }
  const now = options.now ?? new Date();
  const resolving = new Set<number>();

  const valueOf = (index: number): string => {
    const given = values[index];
    if (given !== undefined) return given;
    const definition = stops.get(index)?.definition;
    if (!definition) return '';
    if (definition.kind === 'choice') return definition.options[0] ?? '';
    // `${1:a ${1:b}}` cannot define itself: the inner occurrence is empty.
    if (resolving.has(index)) return '';
    resolving.add(index);
    try {
      return render(definition.children);
    } finally {
      resolving.delete(index);
    }
  };

  const variable = (name: string): string | undefined => options.variables?.[name] ?? timeVariable(name, now);

  const render = (list: readonly SnippetNode[]): string =>
    list
      .map((node) => {
        switch (node.kind) {
          case 'text':
            return node.value;
          case 'tabstop':
            return node.transform ? applyTransform(node.transform, valueOf(node.index)) : valueOf(node.index);
          case 'placeholder':
          case 'choice':
            return valueOf(node.index);
          case 'variable': {
            const value = variable(node.name);
            // VS Code transforms an unknown variable as an empty string.
            if (node.transform) return applyTransform(node.transform, value ?? '');
            if (value !== undefined) return value;
            // VS Code: an unknown variable inserts its default, or its name.
            return node.children ? render(node.children) : node.name;
          }
        }
      })
      .join('');

  return render(nodes);
}
