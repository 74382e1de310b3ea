/**
 * The edit that sets one rule's severity in a `.form4rc.json` text ("Turn rule X off in
 * .form4rc.json"), changing nothing else: not the other rules, not `$schema`, not the file's
 * spacing or order. A small JSON reader finds where the `rules` object and the rule's value
 * stand; the edit replaces that value, or inserts the member after the last one (indented as
 * that one is), or adds a `rules` object. A file that is not valid JSON gets no edit: rewriting
 * it would lose what the user wrote.
 */

/** A replacement of `length` characters at `offset` (UTF-16 code units) of the config's text. */
export interface OffsetEdit {
  readonly offset: number;
  readonly length: number;
  readonly newText: string;
}

export type SeverityEdit = { readonly edits: readonly OffsetEdit[] } | { readonly error: string };

/** The whole text of a new config that sets one rule. */
export function newConfigText(rule: string, severity: string): string {
  return `{\n  "rules": {\n    ${JSON.stringify(rule)}: ${JSON.stringify(severity)}\n  }\n}\n`;
}

/** The edits that make `text` (a `.form4rc.json`) set `rule` to `severity`; none when it already does. */
export function ruleSeverityEdit(text: string, rule: string, severity = 'off'): SeverityEdit {
  let root: JsonValue;
  try {
    const reader = new Reader(text);
    root = reader.document();
  } catch (error) {
    return { error: `not valid JSON (${(error as Error).message})` };
  }
  if (root.kind !== 'object') return { error: 'not a JSON object like { "rules": { … } }' };
  const value = JSON.stringify(severity);
  const member = `${JSON.stringify(rule)}: ${value}`;
  const rules = lastMember(root, 'rules');
  if (!rules) return { edits: [insertMember(text, root, `"rules": { ${member} }`)] };
  if (rules.value.kind !== 'object') return { edits: [replace(rules.value, `{ ${member} }`)] };
  const existing = lastMember(rules.value, rule);
  if (existing) {
    if (text.slice(existing.value.start, existing.value.end) === value) return { edits: [] };
    return { edits: [replace(existing.value, value)] };
  }
  return { edits: [insertMember(text, rules.value, member)] };
}

interface JsonMember {
  readonly key: string;
  readonly keyStart: number;
  readonly value: JsonValue;
}

type JsonValue =
  | { readonly kind: 'object'; readonly start: number; readonly end: number; readonly members: readonly JsonMember[] }
  | { readonly kind: 'other'; readonly start: number; readonly end: number };

/** The member JSON.parse would keep: with duplicate keys, the last. */
function lastMember(object: JsonValue & { kind: 'object' }, key: string): JsonMember | undefined {
  let found: JsonMember | undefined;
  for (const m of object.members) if (m.key === key) found = m;
  return found;
}

function replace(value: JsonValue, newText: string): OffsetEdit {
  return { offset: value.start, length: value.end - value.start, newText };
}

/** Inserts a member into an object: after its last member, on a line of its own indented like it, or into `{}`. */
function insertMember(text: string, object: JsonValue & { kind: 'object' }, member: string): OffsetEdit {
  const last = object.members[object.members.length - 1];
  if (!last) {
    // `{}` or `{ }`: the member between the braces.
    return { offset: object.start, length: object.end - object.start, newText: `{ ${member} }` };
  }
  const lineStart = text.lastIndexOf('\n', last.keyStart - 1) + 1;
  const before = text.slice(lineStart, last.keyStart);
  // The last member on a line of its own: the new one goes on the next line, indented alike.
  const separator = /^[ \t]*$/.test(before) ? `,\n${before}` : ', ';
  return { offset: last.value.end, length: 0, newText: `${separator}${member}` };
}

/** A strict JSON reader (RFC 8259; a leading byte-order mark allowed, as the config reader allows it). */
class Reader {
  private pos = 0;

  constructor(private readonly text: string) {
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  document(): JsonValue {
    const value = this.value();
    this.space();
    if (this.pos < this.text.length) this.fail('unexpected text after the value');
    return value;
  }

  private fail(message: string): never {
    throw new Error(`${message} at offset ${this.pos}`);
  }

  private space(): void {
    while (this.pos < this.text.length && ' \t\r\n'.includes(this.text.charAt(this.pos))) this.pos++;
  }

  private value(): JsonValue {
    this.space();
    const start = this.pos;
    const c = this.text.charAt(this.pos);
    if (c === '{') return this.object();
    if (c === '[') {
      this.array();
    } else if (c === '"') {
      this.string();
    } else if (/[-0-9]/.test(c)) {
      const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.pos));
      if (!m) this.fail('a malformed number');
      this.pos += m[0].length;
    } else {
      const word = ['true', 'false', 'null'].find((w) => this.text.startsWith(w, this.pos));
      if (!word) this.fail('a value expected');
      this.pos += word.length;
    }
    return { kind: 'other', start, end: this.pos };
  }

  private object(): JsonValue {
    const start = this.pos++;
    const members: JsonMember[] = [];
    this.space();
    if (this.text.charAt(this.pos) === '}') return { kind: 'object', start, end: ++this.pos, members };
    for (;;) {
      this.space();
      const keyStart = this.pos;
      if (this.text.charAt(this.pos) !== '"') this.fail('a key expected');
      const key = this.string();
      this.space();
      if (this.text.charAt(this.pos) !== ':') this.fail('":" expected');
      this.pos++;
      members.push({ key, keyStart, value: this.value() });
      this.space();
      const c = this.text.charAt(this.pos++);
      if (c === '}') return { kind: 'object', start, end: this.pos, members };
      if (c !== ',') this.fail('"," or "}" expected');
    }
  }

  private array(): void {
    this.pos++;
    this.space();
    if (this.text.charAt(this.pos) === ']') {
      this.pos++;
      return;
    }
    for (;;) {
      this.value();
      this.space();
      const c = this.text.charAt(this.pos++);
      if (c === ']') return;
      if (c !== ',') this.fail('"," or "]" expected');
    }
  }

  /** A string's value; JSON.parse checks its escapes. */
  private string(): string {
    const start = this.pos++;
    for (;;) {
      const c = this.text.charAt(this.pos);
      if (c === '') this.fail('an unterminated string');
      if (c.charCodeAt(0) < 0x20) this.fail('a control character in a string');
      this.pos++;
      if (c === '\\') this.pos++;
      else if (c === '"') break;
    }
    return JSON.parse(this.text.slice(start, this.pos)) as string;
  }
}
