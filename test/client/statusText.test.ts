/**
 * The language status item's text (client/src/statusText.ts), without VS Code: what it says
 * for a status, and which document's state it shows as the active editor changes (the Output
 * panel taking focus must not turn a checked draft back into "checking…").
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ActiveDocument, decideStatus, describeStatus, DraftStatusTracker, type StatusView } from '../../client/src/statusText';
import type { DraftStatus } from '../../server/src/lsp/protocol';

const DRAFT = 'file:///work/drafts/wilson.form4';
const OTHER_DRAFT = 'file:///work/drafts/posey.form4';
const XML = 'file:///work/edgar/wk-form4_1375999999.xml';

const draftEditor: ActiveDocument = { uri: DRAFT, languageId: 'form4' };
const otherDraftEditor: ActiveDocument = { uri: OTHER_DRAFT, languageId: 'form4' };
const xmlEditor: ActiveDocument = { uri: XML, languageId: 'xml' };
/** What `vscode.window.activeTextEditor` is while the Output panel has focus. */
const outputPanel: ActiveDocument = { uri: 'output:extension-output-form4-tools.form4-%231-Form%204', languageId: 'Log' };
const settingsFile: ActiveDocument = { uri: 'file:///work/.vscode/settings.json', languageId: 'jsonc' };

function status(uri: string, counts: Partial<Omit<DraftStatus, 'uri'>> = {}): DraftStatus {
  const s = { version: 1, errors: 0, warnings: 0, information: 0, hints: 0, holdingsChecked: 0, ...counts };
  return { uri, ...s, clean: s.errors + s.warnings + s.information + s.hints === 0 };
}

const CODICON = /\$\([a-z0-9~-]+\)/;

describe('describeStatus: the text for one status', () => {
  test('errors: the severity says it, the text has no second error icon', () => {
    const view = describeStatus(status(DRAFT, { errors: 1 }));
    assert.deepEqual(view, { text: 'Form 4: 1 error', detail: undefined, severity: 'error', busy: false });
    assert.doesNotMatch(view.text, CODICON);
  });

  test('errors and warnings together, counted in words', () => {
    assert.deepEqual(describeStatus(status(DRAFT, { errors: 2, warnings: 1, information: 3 })), {
      text: 'Form 4: 2 errors, 1 warning, 3 info',
      detail: undefined,
      severity: 'error',
      busy: false,
    });
  });

  test('warnings only: warning severity and no warning icon in the text', () => {
    const view = describeStatus(status(DRAFT, { warnings: 2 }));
    assert.deepEqual(view, { text: 'Form 4: 2 warnings', detail: undefined, severity: 'warning', busy: false });
    assert.doesNotMatch(view.text, CODICON);
  });

  test('information only is not a warning', () => {
    assert.deepEqual(describeStatus(status(DRAFT, { information: 1, hints: 2 })), {
      text: 'Form 4: 1 info',
      detail: '2 hints',
      severity: 'information',
      busy: false,
    });
  });

  test('a clean draft whose running balances were checked reconciles', () => {
    assert.deepEqual(describeStatus(status(DRAFT, { holdingsChecked: 3 })), {
      text: '$(check) Form 4: reconciles',
      detail: '3 running balances checked',
      severity: 'information',
      busy: false,
    });
    assert.deepEqual(describeStatus(status(DRAFT, { holdingsChecked: 1, hints: 1 })).detail, '1 running balance checked, 1 hint');
  });

  test('a clean draft with no holdings to check has no problems', () => {
    assert.deepEqual(describeStatus(status(DRAFT)), { text: '$(check) Form 4: no problems', detail: undefined, severity: 'information', busy: false });
  });

  test('no severe state ever carries an icon of its own', () => {
    for (const counts of [{ errors: 1 }, { warnings: 1 }, { errors: 3, warnings: 4 }, { information: 2 }]) {
      assert.doesNotMatch(describeStatus(status(DRAFT, counts)).text, CODICON, JSON.stringify(counts));
    }
  });
});

