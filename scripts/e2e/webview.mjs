// The runner's side of `driveWebview()` (test/e2e/helpers.ts): the extension host cannot see
// into a webview, but the browser that shows the workbench can. The suite prints
//   E2E_WEBVIEW <token> <request: JSON, base64url>
// and the runner finds the webview frame whose document holds the request's `has` selector,
// does what the request asks with Playwright, and writes the answer (JSON) to
// $FORM4_E2E_ACK_DIR/<token>:
//   { action: 'evaluate', expression }  → { ok: true, value }  the expression's value in the frame
//   { action: 'click', selector }       → { ok: true }         a real mouse click on the element
// or { ok: false, error } when no frame holds it or the action failed. A click is Playwright's
// own: the element scrolled into view, then a mouse press and release at its centre, so the
// page's script handles it exactly as it handles the user's.
// The function given to frame.evaluate runs in the webview's page, a browser's.
/* global document, window */
import { Buffer } from 'node:buffer';
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const WEBVIEW_RE = /E2E_WEBVIEW ([A-Za-z0-9._-]+) ([A-Za-z0-9_-]+)/;

/**
 * The frame of a webview's content holding `selector`. During an update a webview holds two
 * frames for a moment (the page shown and the next one, loading): the one shown, whose frame
 * element VS Code calls `active-frame`, is preferred.
 */
async function webviewFrame(page, selector) {
  const found = [];
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    try {
      const where = await frame.evaluate((s) => (document.querySelector(s) ? (window.frameElement?.id ?? '') : null), selector);
      if (where !== null) found.push({ frame, active: where === 'active-frame' });
    } catch {
      // a frame that went away meanwhile
    }
  }
  return (found.find((f) => f.active) ?? found[0])?.frame;
}

async function answer(page, request) {
  const has = typeof request.has === 'string' ? request.has : 'body';
  const frame = await webviewFrame(page, has);
  if (!frame) return { ok: false, error: `no webview frame holds ${has}` };
  if (request.action === 'evaluate') return { ok: true, value: await frame.evaluate(String(request.expression)) };
  if (request.action === 'click') {
    await frame.locator(String(request.selector)).first().click({ timeout: 5000 });
    return { ok: true };
  }
  return { ok: false, error: `unknown action ${JSON.stringify(request.action)}` };
}

/** Answers requests one after another, in the order the suite printed them. */
export function webviewDriver(page, ackDir) {
  let queue = Promise.resolve();
  return (token, encoded) => {
    queue = queue.then(async () => {
      let reply;
      try {
        reply = await answer(page, JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')));
      } catch (err) {
        reply = { ok: false, error: String(err?.message ?? err) };
      }
      writeFileSync(join(ackDir, `${token}.tmp`), JSON.stringify(reply));
      // rename, so that the suite never reads a half-written answer
      renameSync(join(ackDir, `${token}.tmp`), join(ackDir, token));
    });
  };
}
