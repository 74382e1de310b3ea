/**
 * readXmlTree and hostile input: a DOCTYPE with external entities is never fetched or read,
 * entity expansion never blows up (billion laughs), and garbage, binary data, every truncation
 * of a real document, huge and deeply nested documents neither throw nor hang.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { elementsOf, MAX_ELEMENTS, MAX_LISTED_PROBLEMS, readXmlTree, type XmlTree } from '../../../server/src/service/parse/xml/xmlTree';
import { allElements, FORM4_XML, largeOwnershipXml } from './fixtures';

function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const result = f();
  return [result, performance.now() - t];
}

function codes(tree: XmlTree): string[] {
  return tree.problems.map((p) => p.code);
}

function billionLaughs(): string {
  const entities = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?>\n<!DOCTYPE lolz [\n${entities.join('\n')}\n]>\n<lolz>&lol9;</lolz>`;
}

describe('readXmlTree: DOCTYPE and entities', () => {
  test('an external entity naming a local file is not read', () => {
    const dir = mkdtempSync(join(tmpdir(), 'xmltree-'));
    try {
      const secret = `SECRET-${Date.now()}-${Math.random()}`;
      const file = join(dir, 'secret.txt');
      writeFileSync(file, secret);
      const text = `<?xml version="1.0"?>\n<!DOCTYPE r [\n<!ENTITY xxe SYSTEM "${pathToFileURL(file).href}">\n<!ENTITY passwd SYSTEM "file:///etc/passwd">\n]>\n<r a="&xxe;">&xxe;&passwd;</r>`;
      const tree = readXmlTree(text);
      assert.equal(tree.root?.text, '&xxe;&passwd;');
      assert.equal(tree.root?.attributes[0]?.value, '&xxe;');
      assert.ok(!JSON.stringify(tree).includes(secret));
      assert.ok(!JSON.stringify(tree).includes('root:'), 'nothing of /etc/passwd');
      assert.deepEqual(codes(tree), ['doctype', 'entity', 'entity', 'entity']);
      assert.match(tree.problems[0]?.message ?? '', /its entities are neither declared nor expanded, and nothing it names is fetched/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('nothing is fetched over the network: an external DTD, an external entity, a parameter entity', async () => {
    let requests = 0;
    const server = createServer((_request, response) => {
      requests++;
      response.end('<!ENTITY leak "LEAKED">');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      for (const text of [
        `<!DOCTYPE r SYSTEM "${url}/r.dtd"><r>&leak;</r>`,
        `<!DOCTYPE r [<!ENTITY e SYSTEM "${url}/e.xml">]><r>&e;</r>`,
        `<!DOCTYPE r [<!ENTITY % p SYSTEM "${url}/p.dtd"> %p;]><r>&leak;</r>`,
        `<!DOCTYPE r PUBLIC "-//X//DTD X//EN" "${url}/x.dtd"><r/>`,
      ]) {
        const tree = readXmlTree(text);
        assert.equal(tree.root?.name, 'r');
        assert.ok(!JSON.stringify(tree).includes('LEAKED'));
        assert.equal(codes(tree)[0], 'doctype');
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(requests, 0);
    } finally {
      server.close();
    }
  });

  test('billion laughs: nothing is expanded, and the call returns within 100 ms', (t) => {
    const [tree, ms] = timed(() => readXmlTree(billionLaughs()));
    t.diagnostic(`billion laughs: ${ms.toFixed(2)} ms`);
    assert.ok(ms < 100, `${ms} ms`);
    assert.equal(tree.root?.text, '&lol9;');
    assert.deepEqual(codes(tree), ['doctype', 'entity']);
  });

  test('a large entity referenced many times is not expanded either', () => {
    const text = `<!DOCTYPE r [<!ENTITY big "${'x'.repeat(100000)}">]><r>${'&big;'.repeat(10000)}</r>`;
    const [tree, ms] = timed(() => readXmlTree(text));
    assert.ok(ms < 1000, `${ms} ms`);
    assert.equal(tree.root?.text.length, 50000);
  });

  test('entity references in attributes and a DOCTYPE inside the root', () => {
    const tree = readXmlTree('<r><!DOCTYPE x [<!ENTITY e "E">]><a v="&e;">&e;</a></r>');
    assert.deepEqual(codes(tree), ['doctype', 'entity', 'entity']);
    assert.equal(allElements(tree)[1]?.text, '&e;');
  });
});

describe('readXmlTree: never throws, never hangs', () => {
  test('garbage, binary data and odd inputs', () => {
    const inputs = [
      '',
      '<',
      '>',
      '</',
      '<>',
      '</>',
      '<a',
      '<a b',
      '<a b=',
      '<a b="',
      '<?',
      '<?xml',
      '<!',
      '<!-',
      '<!--',
      '<![CDATA[',
      '<!DOCTYPE',
      '<!DOCTYPE x [',
      '&',
      '&amp',
      '&#',
      '&#x;',
      ']]>',
      '\uFEFF\uFEFF<a/>',
      '\u0000\u0001\u0002<a>\u0000</a>',
      '<a>\uDBFF</a>\uDBFF',
      '<a></b></c></d>',
      '</a></b><c>',
      '<a><a><a></a>',
      '<a x=1 x=2 x=3/>',
      '<a x="1"y="2"/>',
      '<a/ >',
      '<a><b></a></b>',
      '<a>&nbsp;&copy;&#1114112;&#xFFFFFFFFFF;&#99999999999999999999;</a>',
      '<?xml version="1.0"?><?xml version="1.0"?><a/>',
      '<?xml version="2.0" encoding="###" standalone="maybe"?><a/>',
      '<a>' + '<!'.repeat(1000) + '</a>',
      '<a ' + '"'.repeat(1000) + '>',
      '<a>' + '&'.repeat(1000) + '</a>',
      '<' + 'a'.repeat(100000),
      '<a>' + '<b>'.repeat(1000) + '</c>'.repeat(1000) + '</a>',
      Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join(''),
    ];
    for (const text of inputs) {
      const tree = readXmlTree(text);
      assert.ok(Array.isArray(tree.problems), JSON.stringify(text.slice(0, 40)));
      for (const p of tree.problems) assert.ok(p.start >= 0 && p.start <= p.end && p.end <= text.length);
    }
  });

  test('bad from and to are clamped', () => {
    const text = '<a>x</a>';
    assert.equal(readXmlTree(text, -5, 100).root?.name, 'a');
    assert.equal(readXmlTree(text, 5, 2).root, undefined);
    assert.equal(readXmlTree(text, Number.NaN, Number.POSITIVE_INFINITY).root?.name, 'a');
    assert.equal(readXmlTree(text, 1.5, 7.9).root, undefined);
  });

  test('every truncation of a real document reads, with the open elements unclosed', () => {
    for (let to = 0; to <= FORM4_XML.length; to += 3) {
      const tree = readXmlTree(FORM4_XML, 0, to);
      for (const e of allElements(tree)) assert.ok(e.end <= to);
    }
  });

  test('100,000 nested elements: no recursion, no stack overflow', (t) => {
    const depth = 100000;
    const text = `${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}`;
    const [tree, ms] = timed(() => readXmlTree(text));
    t.diagnostic(`100,000 nested elements: ${ms.toFixed(0)} ms`);
    assert.deepEqual(tree.problems, []);
    let count = 0;
    let deepest = tree.root;
    for (const e of elementsOf(tree.root as NonNullable<XmlTree['root']>)) {
      count++;
      deepest = e;
    }
    assert.equal(count, depth);
    assert.equal(deepest?.text, 'x');
    assert.ok(JSON.stringify(tree.problems) === '[]');
  });

  test('100,000 nested elements never closed, and then 100,000 stray end tags: linear, the problems capped', (t) => {
    const depth = 100000;
    const [open, ms1] = timed(() => readXmlTree('<a>'.repeat(depth)));
    assert.equal(open.problems.length, MAX_LISTED_PROBLEMS + 1);
    assert.equal(open.problems[MAX_LISTED_PROBLEMS]?.message, `${(depth - MAX_LISTED_PROBLEMS).toLocaleString('en-US')} more problems are not listed`);
    const [stray, ms2] = timed(() => readXmlTree(`${'<a>'.repeat(depth)}${'</b>'.repeat(depth)}`));
    t.diagnostic(`unclosed: ${ms1.toFixed(0)} ms, with stray end tags: ${ms2.toFixed(0)} ms`);
    assert.equal(stray.problems.length, MAX_LISTED_PROBLEMS + 1);
    assert.ok(ms2 < 20 * Math.max(ms1, 50), 'a stray end tag does not search the whole stack each time');
  });

  test(`reading stops after ${MAX_ELEMENTS.toLocaleString('en-US')} elements, to bound memory`, () => {
    const text = `<r>${'<a/>'.repeat(MAX_ELEMENTS)}</r>`;
    const tree = readXmlTree(text);
    assert.deepEqual(tree.problems, [
      {
        code: 'too-many-problems',
        message: `Reading stopped at line 1: the document has more than ${MAX_ELEMENTS.toLocaleString('en-US')} elements`,
        start: text.length - 8,
        end: text.length - 8,
      },
    ]);
    assert.equal(tree.root?.children.length, MAX_ELEMENTS - 1);
    assert.equal(tree.root?.closed, false);
    assert.equal(tree.root?.end, text.length - 8);
  });

  test('a 5 MB ownership document', (t) => {
    const text = largeOwnershipXml(20000);
    const [tree, ms] = timed(() => readXmlTree(text));
    t.diagnostic(`5 MB (${text.length.toLocaleString('en-US')} characters, 20,000 transactions): ${ms.toFixed(0)} ms`);
    assert.deepEqual(tree.problems, []);
    assert.equal(tree.root?.children[0]?.children.length, 20000);
  });

  test('50 MB: one long text, binary data, and a stray < followed by junk', (t) => {
    const big = 50_000_000;
    const [text, ms1] = timed(() => readXmlTree(`<a>${'x'.repeat(big)}</a>`));
    assert.equal(text.root?.text.length, big);
    assert.deepEqual(text.problems, []);
    const binary = Array.from({ length: 1 << 16 }, (_, i) => String.fromCharCode((i * 40503) & 0xffff)).join('').repeat(Math.ceil(big / (1 << 16)));
    const [junk, ms2] = timed(() => readXmlTree(binary));
    assert.ok(junk.problems.length > 0);
    const [tag, ms3] = timed(() => readXmlTree(`<a><b ${'!'.repeat(big)}`));
    assert.equal(tag.problems[tag.problems.length - 1]?.code, 'too-many-problems');
    t.diagnostic(`50 MB text: ${ms1.toFixed(0)} ms, binary: ${ms2.toFixed(0)} ms, junk in a tag: ${ms3.toFixed(0)} ms`);
  });
});
