/**
 * `node out/test/bench/export.bench.js`: the exporter's speed, printed, never asserted. A 30-row
 * filing (a full Table I) and a 1,000-row one (over EDGAR's limit, for scale: the problem it
 * reports costs nothing), each exported many times; and one libxml2 validation of each.
 */
import { performance } from 'node:perf_hooks';
import { exportOwnershipXml } from '../../server/src/service/export/ownershipXml';
import { parseDraft } from '../../server/src/service/parse/draft/parser';
import { rowI, rowII } from '../support/drafts';
import { fixture } from '../service/export/fixtures';
import { validateOwnershipXml } from '../support/xsd';

function draftOf(rows: number): string {
  const one: string[] = [];
  const two: string[] = [];
  for (let i = 0; i < rows; i++) {
    if (i % 3 === 2) two.push(rowII('Stock Option (right to buy)', '$4.10', '08/06/2013', '', 'M', '', '', '10', '(1)', '11/05/2020', 'Common Stock', '10', '$0', String(100_000 - i), 'D', ''));
    else one.push(rowI('Common Stock', '08/06/2013', '', i % 2 === 0 ? 'M' : 'S (1)', '', '1,000.25', i % 2 === 0 ? 'A' : 'D', '$18.3654', `${55_500 + i}`, 'D', ''));
  }
  return fixture({ tableI: one, tableII: two, footnotes: ['(1) The option is fully vested & immediately exercisable.'] });
}

async function main(): Promise<void> {
  for (const rows of [30, 1000]) {
    const filing = parseDraft(draftOf(rows)).filing;
    const runs = rows === 30 ? 2000 : 100;
    for (let i = 0; i < 20; i++) exportOwnershipXml(filing);
    const start = performance.now();
    let size = 0;
    for (let i = 0; i < runs; i++) size = exportOwnershipXml(filing).xml.length;
    const each = (performance.now() - start) / runs;
    const validateStart = performance.now();
    const errors = await validateOwnershipXml(exportOwnershipXml(filing).xml);
    const validation = performance.now() - validateStart;
    console.log(`${String(rows).padStart(5)} rows: export ${each.toFixed(3)} ms (${(size / 1024).toFixed(0)} KiB of XML); one validation ${validation.toFixed(0)} ms (${errors.length} schema errors)`);
  }
}

void main();
