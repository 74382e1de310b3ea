/**
 * An XML element tree with exact source offsets, for EDGAR ownership XML (`ownershipDocument`).
 *
 * `readXmlTree(text, from, to)` reads `text.slice(from, to)` and returns its elements, attributes
 * and character data. Every offset is an index (UTF-16 code units, as JavaScript strings and LSP
 * count) into the whole `text`, so that a caller reading the XML part of a bigger file (the XML
 * inside an EDGAR full-submission `.txt`) gets offsets in that file's own coordinates.
 *
 * saxes tokenizes and checks well-formedness; this module keeps its own element stack, decodes
 * character data from the source spans itself, and turns saxes's terse errors into problems a
 * person understands, each on the offending markup. The reader never throws, runs in linear time
 * and uses no recursion (the tree of a 100,000-deep document is built with an explicit stack).
 *
 * How the tree is recovered after each kind of error (every one also gives an `XmlProblem`):
 * - an end tag whose name no open element has (`</valu>` for `</value>`, a second `</b>`) is
 *   ignored: nothing is closed (`end-tag`);
 * - an end tag that matches an outer open element closes it and every element inside it; those
 *   get `closed: false` and end at the `<` of that end tag (`unclosed`, one per element, unless
 *   an ignored end tag was already reported against the element);
 * - at the end of the input, elements still open get `closed: false` and end at `to`
 *   (`unclosed`); a start tag cut off before its `>` is not in the tree (`malformed`);
 * - a second root element is read but not attached: `root` is the first (`second-root`);
 *   character data outside the root is not kept (`text-outside-root`);
 * - `&` that does not start `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` or a character reference stays
 *   as written in the text, as does an entity XML does not define (`&nbsp;`) and a reference to
 *   a character XML does not allow (`&#0;`) (`entity`). saxes itself would read a bare `&` up to
 *   the next `;`, swallowing whatever markup lies between; the reader hides such an `&` from it;
 * - `<` that starts no markup (`a < b`, `<!doctype …>` in lower case, `</>`) stays in the text as
 *   written (`malformed`);
 * - a DOCTYPE is reported (`doctype`) and skipped: its entity declarations are neither read nor
 *   expanded, no external entity is ever fetched, and a reference to such an entity stays as
 *   written (`entity`). Processing instructions are reported (`pi`: EDGAR suspends a filing with
 *   a stylesheet reference or any other processing instruction, §5) and skipped; an XML
 *   declaration that is not the very first thing in the input is reported (`declaration`);
 * - duplicate attributes are all kept, in order (`duplicate-attribute`); an attribute without
 *   a value has the value '' and a value without quotes runs to the next space or `>` (`malformed`);
 * - lexical errors saxes reports (a control character, a bad character in a name, `]]>` in text,
 *   `--` in a comment) leave the tree as saxes reads on (`malformed`);
 * - at most `MAX_LISTED_PROBLEMS` problems are listed, then one `too-many-problems` that counts
 *   the rest; after `MAX_PARSER_ERRORS` lexical errors (binary data, a stray `<` followed by
 *   megabytes of junk) or `MAX_ELEMENTS` elements (to bound memory) reading stops there, the open
 *   elements end at that offset with `closed: false`, and a `too-many-problems` problem says where.
 *
 * XML 1.0 is assumed whatever the declaration says; `text` is a JavaScript string, already
 * decoded, so the declaration's `encoding` is reported but not used.
 */
import { SaxesParser, type SaxesAttributePlain, type SaxesStartTagPlain, type SaxesTagPlain } from 'saxes';

export interface XmlAttribute {
  /** As written. */
  readonly name: string;
  /** Decoded: entities and character references replaced, white space normalized as XML does. */
  readonly value: string;
  readonly nameStart: number;
  /** The value's source span, inside the quotes. */
  readonly valueStart: number;
  readonly valueEnd: number;
}

export interface XmlElement {
  /** As written, with its namespace prefix if any. */
  readonly name: string;
  /** Without a namespace prefix (`edgar:value` → `value`). */
  readonly localName: string;
  /** The `<` of the start tag. */
  readonly start: number;
  /** Just after the start tag's `>`. */
  readonly startTagEnd: number;
  /** The `<` of the end tag; `end` when there is none (self-closing or unclosed). */
  readonly endTagStart: number;
  /**
   * Just after the end tag's `>`; `startTagEnd` when self-closing. An unclosed element ends where
   * it was closed implicitly: at the `<` of the outer end tag that closed it, or at `to` (or where
   * reading stopped), so that its content lies inside it.
   */
  readonly end: number;
  readonly selfClosing: boolean;
  /** False when the input ended, or an outer end tag closed it, before its own end tag. */
  readonly closed: boolean;
  /** In source order; duplicates kept. */
  readonly attributes: readonly XmlAttribute[];
  readonly children: readonly XmlElement[];
  /**
   * The element's own character data (not its children's), in order, as XML defines it: line
   * breaks normalized to `\n`, entities and character references decoded, CDATA sections included.
   */
  readonly text: string;
  /**
   * The source span of the trimmed character data: from the first to just after the last source
   * character, in the element's own text or CDATA, that is not XML white space (space, tab, CR,
   * LF); both are `startTagEnd` when there is none. `<value> 10,000 </value>` gives the span of
   * `10,000`. A character reference counts as written: `&#32;` is not white space here.
   */
  readonly textStart: number;
  readonly textEnd: number;
}

