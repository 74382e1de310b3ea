// Helpers for the end-to-end suites (test/e2e/*.e2e.ts). Not a suite itself: each suite bundle
// that imports it gets its own copy.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'form4-tools.form4';

/** The first (only) workspace folder: a throwaway copy of test/e2e/fixtures. */
export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open (the runner opens a copy of test/e2e/fixtures)');
  return folder;
}

/** The URI of a file in the workspace, e.g. fixtureUri('clean.form4'). */
export function fixtureUri(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, ...segments);
}

/** Opens a workspace file in an editor and returns the editor. */
export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  return vscode.window.showTextDocument(document);
}

/** Polls `condition` until it returns a truthy value, or fails after `timeoutMs`. */
export async function waitFor<T>(condition: () => T | Promise<T>, what: string, timeoutMs = 15_000, intervalMs = 100): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

let screenshotCount = 0;

/**
 * Asks the runner for a screenshot of the whole workbench, saved as test-results/<name>.png, and
 * waits until it is taken. Only scripts/e2e/run-code-server.mjs (a browser it drives) can take one;
 * elsewhere (desktop VS Code through @vscode/test-electron) this logs a line and returns undefined.
 *
 * How: this prints `E2E_SCREENSHOT <name> <token>`; the runner sees the line in the extension
 * host's output, takes the screenshot with Playwright, then writes the file
 * $FORM4_E2E_ACK_DIR/<token> holding the PNG's path (or `ERROR <message>`), which ends the wait.
 *
 * @param settleMs time given to the workbench to paint (a hover, a squiggle) before the request
 * @returns the path of the PNG, on the machine running the runner
 */
export async function screenshot(name: string, { settleMs = 500, timeoutMs = 20_000 } = {}): Promise<string | undefined> {
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new Error(`screenshot name "${name}": use letters, digits, '.', '_' and '-' only`);
  const ackDir = process.env.FORM4_E2E_ACK_DIR;
  if (!ackDir) {
    console.log(`E2E_SCREENSHOT_UNAVAILABLE ${name} (this runner takes no screenshots)`);
    return undefined;
  }
  await sleep(settleMs);
  const token = `${name}-${process.pid}-${Date.now()}-${++screenshotCount}`;
  const ackFile = path.join(ackDir, token);
  console.log(`E2E_SCREENSHOT ${name} ${token}`);
  await waitFor(() => fs.existsSync(ackFile), `the runner to take screenshot ${name}`, timeoutMs);
  const answer = fs.readFileSync(ackFile, 'utf8');
  if (answer.startsWith('ERROR')) throw new Error(`screenshot ${name} failed: ${answer}`);
  return answer;
}

// ── drafts, diagnostics and editors ─────────────────────────────────────────────────────────────

/** How long a test waits for the language server (a diagnostics event, a result) before it fails. */
export const SERVER_TIMEOUT_MS = 10_000;

let copyCount = 0;

/**
 * A copy of a fixture at a URI that no editor has seen yet: `scratch/<unique>/<name>` in the
 * workspace, same bytes, same file name. Tests that wait for "the first diagnostics of a draft"
 * need such a URI: a document opened earlier (by another suite, in another order) may have
 * diagnostics already, or an old clear-on-close event still on its way.
 */
export async function freshCopy(fixture: string, name: string = fixture): Promise<vscode.Uri> {
  const bytes = await vscode.workspace.fs.readFile(fixtureUri(fixture));
  return writeWorkspaceFile(`scratch/${process.pid}-${Date.now()}-${++copyCount}/${name}`, bytes);
}

/** Writes a file of the workspace (folders created as needed) and returns its URI. */
export async function writeWorkspaceFile(relativePath: string, content: string | Uint8Array): Promise<vscode.Uri> {
  const uri = fixtureUri(...relativePath.split('/'));
  await vscode.workspace.fs.writeFile(uri, typeof content === 'string' ? new TextEncoder().encode(content) : content);
  return uri;
}

/** The form4 diagnostics of a document (the only ones a form4 document should have). */
export function form4Diagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'form4');
}

/** A diagnostic's rule id: the LSP client turns code + codeDescription into `{ value, target }`. */
export function ruleOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) return undefined;
  return typeof code === 'object' ? String(code.value) : String(code);
}

