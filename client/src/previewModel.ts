/**
 * The preview's pure part, without `vscode` so that node:test can check it: which documents it
 * shows, the messages between the webview's script (media/preview.js) and the extension, the
 * spans those messages carry, the debounce of updates, and the rule that the newest render wins.
 */

/** The webview panel's type: one panel of it at a time. */
export const PREVIEW_VIEW_TYPE = 'form4.preview';

/** Milliseconds between the last keystroke and the request for a new page. */
export const UPDATE_DELAY_MS = 150;

/** A range of the source document, 0-based lines and UTF-16 characters, as LSP counts them. */
export interface SpanRange {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

/** What the script (media/preview.js) posts: a click on an element that shows a value of the source. */
export interface RevealMessage {
  readonly type: 'reveal';
  readonly span: SpanRange;
}

/** What the script posts once it listens for updates. */
export interface ReadyMessage {
  readonly type: 'ready';
}

export type WebviewMessage = RevealMessage | ReadyMessage;

/** What the extension posts to the script: a newer page, whose content replaces the one shown. */
export interface UpdateMessage {
  readonly type: 'update';
  readonly html: string;
}

const SPAN = /^(\d{1,9}),(\d{1,9}),(\d{1,9}),(\d{1,9})$/;

/**
 * A `data-span` value (`startLine,startChar,endLine,endChar`, 0-based) as a range; undefined for
 * anything else, an end before its start among them. The webview is the extension's own page, but
 * what it posts is read as carefully as any input.
 */
export function parseSpan(text: unknown): SpanRange | undefined {
  if (typeof text !== 'string') return undefined;
  const m = SPAN.exec(text.trim());
  if (!m) return undefined;
  const [startLine, startChar, endLine, endChar] = m.slice(1).map(Number) as [number, number, number, number];
  if (endLine < startLine || (endLine === startLine && endChar < startChar)) return undefined;
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

/** A message from the webview, checked: undefined for one this extension does not send. */
export function parseWebviewMessage(message: unknown): WebviewMessage | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, span } = message as { type?: unknown; span?: unknown };
  if (type === 'ready') return { type };
  if (type !== 'reveal') return undefined;
  const range = parseSpan(span);
  return range ? { type, span: range } : undefined;
}

/**
 * The span's range without the blanks around the value: a draft's cell spans from `|` to `|`,
 * padding included, and a click selects the value the user clicked, not the padding. `text` is
 * the text of the span; a span that holds only blanks (an empty cell) is kept as it is, so that
 * the cursor lands in the cell. Spans over several lines (an XML element) are kept too.
 */
export function trimSpan(span: SpanRange, text: string): SpanRange {
  if (span.start.line !== span.end.line) return span;
  const leading = text.length - text.trimStart().length;
  const trailing = text.length - text.trimEnd().length;
  if (leading === text.length) return span;
  return { start: { line: span.start.line, character: span.start.character + leading }, end: { line: span.end.line, character: span.end.character - trailing } };
}

/**
 * Whether the preview can show a document: a draft (language `form4`), or a file the server may
 * read as EDGAR ownership XML (`xml`, or a `.txt` EDGAR submission). The server has the last word:
 * it answers null for an XML or text file that holds no Form 4.
 */
export function isPreviewable(languageId: string, path: string): boolean {
  if (languageId === 'form4' || languageId === 'xml') return true;
  return languageId === 'plaintext' && /\.txt$/i.test(path);
}

/** The panel's title, as the Markdown preview names its own: "Preview wilson.form4". */
export function panelTitle(path: string): string {
  const name = path.split('/').pop() || path;
  return `Preview ${name}`;
}

/**
 * Requests in flight, newest wins: each request takes a ticket, and a page is shown only when its
 * ticket is the latest taken and its version is not older than the page already shown. A slow
 * answer for an old version can so never replace a newer page.
 */
export class NewestWins {
  private latest = 0;
  private shown: { readonly key: string; readonly version: number } | undefined;

  /** A ticket for a request about to be sent. */
  take(): number {
    return ++this.latest;
  }

  /** Whether the answer to `ticket` (document `key` at `version`) is to be shown; if so, it is recorded as shown. */
  accept(ticket: number, key: string, version: number): boolean {
    if (ticket !== this.latest) return false;
    if (this.shown && this.shown.key === key && version < this.shown.version) return false;
    this.shown = { key, version };
    return true;
  }

  /**
   * Forgets the page shown: for a new panel, or when the document shown is closed (opened again,
   * it starts again at version 1, which must not lose to the old version numbers).
   */
  forget(): void {
    this.shown = undefined;
  }

  /** The document and version of the page shown, if any. */
  get current(): { readonly key: string; readonly version: number } | undefined {
    return this.shown;
  }
}

/** Runs the last function scheduled, `delayMs` after the last call; a call meanwhile restarts the wait. */
export class Debounce {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly delayMs: number = UPDATE_DELAY_MS) {}

  schedule(run: () => void): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      run();
    }, this.delayMs);
  }

  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  get pending(): boolean {
    return this.timer !== undefined;
  }
}