describe('decideStatus: which document the item follows', () => {
  const checked = new Map([[DRAFT, status(DRAFT, { errors: 1 })]]);
  const oneError: StatusView = { text: 'Form 4: 1 error', detail: undefined, severity: 'error', busy: false };
  const checking: StatusView = { text: 'Form 4', detail: 'checking…', severity: 'information', busy: true };

  test('the active draft, once checked, shows its state', () => {
    assert.deepEqual(decideStatus({ statuses: checked, active: draftEditor, lastDocument: undefined, draftLanguages: ['form4'] }), {
      view: oneError,
      document: DRAFT,
    });
  });

  test('the Output panel in front keeps the last draft\'s state, not "checking…"', () => {
    assert.deepEqual(decideStatus({ statuses: checked, active: outputPanel, lastDocument: DRAFT, draftLanguages: ['form4'] }), {
      view: oneError,
      document: DRAFT,
    });
  });

  test('so do another file and no editor at all', () => {
    for (const active of [settingsFile, undefined]) {
      assert.deepEqual(decideStatus({ statuses: checked, active, lastDocument: DRAFT, draftLanguages: ['form4'] }).view, oneError);
    }
  });

  test('a draft not checked yet is "checking…", with the spinner', () => {
    assert.deepEqual(decideStatus({ statuses: checked, active: otherDraftEditor, lastDocument: DRAFT, draftLanguages: ['form4'] }), {
      view: checking,
      document: OTHER_DRAFT,
    });
  });

  test('any document the server sent a status for is a Form 4 document, whatever its language', () => {
    const statuses = new Map([[XML, status(XML, { warnings: 1 })]]);
    const decision = decideStatus({ statuses, active: xmlEditor, lastDocument: DRAFT, draftLanguages: ['form4'] });
    assert.deepEqual(decision, { view: { text: 'Form 4: 1 warning', detail: undefined, severity: 'warning', busy: false }, document: XML });
    // an XML file the server has not checked is not a draft: the last draft stays
    assert.deepEqual(decideStatus({ statuses: checked, active: xmlEditor, lastDocument: DRAFT, draftLanguages: ['form4'] }).document, DRAFT);
  });

  test('nothing checked and nothing shown yet: just the name', () => {
    assert.deepEqual(decideStatus({ statuses: new Map(), active: outputPanel, lastDocument: undefined, draftLanguages: ['form4'] }), {
      view: { text: 'Form 4', detail: undefined, severity: 'information', busy: false },
      document: undefined,
    });
  });
});

describe('DraftStatusTracker: a session', () => {
  test('open a draft, get its status, focus the Output panel, come back, switch drafts', () => {
    const tracker = new DraftStatusTracker(['form4']);
    assert.equal(tracker.view(draftEditor).detail, 'checking…');
    assert.equal(tracker.update(status(DRAFT, { errors: 1 }), draftEditor).text, 'Form 4: 1 error');
    // the Output panel takes focus: the draft in the editor area is still the one shown
    assert.deepEqual(tracker.view(outputPanel), { text: 'Form 4: 1 error', detail: undefined, severity: 'error', busy: false });
    // a re-check arrives while the Output panel has focus
    assert.equal(tracker.update(status(DRAFT, { holdingsChecked: 2 }), outputPanel).text, '$(check) Form 4: reconciles');
    assert.equal(tracker.view(draftEditor).text, '$(check) Form 4: reconciles');
    // another draft: checking, then its own state; a background status for the first does not take over
    assert.equal(tracker.view(otherDraftEditor).busy, true);
    assert.equal(tracker.update(status(DRAFT, { warnings: 5 }), otherDraftEditor).busy, true);
    assert.equal(tracker.update(status(OTHER_DRAFT, { warnings: 1 }), otherDraftEditor).text, 'Form 4: 1 warning');
    assert.equal(tracker.view(outputPanel).text, 'Form 4: 1 warning');
    assert.equal(tracker.view(draftEditor).text, 'Form 4: 5 warnings');
  });

  test('a first status that arrives while no draft is in front is shown', () => {
    const tracker = new DraftStatusTracker();
    assert.equal(tracker.update(status(DRAFT, { errors: 2 }), outputPanel).text, 'Form 4: 2 errors');
  });

  test('closing the shown draft forgets its state', () => {
    const tracker = new DraftStatusTracker();
    tracker.update(status(DRAFT, { errors: 2 }), draftEditor);
    assert.deepEqual(tracker.forget(DRAFT, outputPanel), { text: 'Form 4', detail: undefined, severity: 'information', busy: false });
    // reopened: checking again until the server says
    assert.equal(tracker.view(draftEditor).detail, 'checking…');
  });

  test('EDGAR XML documents are followed like drafts', () => {
    const tracker = new DraftStatusTracker(['form4', 'xml']);
    assert.equal(tracker.view(xmlEditor).detail, 'checking…');
    tracker.update(status(XML, { errors: 1 }), xmlEditor);
    assert.equal(tracker.view(outputPanel).text, 'Form 4: 1 error');
  });
});