/** `rule@line` (0-based line) for each diagnostic, sorted: short, readable assertion messages. */
export function summary(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics
    .map((d) => `${ruleOf(d) ?? '?'}@${d.range.start.line}`)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

export interface DiagnosticsHit {
  readonly uri: vscode.Uri;
  /** The document's diagnostics right after the accepted event. */
  readonly diagnostics: vscode.Diagnostic[];
  /** Milliseconds from the start of the action to the accepted event. */
  readonly elapsedMs: number;
  /**
   * Milliseconds from the first change of the document's text during the action (the extension
   * host's onDidChangeTextDocument) to the accepted event; undefined when the text did not change.
   */
  readonly sinceChangeMs: number | undefined;
}

/**
 * Runs `action` and waits for a `vscode.languages.onDidChangeDiagnostics` event for the document
 * after which its diagnostics satisfy `accept`; fails after `timeoutMs`. The listener is in place
 * before the action starts, so no event is missed; the diagnostics are read at each event for the
 * document (not before the first one), so a document the server has not answered for yet, whose
 * diagnostics read as [], is never taken for a clean one.
 *
 * `uri` may be a function, for an action that creates the document (it is called once the action
 * is done; the events recorded meanwhile are looked at too).
 *
 * The event only says that the client stored a report. When `accept` could also hold for a
 * report on an older version of the document, the caller must make sure no request for an older
 * version was in flight (by waiting for it first), or choose `accept` so that it tells the two
 * apart (e.g. "clean" after a draft that had findings).
 */
export async function diagnosticsAfter(
  uri: vscode.Uri | (() => vscode.Uri),
  action: () => unknown,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = SERVER_TIMEOUT_MS,
): Promise<DiagnosticsHit> {
  const events: { uri: string; diagnostics: vscode.Diagnostic[]; at: number }[] = [];
  let wake: (() => void) | undefined;
  const listener = vscode.languages.onDidChangeDiagnostics((e) => {
    const at = performance.now();
    for (const u of e.uris) events.push({ uri: u.toString(), diagnostics: vscode.languages.getDiagnostics(u), at });
    wake?.();
  });
  const changes: { uri: string; at: number }[] = [];
  const changeListener = vscode.workspace.onDidChangeTextDocument((e) => {
    if (e.contentChanges.length > 0) changes.push({ uri: e.document.uri.toString(), at: performance.now() });
  });
  try {
    const started = performance.now();
    await action();
    const target = typeof uri === 'function' ? uri() : uri;
    const key = target.toString();
    const deadline = started + timeoutMs;
    let seen = 0;
    let last: vscode.Diagnostic[] | undefined;
    for (;;) {
      for (; seen < events.length; seen++) {
        const e = events[seen];
        if (!e || e.uri !== key) continue;
        last = e.diagnostics;
        if (accept(e.diagnostics)) {
          const changed = changes.find((c) => c.uri === key)?.at;
          return { uri: target, diagnostics: e.diagnostics, elapsedMs: e.at - started, sinceChangeMs: changed === undefined ? undefined : e.at - changed };
        }
      }
      const left = deadline - performance.now();
      if (left <= 0) {
        const state = last ? `the last diagnostics were [${summary(last).join(', ')}]` : 'no diagnostics event for it at all';
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${target.toString(true)}: ${state})`);
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  } finally {
    listener.dispose();
    changeListener.dispose();
  }
}

/** Whether an editor tab shows this document now. */
export function isInTab(uri: vscode.Uri): boolean {
  return vscode.window.tabGroups.all.some((g) =>
    g.tabs.some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString()),
  );
}

/**
 * Opens a draft in an editor and waits for the language server's first answer for it: the first
 * diagnostics event for its URI. The client pulls diagnostics for a document once an editor shows
 * it and stores the server's full report even when it is empty (which fires the event too), and
 * nothing else writes diagnostics for a form4 document, so that first event is the answer. The
 * document must not be showing already (use freshCopy or a new untitled document).
 */
export async function openDraft(
  document: vscode.Uri | vscode.TextDocument,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean = () => true,
  what = 'the first diagnostics of the draft',
): Promise<{ editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
  const uri = document instanceof vscode.Uri ? document : document.uri;
  if (isInTab(uri)) throw new Error(`openDraft(${uri.toString(true)}): already open in an editor; its first diagnostics may be gone by`);
  let editor: vscode.TextEditor | undefined;
  const hit = await diagnosticsAfter(
    uri,
    async () => {
      const doc = document instanceof vscode.Uri ? await vscode.workspace.openTextDocument(document) : document;
      editor = await vscode.window.showTextDocument(doc);
    },
    accept,
    what,
  );
  if (!editor) throw new Error('no editor');
  return { editor, diagnostics: hit.diagnostics };
}

/** A new untitled form4 document with this text. */
export async function untitledDraft(content: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument({ language: 'form4', content });
}

/** Closes every editor, reverting unsaved changes first (no "Save?" dialog can stop a test). */
export async function closeAllEditors(): Promise<void> {
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (!tab.isDirty || !(tab.input instanceof vscode.TabInputText)) continue;
      const document = await vscode.workspace.openTextDocument(tab.input.uri);
      await vscode.window.showTextDocument(document, { viewColumn: group.viewColumn, preview: false });
      await vscode.commands.executeCommand('hideSuggestWidget');
      await vscode.commands.executeCommand('leaveSnippet');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** The text of hovers as one string, `&nbsp;` (code-server) and non-breaking spaces made spaces. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n\n')
    .replace(/&nbsp;/g, ' ')
    .replace(/\u00a0/g, ' ');
}

/** The position of the first occurrence of `needle` on a line (plus `offset` characters). */
export function positionOf(document: vscode.TextDocument, line: number, needle: string, offset = 0): vscode.Position {
  const character = document.lineAt(line).text.indexOf(needle);
  if (character === -1) throw new Error(`line ${line} has no ${JSON.stringify(needle)}: ${document.lineAt(line).text}`);
  return new vscode.Position(line, character + offset);
}

/** The range of the first occurrence of `needle` on a line. */
export function rangeOf(document: vscode.TextDocument, line: number, needle: string): vscode.Range {
  const start = positionOf(document, line, needle);
  return new vscode.Range(start, start.translate(0, needle.length));
}

/** The whole document's range. */
export function wholeRange(document: vscode.TextDocument): vscode.Range {
  return new vscode.Range(0, 0, document.lineCount, 0);
}

// ── webviews ─────────────────────────────────────────────────────────────────────────────────────

/** What the runner can do in a webview's page (scripts/e2e/webview.mjs). */
export type WebviewRequest =
  /** The value of a JavaScript expression in the page (JSON-serialisable). */
  | { readonly action: 'evaluate'; readonly expression: string; readonly has?: string }
  /** A real mouse click (Playwright's) on the first element matching the selector. */
  | { readonly action: 'click'; readonly selector: string; readonly has?: string };

export type WebviewAnswer = { readonly ok: true; readonly value?: unknown } | { readonly ok: false; readonly error: string };

/** Whether the runner can look into webviews: only the code-server runner drives the browser. */
export function canDriveWebviews(): boolean {
  return Boolean(process.env.FORM4_E2E_ACK_DIR);
}

let webviewCount = 0;

/**
 * Asks the runner to do something in the page of a webview: the one whose document holds the
 * selector `has` (default `body`). The extension host cannot see into a webview; the browser
 * that shows the workbench can. Same channel as `screenshot()`: this prints
 * `E2E_WEBVIEW <token> <request as base64url JSON>` and waits for $FORM4_E2E_ACK_DIR/<token>, which
 * holds the answer. Only under scripts/e2e/run-code-server.mjs (check `canDriveWebviews()`).
 */
export async function driveWebview(request: WebviewRequest, timeoutMs = 20_000): Promise<WebviewAnswer> {
  const ackDir = process.env.FORM4_E2E_ACK_DIR;
  if (!ackDir) throw new Error('this runner cannot look into webviews (only npm run test:e2e can)');
  const token = `webview-${process.pid}-${Date.now()}-${++webviewCount}`;
  const ackFile = path.join(ackDir, token);
  console.log(`E2E_WEBVIEW ${token} ${Buffer.from(JSON.stringify(request)).toString('base64url')}`);
  await waitFor(() => fs.existsSync(ackFile), `the runner to answer ${request.action} in a webview`, timeoutMs, 20);
  const answer = JSON.parse(fs.readFileSync(ackFile, 'utf8')) as WebviewAnswer;
  fs.rmSync(ackFile, { force: true });
  return answer;
}