export type XmlProblemCode =
  | 'malformed'
  | 'declaration'
  | 'doctype'
  | 'pi'
  | 'entity'
  | 'text-outside-root'
  | 'no-root'
  | 'second-root'
  | 'end-tag'
  | 'unclosed'
  | 'duplicate-attribute'
  | 'too-many-problems';

export interface XmlProblem {
  readonly code: XmlProblemCode;
  readonly message: string;
  /** The offending markup. */
  readonly start: number;
  readonly end: number;
}

export interface XmlDeclaration {
  readonly version?: string;
  readonly encoding?: string;
  readonly standalone?: string;
  readonly start: number;
  readonly end: number;
}

export interface XmlTree {
  /** The first root element; undefined when the input has none. */
  readonly root?: XmlElement;
  readonly declaration?: XmlDeclaration;
  /** In order of their start offsets; a `too-many-problems` summary comes last. */
  readonly problems: readonly XmlProblem[];
}

/** Problems listed at most; the rest are counted in one `too-many-problems` problem. */
export const MAX_LISTED_PROBLEMS = 100;
/** Lexical errors from saxes after which reading stops (binary data: one per character). */
export const MAX_PARSER_ERRORS = 1000;
/**
 * Elements after which reading stops, to bound memory (a tree takes some 250 bytes an element):
 * a 50 MB ownership document has 1.8 million; a 50 MB run of `<a/>`, 12 million.
 */
export const MAX_ELEMENTS = 2_000_000;

interface Building {
  name: string;
  localName: string;
  start: number;
  startTagEnd: number;
  endTagStart: number;
  end: number;
  selfClosing: boolean;
  closed: boolean;
  attributes: XmlAttribute[];
  children: Building[];
  text: string;
  textStart: number;
  textEnd: number;
}

/**
 * saxes errors that this module reports itself, better placed: the structure (its own stack,
 * not saxes's, which a stray end tag empties), entities and `<` in character data (by `decode`,
 * with their exact spans), and every DOCTYPE.
 */
const IGNORED_PARSER_ERRORS: ReadonlySet<string> = new Set([
  'unexpected close tag.',
  'documents may contain only one root.',
  'document must contain a root element.',
  'text data outside of root node.',
  'inappropriately located doctype declaration.',
  'undefined entity.',
  'malformed character entity.',
  'disallowed character in entity name.',
  'empty entity name.',
  'weird empty close tag.',
]);

/** The attributes or children of an element that has none: one shared array, never written. */
const NONE: never[] = [];

/** Thrown from the error handler to stop saxes; never leaves this module. */
const STOP = Symbol('stop');

const CHAR_TAB = 9;
const CHAR_LF = 10;
const CHAR_CR = 13;
const CHAR_SPACE = 32;
const CHAR_AMP = 38;
const CHAR_LT = 60;

/**
 * What saxes must not see as written, each replaced by `~` (same length, so every offset stays):
 * an `&` that does not start a predefined entity or a character reference (saxes would read it
 * up to the next `;`, markup and all), `<!` that starts no comment, CDATA section or DOCTYPE
 * (saxes would read everything after it as one unfinished construct), and a lone UTF-16
 * surrogate (saxes would take the next code unit, perhaps a `<`, as its other half).
 */
