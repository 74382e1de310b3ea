/**
 * Speed of readXmlTree against saxes alone, printed, never asserted (the machine may be busy):
 * `npm run build:tests && node out/test/service/xml/xmlTree.bench.js`. Each figure is the best
 * of several runs, the two readers interleaved so that both see the same load.
 */
import { SaxesParser } from 'saxes';
import { readXmlTree } from '../../../server/src/service/parse/xml/xmlTree';
import { largeOwnershipXml } from './fixtures';

function best(runs: number, f: () => unknown): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}

/** saxes with the events the tree needs, each doing nothing. */
function saxesAlone(text: string): void {
  const parser = new SaxesParser({ position: true, xmlns: false });
  const nothing = (): void => undefined;
  parser.on('text', nothing);
  parser.on('opentagstart', nothing);
  parser.on('attribute', nothing);
  parser.on('opentag', nothing);
  parser.on('closetag', nothing);
  parser.on('error', nothing);
  parser.write(text).close();
}

function nested(depth: number): string {
  return `${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}`;
}

function billionLaughs(): string {
  const entities = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${entities.join('\n')}\n]>\n<lolz>&lol9;</lolz>`;
}

const cases: [string, string, number][] = [
  ['5 MB ownership XML (20,000 transactions)', largeOwnershipXml(20000), 10],
  ['50 MB ownership XML (200,000 transactions)', largeOwnershipXml(200000), 3],
  ['100,000 nested elements', nested(100000), 10],
  ['billion laughs', billionLaughs(), 20],
];

for (const [label, text, runs] of cases) {
  let saxes = Infinity;
  let tree = Infinity;
  for (let i = 0; i < runs; i++) {
    saxes = Math.min(saxes, best(1, () => saxesAlone(text)));
    tree = Math.min(tree, best(1, () => readXmlTree(text)));
  }
  const mb = (text.length / 1e6).toFixed(1);
  console.log(`${label} (${mb} M chars): saxes alone ${saxes.toFixed(1)} ms, readXmlTree ${tree.toFixed(1)} ms (×${(tree / saxes).toFixed(2)})`);
}
