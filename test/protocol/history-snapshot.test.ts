/**
 * The server's workspace histories (lsp/history.ts) over a temporary folder, without the
 * protocol: files read once and again only when an event names them, the open documents in place
 * of their files, and filings that cannot be told in order (the same filing twice, two filings of
 * the same days) not taken as each other's previous filing.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { FilingFiles } from '../../server/src/node/filingFiles';
import { type OpenFiling, WorkspaceHistory } from '../../server/src/lsp/history';
import { importOwnershipXml, parseDraft } from '../../server/src/service';
import { DEFAULT_HEADER, draft, rowI } from '../support/drafts';
import { ownershipXml } from '../support/xml';

const XML = ownershipXml();
const sale = (date: string, shares: string, owned: string, signed: string): string =>
  draft({
    header: [...DEFAULT_HEADER.slice(0, 2), `3. Date of Earliest Transaction: ${date}`, ...DEFAULT_HEADER.slice(3)],
    tableI: [rowI('Common Stock', date, '', 'S', '', shares, 'D', '$19.00', owned, 'D', '')],
    signature: ['/s/ John N. Wilson', '', signed],
  });

describe('workspace histories', () => {
  const folder = mkdtempSync(join(tmpdir(), 'form4-snapshot-'));
  after(() => rmSync(folder, { recursive: true, force: true }));
  const uri = (name: string): string => pathToFileURL(join(folder, name)).href;
  let open: OpenFiling[] = [];
  const files = new FilingFiles([folder]);
  const history = new WorkspaceHistory(files, () => open, () => true);

  test('the same filing twice, and another filing of the same days: none is the previous filing of another', async () => {
    writeFileSync(join(folder, 'a.xml'), XML);
    writeFileSync(join(folder, 'b.form4'), (importOwnershipXml(XML) as { draft: string }).draft);
    // Another Form 4 of 08/06/2013 signed 08/07/2013 (a gift the same day): no order between them.
    writeFileSync(join(folder, 'c.form4'), sale('08/06/2013', '1,000', '54,500', '08/07/2013'));
    writeFileSync(join(folder, 'd.form4'), sale('09/03/2013', '5,000', '50,500', '09/04/2013'));
    const snapshot = await history.snapshot();
    assert.equal(snapshot.histories.length, 1);
    // The draft and its XML are one filing (the XML stands for both): three filings.
    assert.deepEqual(snapshot.histories[0]?.filings.map((f) => f.uri), [uri('a.xml'), uri('c.form4'), uri('d.form4')]);
    for (const name of ['a.xml', 'b.form4', 'c.form4']) assert.equal(snapshot.prior(uri(name))?.holdings.size, 0, name);
    const before = snapshot.prior(uri('d.form4'));
    assert.equal(before?.earlierFilings, 2);
    assert.equal(before?.holdings.size, 2);
  });

  test('an open document stands for its file; a file is read again when an event names it', async () => {
    open = [{ uri: uri('d.form4'), source: parseDraft(sale('09/03/2013', '5,000', '49,500', '09/04/2013')) }];
    history.invalidate();
    let snapshot = await history.snapshot();
    assert.equal(snapshot.entries.get(uri('d.form4'))?.file, undefined, 'the open document, not the file');
    assert.equal(snapshot.entries.size, 4);
    const read = snapshot.entries.get(uri('c.form4'))?.file;
    // Unchanged: the same reading, without a new parse.
    history.invalidate();
    snapshot = await history.snapshot();
    assert.equal(snapshot.entries.get(uri('c.form4'))?.file, read);
    writeFileSync(join(folder, 'c.form4'), sale('08/05/2013', '1,000', '54,500', '08/07/2013'));
    history.fileEvent(uri('c.form4'), 'changed');
    snapshot = await history.snapshot();
    assert.notEqual(snapshot.entries.get(uri('c.form4'))?.file, read);
    // Now before the XML's filing: its first row is compared with the gift's 54,500.
    assert.equal(snapshot.prior(uri('a.xml'))?.holdings.size, 1);
    unlinkSync(join(folder, 'c.form4'));
    history.fileEvent(uri('c.form4'), 'deleted');
    snapshot = await history.snapshot();
    assert.equal(snapshot.entries.has(uri('c.form4')), false);
    assert.equal(snapshot.prior(uri('a.xml'))?.holdings.size, 0);
  });
});
