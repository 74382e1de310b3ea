// Tokenizes Form 4 draft lines with the extension's TextMate grammar (syntaxes/form4.tmLanguage.json),
// using vscode-textmate and the Oniguruma WebAssembly build, as VS Code does.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

export const ROOT_SCOPE = 'text.form4';

/** The time limit (ms) VS Code passes to `tokenizeLine2` for one line. */
export const TIME_LIMIT_MS = 500;

/** One token: its text and its scopes from the outermost to the innermost, without the root scope. */
export type Token = [text: string, scopes: string[]];

export interface TokenizedLine {
  readonly line: string;
  readonly tokens: Token[];
  /** True when the tokenizer gave up on the line because it reached the time limit. */
  readonly stoppedEarly: boolean;
}

/** The folder holding package.json, walking up from `start` (the compiled file lives in out/test/grammar/). */
export function findProjectRoot(start: string = __dirname): string {
  let dir = path.resolve(start);
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) {
      return dir;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`no package.json above ${start}`);
    }
    dir = parent;
  }
}

export const projectRoot = findProjectRoot();
export const grammarPath = path.join(projectRoot, 'syntaxes', 'form4.tmLanguage.json');

let grammarPromise: Promise<vsctm.IGrammar> | undefined;
let onigPromise: Promise<vsctm.IOnigLib> | undefined;

/** Oniguruma, loaded once per process (its WebAssembly can only be loaded once). */
function onigLib(): Promise<vsctm.IOnigLib> {
  onigPromise ??= (async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    return {
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    };
  })();
  return onigPromise;
}

async function grammarIn(registry: vsctm.Registry): Promise<vsctm.IGrammar> {
  const grammar = await registry.loadGrammar(ROOT_SCOPE);
  if (grammar === null) {
    throw new Error(`the grammar ${ROOT_SCOPE} did not load from ${grammarPath}`);
  }
  return grammar;
}

function newRegistry(theme?: vsctm.IRawTheme): vsctm.Registry {
  return new vsctm.Registry({
    onigLib: onigLib(),
    ...(theme ? { theme } : {}),
    loadGrammar: async (scopeName: string) =>
      scopeName === ROOT_SCOPE ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath) : null,
  });
}

/** Loads the grammar once per process. */
export function loadGrammar(): Promise<vsctm.IGrammar> {
  grammarPromise ??= grammarIn(newRegistry());
  return grammarPromise;
}

/** A theme rule, as in a VS Code colour theme's `tokenColors`. */
export interface ThemeRule {
  readonly scope: string | string[];
  readonly settings: { readonly foreground?: string; readonly fontStyle?: string };
}

/** A run of text and what a theme gives it: upper-case `#RRGGBB`, then `italic`, `bold`, `underline`, `strikethrough` if set. */
export type ColouredText = [text: string, style: string];

const FONT_STYLES: readonly [bit: number, name: string][] = [
  [1, 'italic'],
  [2, 'bold'],
  [4, 'underline'],
  [8, 'strikethrough'],
];

/**
 * The colours and font styles `rules` give the last of `lines` (the others are context), the way VS Code
 * resolves them: vscode-textmate's theme matching over the tokens' scopes. Neighbours of the
 * same colour are merged.
 */
export async function colourLine(rules: readonly ThemeRule[], lines: readonly string[], defaultForeground = '#000000'): Promise<ColouredText[]> {
  const registry = newRegistry({ name: 'test', settings: [{ settings: { foreground: defaultForeground, background: '#FFFFFF' } }, ...rules.map((r) => ({ scope: r.scope, settings: { ...r.settings } }))] });
  const grammar = await grammarIn(registry);
  const colours = registry.getColorMap();
  let state: vsctm.StateStack = vsctm.INITIAL;
  let result: vsctm.ITokenizeLineResult2 | undefined;
  for (const line of lines) {
    result = grammar.tokenizeLine2(line, state, TIME_LIMIT_MS);
    state = result.ruleStack;
  }
  const line = lines[lines.length - 1] ?? '';
  if (!result) return [];
  const out: ColouredText[] = [];
  const { tokens } = result;
  for (let i = 0; i < tokens.length; i += 2) {
    const start = tokens[i] ?? 0;
    const end = i + 2 < tokens.length ? (tokens[i + 2] ?? line.length) : line.length;
    // vscode-textmate's EncodedTokenAttributes: font style in bits 11-14, foreground colour id in bits 15-23.
    const metadata = tokens[i + 1] ?? 0;
    const style = (metadata >>> 11) & 0xf;
    const foreground = [(colours[(metadata >>> 15) & 0x1ff] ?? '?').toUpperCase(), ...FONT_STYLES.filter(([bit]) => (style & bit) !== 0).map(([, name]) => name)].join(' ');
    const text = line.substring(start, end);
    const last = out[out.length - 1];
    if (text === '') continue;
    if (last && last[1] === foreground) last[0] += text;
    else out.push([text, foreground]);
  }
  return out;
}

/**
 * Converts vscode-textmate's tokens of one line into [text, scopes] pairs: the root scope is checked and
 * removed, empty tokens are dropped, and neighbours with the same scopes are merged (vscode-textmate may
 * split text with identical scopes, e.g. at an unnamed capture, which no theme can see).
 */
function toTokens(line: string, raw: readonly vsctm.IToken[]): Token[] {
  const tokens: Token[] = [];
  for (const token of raw) {
    const text = line.substring(token.startIndex, Math.min(token.endIndex, line.length));
    if (text === '') {
      continue;
    }
    const [root, ...scopes] = token.scopes;
    if (root !== ROOT_SCOPE) {
      throw new Error(`token ${JSON.stringify(text)} has root scope ${String(root)}, expected ${ROOT_SCOPE}`);
    }
    const last = tokens[tokens.length - 1];
    if (last !== undefined && sameScopes(last[1], scopes)) {
      last[0] += text;
    } else {
      tokens.push([text, scopes]);
    }
  }
  return tokens;
}

function sameScopes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((scope, i) => scope === b[i]);
}

/** Tokenizes consecutive lines of one document, carrying the state from line to line. */
export async function tokenizeLines(lines: readonly string[], timeLimitMs: number = TIME_LIMIT_MS): Promise<TokenizedLine[]> {
  const grammar = await loadGrammar();
  let state: vsctm.StateStack = vsctm.INITIAL;
  const result: TokenizedLine[] = [];
  for (const line of lines) {
    const r = grammar.tokenizeLine(line, state, timeLimitMs);
    state = r.ruleStack;
    result.push({ line, tokens: toTokens(line, r.tokens), stoppedEarly: r.stoppedEarly });
  }
  return result;
}

/** Tokenizes a whole document (LF or CRLF line ends). */
export function tokenizeText(text: string, timeLimitMs: number = TIME_LIMIT_MS): Promise<TokenizedLine[]> {
  return tokenizeLines(text.split(/\r?\n/), timeLimitMs);
}

/** The tokens of `line`, tokenized after the lines of `context` (e.g. an "Explanation of Responses:" line). */
export async function tokenize(line: string, context: readonly string[] = []): Promise<Token[]> {
  const lines = await tokenizeLines([...context, line]);
  const last = lines[lines.length - 1];
  if (last === undefined) {
    throw new Error('no line tokenized');
  }
  if (last.stoppedEarly) {
    throw new Error(`tokenizing stopped early on ${JSON.stringify(line.slice(0, 80))}`);
  }
  return last.tokens;
}
