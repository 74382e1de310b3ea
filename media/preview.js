// The Form 4 preview's script: the only script the page's Content Security Policy lets run (by
// its nonce). It swaps in the content of each newer page the extension posts ({ type: 'update',
// html }), in place, so that the page neither reloads nor moves; it keeps the scroll position in
// the webview's state, so that a page loaded anew (a preview hidden and shown again) opens where
// the reader was; and it turns a click on a value into a request to reveal that value in the
// source document.
// The page itself is the renderer's (server/src/service/render): every element that shows a
// field's value carries data-span="startLine,startChar,endLine,endChar".
(function () {
  'use strict';
  // acquireVsCodeApi may be called once per page.
  const vscode = acquireVsCodeApi();

  // Where the reader was, read once: scrolling back while the page is still being laid out must
  // not overwrite it with a position clamped to a page not yet full length.
  const wanted = vscode.getState() || {};
  let restored = false;

  function restoreScroll() {
    if (typeof wanted.scrollY === 'number') window.scrollTo(wanted.scrollX || 0, wanted.scrollY);
  }

  let saving = 0;
  function saveScroll() {
    if (!restored || saving) return;
    // One write per frame, however fast the wheel turns.
    saving = requestAnimationFrame(function () {
      saving = 0;
      vscode.setState(Object.assign({}, vscode.getState(), { scrollX: window.scrollX, scrollY: window.scrollY }));
    });
  }

  document.addEventListener('click', function (event) {
    const target = event.target instanceof Element ? event.target.closest('[data-span]') : null;
    if (!target) return;
    event.preventDefault();
    vscode.postMessage({ type: 'reveal', span: target.getAttribute('data-span') });
  });

  // A newer page: its body replaces this one's, in one step (no layout in between, so the scroll
  // position holds). The new page is parsed inert (DOMParser runs no script and loads nothing);
  // its script element is dropped all the same, as this script is already running. The head
  // (style, Content Security Policy) is the renderer's and the same for every page.
  window.addEventListener('message', function (event) {
    const message = event.data;
    if (!message || message.type !== 'update' || typeof message.html !== 'string') return;
    const next = new DOMParser().parseFromString(message.html, 'text/html');
    for (const script of next.querySelectorAll('script')) script.remove();
    document.title = next.title;
    document.body.replaceChildren(...next.body.childNodes);
  });

  function finishRestore() {
    restoreScroll();
    restored = true;
  }
  if (document.readyState === 'complete') finishRestore();
  else {
    // As soon as the content is there, and once more when everything is laid out.
    document.addEventListener('DOMContentLoaded', restoreScroll);
    window.addEventListener('load', finishRestore);
  }
  window.addEventListener('scroll', saveScroll, { passive: true });
  vscode.postMessage({ type: 'ready' });
})();
