// The Form 4 preview's script: the only script the page's Content Security Policy lets run (by
// its nonce). It keeps the scroll position in the webview's state, so that a new page (every
// update replaces the page) and a preview hidden and shown again open where the reader was, and
// it turns a click on a value into a request to reveal that value in the source document.
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
})();