const HAZARDS = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);)|<!(?!--|\[CDATA\[|DOCTYPE)|\p{Cs}/gu;

const NAME_START = ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040`;
/** A reference at an `&`: predefined entity, decimal or hexadecimal character reference, or any other name. */
// The classes are XML's NameStartChar and NameChar, range by range; joiners and combining marks belong to them.
// eslint-disable-next-line no-misleading-character-class
const REFERENCE = new RegExp(`&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+)|([${NAME_START}][${NAME_CHAR}]*));`, 'uy');
const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function isXmlSpace(code: number): boolean {
  return code === CHAR_SPACE || code === CHAR_LF || code === CHAR_TAB || code === CHAR_CR;
}

/** XML 1.0's Char production. */
function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

/** The local part of a qualified name. */
export function localNameOf(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** A character for a message: `"x"`, or `U+0001` for one that does not print. */
function describeChar(text: string, at: number): string {
  const code = text.codePointAt(at);
  if (code === undefined) return 'the end of the input';
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff) || code === 0xfffe || code === 0xffff) {
    return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return `"${String.fromCodePoint(code)}"`;
}

/** A short quotation of source text for a message: up to `end`, or with `tag`, to the first `>`. */
function quote(text: string, start: number, end: number, tag = false): string {
  const max = 40;
  let raw = text.slice(start, Math.min(end, start + max + 1));
  const close = tag ? raw.indexOf('>') : -1;
  if (close !== -1) raw = raw.slice(0, close + 1);
  raw = raw.replace(/\s+/g, ' ');
  return raw.length > max ? `${raw.slice(0, max)}…` : raw;
}

function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** 1-based line numbers for messages, from an index of line starts built on first use. */
class LineIndex {
  private starts: number[] | undefined;

  constructor(
    private readonly text: string,
    private readonly to: number,
  ) {}

  lineOf(offset: number): number {
    const starts = (this.starts ??= this.build());
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  private build(): number[] {
    const starts = [0];
    const { text, to } = this;
    for (let i = 0; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === CHAR_LF) starts.push(i + 1);
      else if (c === CHAR_CR) {
        if (text.charCodeAt(i + 1) === CHAR_LF) i++;
        starts.push(i + 1);
      }
    }
    return starts;
  }
}

type Report = (code: XmlProblemCode, start: number, end: number, message: () => string) => void;

/**
 * Decodes the character data or attribute value `text.slice(start, end)`: line breaks become `\n`
 * (in an attribute value, white space characters become spaces), predefined entities and
 * character references are replaced; anything else stays as written and is reported.
 */
function decode(text: string, start: number, end: number, attribute: boolean, report: Report): string {
  let plain = true;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === CHAR_AMP || c === CHAR_LT || c === CHAR_CR || (attribute && (c === CHAR_LF || c === CHAR_TAB))) {
      plain = false;
      break;
    }
  }
  if (plain) return text.slice(start, end);
  let out = '';
  let run = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === CHAR_CR) {
      out += text.slice(run, i) + (attribute ? ' ' : '\n');
      if (text.charCodeAt(i + 1) === CHAR_LF && i + 1 < end) i++;
      run = i + 1;
    } else if (attribute && (c === CHAR_LF || c === CHAR_TAB)) {
      out += `${text.slice(run, i)} `;
      run = i + 1;
    } else if (c === CHAR_LT) {
      const at = i;
      report('malformed', at, at + 1, () =>
        text.startsWith('<!', at)
          ? `"${quote(text, at, end, true)}" is not markup XML knows: a comment is written <!-- -->, a CDATA section <![CDATA[ ]]>, a DOCTYPE <!DOCTYPE (in capitals)`
          : attribute
            ? 'The character < is not allowed in an attribute value: write &lt;'
            : text.startsWith('</', at)
              ? `"${quote(text, at, end, true)}" is not an end tag: an end tag is </name>; a < in text is written &lt;`
              : 'The character < starts no tag here: a < in text is written &lt;',
      );
    } else if (c === CHAR_AMP) {
      REFERENCE.lastIndex = i;
      const m = REFERENCE.exec(text);
      const refEnd = m ? i + m[0].length : i + 1;
      if (!m || refEnd > end) {
        const at = i;
        report('entity', at, at + 1, () => 'The character & must be written &amp; (here it starts no entity or character reference)');
        continue;
      }
      const [whole, predefined, decimal, hex, name] = m;
      let decoded: string | undefined;
      if (predefined !== undefined) decoded = PREDEFINED[predefined];
      else if (decimal !== undefined || hex !== undefined) {
        const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
        if (isXmlChar(code)) decoded = String.fromCodePoint(code);
        else report('entity', i, refEnd, () => `The character reference ${whole} does not stand for a character XML allows`);
      } else if (name !== undefined) {
        report('entity', i, refEnd, () =>
          name === 'nbsp'
            ? 'The entity &nbsp; is HTML, not XML: write &#160; for a no-break space'
            : `The entity &${name}; is not defined: XML knows only &amp; &lt; &gt; &quot; &apos; and character references (entities a DOCTYPE declares are not expanded)`,
        );
      }
      if (decoded !== undefined) {
        out += text.slice(run, i) + decoded;
        run = refEnd;
      }
      i = refEnd - 1;
    }
  }
  return out + text.slice(run, end);
}

/** CDATA content: only line breaks change. */
function normalizeLineBreaks(text: string, start: number, end: number): string {
  const raw = text.slice(start, end);
  return raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
}

/** The handler slots saxes 6 fills in `on()` (private in its types). */
interface HandlerSlots {
  xmldeclHandler?: unknown;
  textHandler?: unknown;
  piHandler?: unknown;
  doctypeHandler?: unknown;
  commentHandler?: unknown;
  openTagStartHandler?: unknown;
  openTagHandler?: unknown;
  closeTagHandler?: unknown;
  cdataHandler?: unknown;
  errorHandler?: unknown;
  endHandler?: unknown;
  readyHandler?: unknown;
  attributeHandler?: unknown;
}

/** XML 1.0 always (see the module comment); no namespace processing: names are kept as written. */
const PARSER_OPTIONS = { position: true, xmlns: false, forceXMLVersion: true, defaultXMLVersion: '1.0' } as const;

function newParser(): SaxesParser<typeof PARSER_OPTIONS> {
  const parser = new SaxesParser(PARSER_OPTIONS);
  // `on()` adds each handler to the parser as a new property under a computed name; from the
  // eighth, V8 turns the parser into a dictionary object and saxes reads five times slower (a 5 MB
  // document: 50 ms → 280 ms). Creating the slots first, by plain assignments, keeps it fast. Only
  // speed depends on these names: were saxes to rename them, it would still read the same.
  const slots = parser as unknown as HandlerSlots;
  slots.xmldeclHandler = undefined;
  slots.textHandler = undefined;
  slots.piHandler = undefined;
  slots.doctypeHandler = undefined;
  slots.commentHandler = undefined;
  slots.openTagStartHandler = undefined;
  slots.openTagHandler = undefined;
  slots.closeTagHandler = undefined;
  slots.cdataHandler = undefined;
  slots.errorHandler = undefined;
  slots.endHandler = undefined;
  slots.readyHandler = undefined;
  slots.attributeHandler = undefined;
  return parser;
}

/**
 * Reads `text.slice(from, to)` as an XML document. Never throws; `from` and `to` are clamped
 * to the text. See the module comment for what is recovered how.
 */
export function readXmlTree(text: string, from = 0, to: number = text.length): XmlTree {
  const length = text.length;
  const lo = Number.isFinite(from) ? Math.min(Math.max(Math.trunc(from), 0), length) : 0;
  const hi = Number.isFinite(to) ? Math.min(Math.max(Math.trunc(to), lo), length) : length;
  return new TreeReader(text, lo, hi).read();
}

class TreeReader {
  private readonly lines: LineIndex;
  /** What saxes reads: the slice with its hazards replaced (see HAZARDS), offsets unchanged. */
  private readonly fed: string;
  private readonly problems: XmlProblem[] = [];
  private unlisted = 0;
  private parserErrors = 0;
  private elements = 0;

  private root: Building | undefined;
  private declaration: XmlDeclaration | undefined;
  private readonly stack: Building[] = [];
  /** Parallel to `stack`: an ignored end tag was reported against the element. */
  private readonly reported: boolean[] = [];
  /** Open elements by name, kept only once an end tag has not matched the innermost one. */
  private openNames: Map<string, number> | undefined;

  /** End of the last markup: where character data may start. */
  private cursor: number;
  /** The first character after a BOM and white space. */
  private readonly contentStart: number;
  /** Where the next markup starts, when character data came between (see markupStart). */
  private hint = -1;
  private pending: Building | undefined;
  private attributeCursor = 0;
  private lastEndTag = -1;
  private closing = false;
  private unfinished = false;
  private stoppedAt = -1;
  private declarationProblemAt = -1;

  private readonly parser = newParser();

  constructor(
    private readonly text: string,
    private readonly from: number,
    private readonly to: number,
  ) {
    this.lines = new LineIndex(text, to);
    const slice = text.slice(from, to);
    this.fed = slice.replace(HAZARDS, (m: string, offset: number) => {
      if (m.length === 1 && m !== '&') {
        const at = from + offset;
        this.report('malformed', at, at + 1, () => `A lone UTF-16 surrogate (${describeChar(text, at)}) is not a character`);
      }
      return `~${m.slice(1)}`;
    });
    let start = from;
    if (text.charCodeAt(start) === 0xfeff) start++;
    while (start < to && isXmlSpace(text.charCodeAt(start))) start++;
    this.cursor = start;
    this.contentStart = start;
  }

  read(): XmlTree {
    const p = this.parser;
    p.on('text', () => {
      // Fired at the `<` that ends character data (and once more at the end of the input).
      if (!this.closing) this.hint = this.position() - 1;
    });
    p.on('opentagstart', (tag) => this.onOpenTagStart(tag));
    p.on('attribute', (attribute) => this.onAttribute(attribute));
    p.on('opentag', (tag) => this.onOpenTag(tag));
    p.on('closetag', (tag) => {
      if (!tag.isSelfClosing) this.onEndTag();
    });
    p.on('cdata', () => this.onCData());
    p.on('comment', () => this.onComment());
    p.on('processinginstruction', (pi) => this.onProcessingInstruction(pi.target));
    p.on('xmldecl', (decl) => this.onDeclaration(decl));
    p.on('doctype', () => this.onDoctype());
    p.on('error', (error) => this.onError(error));
    // saxes makes an Error for each error it reports, and capturing the stack costs most of it
    // (2 µs; 0.3 µs without): not needed, it is turned off while saxes reads, then restored.
    const errors = Error as { stackTraceLimit?: unknown };
    const stackTraceLimit = errors.stackTraceLimit;
    if (typeof stackTraceLimit === 'number') errors.stackTraceLimit = 0;
    try {
      p.write(this.fed);
      this.closing = true;
      p.close();
    } catch (error) {
      if (error !== STOP) {
        // A saxes state that throws (it should not): keep what was read, say where it stopped.
        const at = this.position();
        this.stoppedAt = at;
        this.forceReport('malformed', at, at, `The XML reader stopped at line ${this.line(at)}: ${error instanceof Error ? error.message : String(error)}`);
      }
    } finally {
      if (typeof stackTraceLimit === 'number') errors.stackTraceLimit = stackTraceLimit;
    }
    return this.finish();
  }

  // ---- positions -----------------------------------------------------------------------------

  private position(): number {
    return Math.min(this.from + this.parser.position, this.to);
  }

  /**
   * Where the markup being reported starts. saxes tells where markup ends, not where it starts;
   * but it reports character data when it meets the `<` that ends it, so the markup starts either
   * there or, with no character data between, where the previous markup ended.
   */
  private markupStart(): number {
    return this.hint >= this.cursor ? this.hint : this.cursor;
  }

  // ---- problems ------------------------------------------------------------------------------

  private report: Report = (code, start, end, message) => {
    if (this.problems.length >= MAX_LISTED_PROBLEMS) {
      this.unlisted++;
      return;
    }
    const s = Math.min(Math.max(start, this.from), this.to);
    this.problems.push({ code, message: message(), start: s, end: Math.min(Math.max(end, s), this.to) });
  };

  /** A problem listed even past the limit (the summaries). */
  private forceReport(code: XmlProblemCode, start: number, end: number, message: string): void {
    this.problems.push({ code, message, start, end: Math.max(start, end) });
  }

  private line(offset: number): number {
    return this.lines.lineOf(offset);
  }

  // ---- character data ------------------------------------------------------------------------

  /** Character data from the cursor up to `end`, to the open element (or outside the root). */
  private flushText(end: number): void {
    if (end > this.cursor) {
      this.addText(this.cursor, end, false);
      this.cursor = end;
    }
  }

  private addText(start: number, end: number, cdata: boolean): void {
    const { text } = this;
    let first = start;
    while (first < end && isXmlSpace(text.charCodeAt(first))) first++;
    const top = this.stack[this.stack.length - 1];
    if (!top) {
      if (first < end || cdata) {
        let last = end;
        while (last > first && isXmlSpace(text.charCodeAt(last - 1))) last--;
        const [s, e] = first < end ? [first, last] : [start, end];
        this.report('text-outside-root', s, e, () =>
          this.root ? `Text after the root element <${this.root.name}> ends: "${quote(text, s, e)}"` : `Text before the root element: "${quote(text, s, e)}"`,
        );
      }
      return;
    }
    top.text += cdata ? normalizeLineBreaks(text, start, end) : decode(text, start, end, false, this.report);
    if (first < end) {
      let last = end;
      while (isXmlSpace(text.charCodeAt(last - 1))) last--;
      if (top.textStart === -1) top.textStart = first;
      top.textEnd = last;
    }
  }

  // ---- saxes events --------------------------------------------------------------------------

  private onOpenTagStart(tag: SaxesStartTagPlain): void {
    const start = this.markupStart();
    if (++this.elements > MAX_ELEMENTS) {
      this.stop(start, `Reading stopped at line ${this.line(start)}: the document has more than ${MAX_ELEMENTS.toLocaleString('en-US')} elements`);
    }
    this.flushText(start);
    // saxes's name is the source's: the characters HAZARDS replaces are no name characters.
    const name = tag.name;
    this.pending = {
      name,
      localName: localNameOf(name),
      start,
      startTagEnd: start,
      endTagStart: start,
      end: start,
      selfClosing: false,
      closed: false,
      attributes: NONE,
      children: NONE,
      text: '',
      textStart: -1,
      textEnd: -1,
    };
    this.attributeCursor = start + 1 + name.length;
  }

  /**
   * saxes reports an attribute just after its closing quote (after the space or `>` that ends an
   * unquoted value, after the `>` of a name without a value); the spans are found from there,
   * within the start tag read so far: back over the quoted value (which cannot hold its quote),
   * `=` and the name, or forward from the end of the previous attribute.
   */
  private onAttribute(attribute: SaxesAttributePlain): void {
    const element = this.pending;
    if (!element) return;
    const { fed, from } = this;
    const floor = this.attributeCursor;
    const end = this.position();
    const at = (offset: number): number => fed.charCodeAt(offset - from);
    const name = attribute.name;
    let nameStart = -1;
    let valueStart = floor;
    let valueEnd = floor;
    const q = at(end - 1);
    if (end - 1 > floor && (q === 0x22 || q === 0x27)) {
      valueEnd = end - 1;
      let open = valueEnd - 1;
      while (open >= floor && at(open) !== q) open--;
      valueStart = Math.max(open + 1, floor);
      let k = open - 1;
      while (k >= floor && isXmlSpace(at(k))) k--;
      if (k >= floor && at(k) === 0x3d /* = */) k--;
      while (k >= floor && isXmlSpace(at(k))) k--;
      const candidate = k + 1 - name.length;
      if (candidate >= floor && fed.startsWith(name, candidate - from)) nameStart = candidate;
    }
    if (nameStart === -1) {
      // Forward: the first occurrence of the name after the previous attribute.
      const found = fed.indexOf(name, floor - from) + from;
      nameStart = found >= floor && found + name.length <= end ? found : floor;
      const nameEnd = Math.min(nameStart + name.length, end);
      let i = nameEnd;
      while (i < end && isXmlSpace(at(i))) i++;
      valueStart = nameEnd;
      valueEnd = nameEnd;
      if (i < end && at(i) === 0x3d) {
        i++;
        while (i < end && isXmlSpace(at(i))) i++;
        const quoteChar = at(i);
        if (i < end && (quoteChar === 0x22 || quoteChar === 0x27)) {
          valueStart = i + 1;
          valueEnd = Math.max(valueStart, at(end - 1) === quoteChar ? end - 1 : end);
        } else {
          valueStart = i;
          valueEnd = end;
          while (valueEnd > valueStart && (isXmlSpace(at(valueEnd - 1)) || at(valueEnd - 1) === 0x3e)) valueEnd--;
        }
      }
    }
    const nameEnd = Math.min(nameStart + name.length, end);
    if (element.attributes === NONE) element.attributes = [];
    element.attributes.push({
      name: this.text.slice(nameStart, nameEnd),
      value: decode(this.text, valueStart, valueEnd, true, this.report),
      nameStart,
      valueStart,
      valueEnd,
    });
    this.attributeCursor = end;
  }

  private onOpenTag(tag: SaxesTagPlain): void {
    const element = this.pending;
    if (!element) return;
    this.pending = undefined;
    const end = this.position();
    this.cursor = end;
    element.startTagEnd = end;
    element.selfClosing = tag.isSelfClosing;
    this.checkDuplicateAttributes(element);
    const parent = this.stack[this.stack.length - 1];
    if (parent) {
      if (parent.children === NONE) parent.children = [];
      parent.children.push(element);
    }
    else if (!this.root) this.root = element;
    else {
      const root = this.root;
      this.report('second-root', element.start, end, () => `A document has one root element: <${element.name}> comes after <${root.name}> has ended, and is not read into the tree`);
    }
    if (tag.isSelfClosing) {
      element.closed = true;
      element.endTagStart = end;
      element.end = end;
      this.finishElement(element);
    } else {
      this.stack.push(element);
      this.reported.push(false);
      if (this.openNames) this.openNames.set(element.name, (this.openNames.get(element.name) ?? 0) + 1);
    }
  }

  private checkDuplicateAttributes(element: Building): void {
    const attributes = element.attributes;
    if (attributes.length < 2) return;
    const seen = new Set<string>();
    for (const a of attributes) {
      if (seen.has(a.name)) {
        const quoted = a.valueEnd < this.to && /["']/.test(this.text.charAt(a.valueEnd));
        this.report('duplicate-attribute', a.nameStart, a.valueEnd + (quoted ? 1 : 0), () => `The attribute ${a.name} is given twice in the start tag <${element.name}>`);
      }
      seen.add(a.name);
    }
  }

  private onEndTag(): void {
    const end = this.position();
    // saxes reports one end tag once for each element it pops: only the first counts.
    if (end === this.lastEndTag) return;
    this.lastEndTag = end;
    const start = this.markupStart();
    this.flushText(start);
    this.cursor = end;
    const { text, stack } = this;
    let nameEnd = start + 2;
    while (nameEnd < end && !isXmlSpace(text.charCodeAt(nameEnd)) && text.charCodeAt(nameEnd) !== 0x3e) nameEnd++;
    const top = stack[stack.length - 1];
    if (top && top.name.length === nameEnd - start - 2 && text.startsWith(top.name, start + 2)) {
      this.pop(true, start, end);
      return;
    }
    const name = text.slice(start + 2, nameEnd);
    if (top && !this.openNames) {
      this.openNames = new Map();
      for (const e of stack) this.openNames.set(e.name, (this.openNames.get(e.name) ?? 0) + 1);
    }
    if (!top || !this.openNames?.get(name)) {
      if (top) {
        this.reported[this.reported.length - 1] = true;
        this.report('end-tag', start, end, () => `The end tag </${name}> does not match the start tag <${top.name}> opened on line ${this.line(top.start)}; it is ignored`);
      } else {
        this.report('end-tag', start, end, () => `The end tag </${name}> has no start tag; it is ignored`);
      }
      return;
    }
    const endLine = (): number => this.line(start);
    while (stack.length > 0 && stack[stack.length - 1]?.name !== name) {
      const inner = this.pop(false, start, start);
      if (inner.reported) continue;
      const element = inner.element;
      this.report('unclosed', element.start, element.startTagEnd, () => `The element <${element.name}> opened on line ${this.line(element.start)} has no end tag: </${name}> on line ${endLine()} closes it`);
    }
    this.pop(true, start, end);
  }

  private pop(closed: boolean, endTagStart: number, end: number): { element: Building; reported: boolean } {
    const element = this.stack.pop() as Building;
    const reported = this.reported.pop() ?? false;
    if (this.openNames) this.openNames.set(element.name, (this.openNames.get(element.name) ?? 1) - 1);
    element.closed = closed;
    element.endTagStart = endTagStart;
    element.end = end;
    this.finishElement(element);
    return { element, reported };
  }

  private finishElement(element: Building): void {
    if (element.textStart === -1) {
      element.textStart = element.startTagEnd;
      element.textEnd = element.startTagEnd;
    }
  }

  private onCData(): void {
    const start = this.markupStart();
    this.flushText(start);
    const end = this.position();
    this.cursor = end;
    const content = this.text.startsWith('<![CDATA[', start) && end - 3 >= start + 9;
    this.addText(content ? start + 9 : start, content ? end - 3 : end, true);
  }

  private onComment(): void {
    // saxes reports a comment at its `--`, before the `>`; after a `--` that is not followed by
    // `>` (an error) the comment goes on, and is reported again at the next `--`.
    const start = this.markupStart();
    this.flushText(start);
    const end = this.position();
    this.cursor = this.text.charCodeAt(end) === 0x3e && end < this.to ? end + 1 : start;
  }

  private onProcessingInstruction(target: string): void {
    const start = this.markupStart();
    this.flushText(start);
    const end = this.position();
    this.cursor = end;
    this.report('pi', start, end, () =>
      `The processing instruction <?${target} …?> is not allowed: EDGAR suspends a filing that holds a stylesheet reference or any other processing instruction (Ownership XML Technical Specification §5)`,
    );
  }

  private onDeclaration(decl: { version?: string; encoding?: string; standalone?: string }): void {
    const start = this.markupStart();
    this.flushText(start);
    const end = this.position();
    this.cursor = end;
    if (!this.declaration) this.declaration = { version: decl.version, encoding: decl.encoding, standalone: decl.standalone, start, end };
  }

  private onDoctype(): void {
    const start = this.markupStart();
    this.flushText(start);
    const end = this.position();
    this.cursor = end;
    this.report('doctype', start, end, () => 'A DOCTYPE has no place in an EDGAR ownership document; it is not read: its entities are neither declared nor expanded, and nothing it names is fetched');
  }

  // ---- saxes errors --------------------------------------------------------------------------

  private onError(error: Error): void {
    const message = error.message.replace(/^\d+:\d+: /, '');
    if (IGNORED_PARSER_ERRORS.has(message) || message.startsWith('unclosed tag: ') || message.startsWith('duplicate attribute: ')) return;
    if (message.startsWith('unmatched closing tag: ')) {
      // saxes had no open element left (its own stack, emptied by an earlier stray end tag).
      this.onEndTag();
      return;
    }
    // The errors above come at most once per element or end tag; these can come once per
    // character (binary data, junk inside a tag), so they are counted.
    const at = this.position();
    if (++this.parserErrors > MAX_PARSER_ERRORS) {
      this.stop(at, `Reading stopped at line ${this.line(at)}: more than ${MAX_PARSER_ERRORS.toLocaleString('en-US')} errors, this does not look like XML`);
    }
    const { text } = this;
    const last = Math.max(at - 1, this.from);
    const offending = (): [number, number] => {
      // The character just read; a surrogate pair is two code units.
      const code = text.charCodeAt(last);
      return code >= 0xdc00 && code <= 0xdfff && last - 1 >= this.from ? [last - 1, at] : [last, at];
    };
    const char = (): string => describeChar(text, offending()[0]);
    const malformed = (describe: () => string): void => {
      const [s, e] = offending();
      this.report('malformed', s, e, describe);
    };
    if (IGNORED_PARSER_ERRORS.has(message)) return;
    switch (message) {
      case 'disallowed character in tag name':
        // A `<` that starts no tag: saxes reads on as character data, from the character after it.
        this.hint = at;
        return;
      case 'unexpected end.':
        this.unfinished = true;
        return;
      case 'disallowed character.':
        if (text.charCodeAt(last) === CHAR_LT) return; // `<` in an attribute value: decode reports it
        malformed(() => `The character ${char()} is not allowed in XML`);
        return;
      case 'disallowed character in tag name.':
        malformed(() => `The character ${char()} cannot follow the tag name <${this.pending?.name ?? ''}>`);
        return;
      case 'disallowed character in attribute name.':
        malformed(() =>
          text.charCodeAt(last) === CHAR_LT
            ? `The start tag <${this.pending?.name ?? ''}> is not closed with > before the next <`
            : `The character ${char()} is not allowed here in the start tag <${this.pending?.name ?? ''}>: an attribute name or > was expected`,
        );
        return;
      case 'attribute without value.':
        malformed(() => `An attribute in the start tag <${this.pending?.name ?? ''}> has no value: write name="value"`);
        return;
      case 'unquoted attribute value.':
        malformed(() => `An attribute value in the start tag <${this.pending?.name ?? ''}> is not in quotes: write name="value"`);
        return;
      case 'no whitespace between attributes.':
        malformed(() => `Attributes in the start tag <${this.pending?.name ?? ''}> must be separated by a space`);
        return;
      case 'forward-slash in opening tag not followed by >.':
        malformed(() => `"/" in the start tag <${this.pending?.name ?? ''}> must be followed by ">"`);
        return;
      case 'disallowed character in closing tag.':
        malformed(() => `The character ${char()} is not allowed in an end tag`);
        return;
      case 'the string "]]>" is disallowed in char data.':
        this.report('malformed', at - 3, at, () => '"]]>" is not allowed in text: write ]]&gt;');
        return;
      case 'malformed comment.':
        this.report('malformed', at - 3, at - 1, () => '"--" is not allowed inside a comment');
        return;
      default:
        break;
    }
    const start = Math.min(this.markupStart(), at);
    if (/XML declaration|xml declaration|version number|encoding value|standalone value|name\/value|expected the name|expected one of|value required|value must be quoted|whitespace required|processing instructions are not allowed before root/.test(message)) {
      // One problem a declaration: after the first error saxes's further ones are confused.
      if (start === this.declarationProblemAt) return;
      this.declarationProblemAt = start;
      const first = this.declaration;
      this.report('declaration', start, at, () =>
        first
          ? `A second XML declaration: a document has one, at its very start (line ${this.line(first.start)})`
          : /must be at the start|must appear at the start/.test(message)
            ? 'The XML declaration <?xml …?> must be the very first thing in the document: not even a space or a line break may come before it'
            : `The XML declaration is malformed: ${message}`,
      );
      return;
    }
    malformed(() => `${message.charAt(0).toUpperCase()}${message.slice(1)}`);
  }

  /** Stops reading here: the open elements end at `at`, unclosed, and a problem says why. */
  private stop(at: number, message: string): never {
    this.stoppedAt = at;
    this.forceReport('too-many-problems', at, at, message);
    throw STOP;
  }

  // ---- the end -------------------------------------------------------------------------------

  private finish(): XmlTree {
    const { stack } = this;
    const stopped = this.stoppedAt !== -1;
    const end = stopped ? this.stoppedAt : this.to;
    if (!stopped) {
      const start = this.markupStart();
      if (this.unfinished && start < end) {
        this.flushText(start);
        const pending = this.pending;
        this.report('malformed', start, end, () =>
          pending
            ? `The start tag <${pending.name}> is not finished: the document ends before its >`
            : `The document ends inside ${this.constructAt(start)} that is not finished`,
        );
      } else {
        this.flushText(end);
      }
    }
    while (stack.length > 0) {
      const { element } = this.pop(false, end, end);
      if (!stopped) this.report('unclosed', element.start, element.startTagEnd, () => `The element <${element.name}> opened on line ${this.line(element.start)} is not closed before the end of the document`);
    }
    if (!this.root && !stopped) {
      const empty = this.contentStart >= this.to;
      this.report('no-root', this.from, this.from, () => (empty ? 'The document is empty: an XML document has one root element' : 'The document has no root element'));
    }
    const summaries = this.problems.filter((p) => p.code === 'too-many-problems');
    const listed = this.problems.filter((p) => p.code !== 'too-many-problems').sort((a, b) => a.start - b.start || a.end - b.end);
    if (this.unlisted > 0) {
      listed.push({ code: 'too-many-problems', message: `${plural(this.unlisted, 'more problem is', 'more problems are')} not listed`, start: this.to, end: this.to });
    }
    listed.push(...summaries);
    return { root: this.root, declaration: this.declaration, problems: listed };
  }

  private constructAt(start: number): string {
    const { text } = this;
    if (text.startsWith('<!--', start)) return 'a comment';
    if (text.startsWith('<![CDATA[', start)) return 'a CDATA section';
    if (text.startsWith('<!DOCTYPE', start)) return 'a DOCTYPE';
    if (text.startsWith('<?', start)) return 'a processing instruction';
    if (text.startsWith('</', start)) return 'an end tag';
    return 'markup';
  }
}

/** Every element under `root` (itself first), in document order, without recursion. */
export function* elementsOf(root: XmlElement): Generator<XmlElement> {
  const stack: XmlElement[] = [root];
  for (let e = stack.pop(); e !== undefined; e = stack.pop()) {
    yield e;
    for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i] as XmlElement);
  }
}

/** The child elements of `element` with this local name. */
export function childrenNamed(element: XmlElement, localName: string): XmlElement[] {
  return element.children.filter((c) => c.localName === localName);
}

/** The first child element with this local name. */
export function childNamed(element: XmlElement, localName: string): XmlElement | undefined {
  return element.children.find((c) => c.localName === localName);
}

/** The first attribute of this name (as written). */
export function attributeNamed(element: XmlElement, name: string): XmlAttribute | undefined {
  return element.attributes.find((a) => a.name === name);
}
