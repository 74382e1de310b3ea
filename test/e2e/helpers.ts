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
export async function waitFor<T>(condition: () => T | Promise<T>, what: string, timeoutMs = 15_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
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
