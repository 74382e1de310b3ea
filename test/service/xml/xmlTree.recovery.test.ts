/**
 * readXmlTree on broken XML: for each kind of error, the problem (code, message, the offending
 * markup's span) and how the tree is recovered (see the policy in xmlTree.ts's module comment).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_LISTED_PROBLEMS, readXmlTree, type XmlTree } from '../../../server/src/service/parse/xml/xmlTree';
import { allElements, find } from './fixtures';

/** Each problem as [code, the source it points at]. */
function problemsOf(text: string, tree: XmlTree): [string, string][] {
  return tree.problems.map((p) => [p.code, text.slice(p.start, p.end)]);
}

/** Each element with its children's names, in document order: `a[b,c] b[] c[]`. */
function shape(tree: XmlTree): string {
  return allElements(tree)
    .map((e) => `${e.name}[${e.children.map((c) => c.name).join(',')}]`)
    .join(' ');
}

describe('readXmlTree: end tags that do not match', () => {
  test('an end tag no open element has is ignored, and the message names the open element and its line', () => {
    const text = '<a>\n<b>x</c></b>\n</a>';
    const tree = readXmlTree(text);
    assert.deepEqual(problemsOf(text, tree), [['end-tag', '</c>']]);
    assert.equal(tree.problems[0]?.message, 'The end tag </c> does not match the start tag <b> opened on line 2; it is ignored');
    assert.equal(shape(tree), 'a[b] b[]');
    assert.equal(find(tree, 'b').text, 'x');
    assert.equal(find(tree, 'b').end, text.indexOf('</b>') + 4);
  });

  test('a misspelt end tag gives one problem, not two: the element it failed to close is closed by the next end tag', () => {
    const text = '<transactionShares><value>10</valu></transactionShares>';
    const tree = readXmlTree(text);
    assert.deepEqual(problemsOf(text, tree), [['end-tag', '</valu>']]);
    const value = find(tree, 'value');
    assert.equal(value.closed, false);
    assert.equal(value.text, '10');
    assert.equal(value.end, text.indexOf('</transactionShares>'));
    assert.equal(find(tree, 'transactionShares').closed, true);
  });

  test('an end tag that matches an outer element closes the inner ones, unclosed, at its <', () => {
    const text = '<a>\n<b>\n<c>x</a>';
    const tree = readXmlTree(text);
    assert.deepEqual(problemsOf(text, tree), [
      ['unclosed', '<b>'],
      ['unclosed', '<c>'],
    ]);
    assert.equal(tree.problems[1]?.message, 'The element <c> opened on line 3 has no end tag: </a> on line 3 closes it');
    const at = text.indexOf('</a>');
    assert.deepEqual(
      allElements(tree).map((e) => [e.name, e.closed, e.end]),
      [
        ['a', true, text.length],
        ['b', false, at],
        ['c', false, at],
      ],
    );
  });

  test('an extra end tag after the root is ignored', () => {
    const text = '<a><b/></b></a></a>';
    const tree = readXmlTree(text);
    assert.deepEqual(problemsOf(text, tree), [
      ['end-tag', '</b>'],
      ['end-tag', '</a>'],
    ]);
    assert.equal(tree.problems[1]?.message, 'The end tag </a> has no start tag; it is ignored');
    assert.equal(shape(tree), 'a[b] b[]');
    assert.equal(tree.root?.end, text.lastIndexOf('</a>'));
  });

  test('after a stray end tag, the rest of the document still nests (saxes alone would close everything)', () => {
    const text = '<a><b></x><c>1</c></b><d>2</d></a>';
    const tree = readXmlTree(text);
    assert.deepEqual(problemsOf(text, tree), [['end-tag', '</x>']]);
    assert.equal(shape(tree), 'a[b,d] b[c] c[] d[]');
    assert.ok(allElements(tree).every((e) => e.closed));
  });
});

describe('readXmlTree: a document that ends early', () => {
  test('elements still open end at the end of the input, unclosed', () => {
    const text = '<a>\n<b>te';
    const tree = readXmlTree(text);
    assert.deepEqual(problemsOf(text, tree), [
      ['unclosed', '<a>'],
      ['unclosed', '<b>'],
    ]);
    assert.equal(tree.problems[1]?.message, 'The element <b> opened on line 2 is not closed before the end of the document');
    assert.deepEqual(
      allElements(tree).map((e) => [e.name, e.closed, e.end, e.endTagStart]),
      [
        ['a', false, text.length, text.length],
        ['b', false, text.length, text.length],
      ],
    );
    assert.equal(find(tree, 'b').text, 'te');
  });

  test('a start tag cut off before its > is not in the tree', () => {
    const text = '<a>x<b y="1';
    const tree = readXmlTree(text);
    assert.deepEqual(problemsOf(text, tree), [
      ['unclosed', '<a>'],
      ['malformed', '<b y="1'],
    ]);
    assert.equal(tree.problems[1]?.message, 'The start tag <b> is not finished: the document ends before its >');
    assert.equal(shape(tree), 'a[]');
    assert.equal(tree.root?.text, 'x');
  });

  test('a comment, CDATA section or end tag cut off', () => {
    for (const [tail, what] of [
      ['<!-- note', 'a comment'],
      ['<![CDATA[ data', 'a CDATA section'],
      ['</a', 'an end tag'],
      ['<!-- a -- b', 'a comment'],
    ] as const) {
      const text = `<a>x${tail}`;
      const tree = readXmlTree(text);
      const problem = tree.problems.find((p) => p.code === 'malformed' && p.message.startsWith('The document ends'));
      assert.ok(problem, `${tail}: ${JSON.stringify(tree.problems)}`);
      assert.equal(problem.message, `The document ends inside ${what} that is not finished`);
      assert.equal(text.slice(problem.start, problem.end), tail);
      assert.equal(tree.root?.text, 'x');
    }
  });

  test('empty input, white space, and text with no element', () => {
    for (const [text, message] of [
      ['', 'The document is empty: an XML document has one root element'],
      ['  \n\t', 'The document is empty: an XML document has one root element'],
      ['\uFEFF', 'The document is empty: an XML document has one root element'],
      ['<!-- only a comment -->', 'The document has no root element'],
    ] as const) {
      const tree = readXmlTree(text);
      assert.equal(tree.root, undefined);
      assert.deepEqual(
        tree.problems.map((p) => [p.code, p.message, p.start, p.end]),
        [['no-root', message, 0, 0]],
        JSON.stringify(text),
      );
    }
    const prose = readXmlTree('just some prose');
    assert.deepEqual(
      prose.problems.map((p) => p.code),
      ['no-root', 'text-outside-root'],
    );
  });
});

describe('readXmlTree: roots and text outside them', () => {
  test('a second root is reported and left out of the tree', () => {
    const text = '<a><x/></a>\n<b><y/></b>';
    const tree = readXmlTree(text);
    assert.deepEqual(problemsOf(text, tree), [['second-root', '<b>']]);
    assert.equal(tree.root?.name, 'a');
    assert.equal(shape(tree), 'a[x] x[]');
  });

  test('text before and after the root is reported with its trimmed span', () => {
    const text = ' hello <a/> bye \n';
    const tree = readXmlTree(text);
    assert.deepEqual(problemsOf(text, tree), [
      ['text-outside-root', 'hello'],
      ['text-outside-root', 'bye'],
    ]);
    assert.equal(tree.problems[0]?.message, 'Text before the root element: "hello"');
    assert.equal(tree.problems[1]?.message, 'Text after the root element <a> ends: "bye"');
  });

  test('white space, comments and processing instructions around the root are not text', () => {
    const text = '<?xml version="1.0"?>\n<!-- c -->\n<a/>\n<!-- d -->\n';
    assert.deepEqual(readXmlTree(text).problems, []);
  });
});

describe('readXmlTree: characters that must be escaped', () => {
  test('< that starts no tag stays in the text, reported at the <', () => {
    const text = '<a>x < y</a>';
    const tree = readXmlTree(text);
    assert.deepEqual(problemsOf(text, tree), [['malformed', '<']]);
    assert.equal(tree.problems[0]?.message, 'The character < starts no tag here: a < in text is written &lt;');
    assert.equal(tree.root?.text, 'x < y');
    assert.equal(tree.root?.closed, true);
  });

  test('< right before a tag: the tag is still read', () => {
    const text = '<a>1 < <b>2</b></a>';
    const tree = readXmlTree(text);
    assert.deepEqual(problemsOf(text, tree), [['malformed', '<']]);
    assert.equal(shape(tree), 'a[b] b[]');
    assert.equal(find(tree, 'b').start, text.indexOf('<b>'));
    assert.equal(tree.root?.text, '1 < ');
  });

  test('a bare & stays as written and does not swallow the markup up to the next ;', () => {
    const text = '<a><name>Procter & Gamble</name><b>x;</b></a>';
    const tree = readXmlTree(text);
    assert.deepEqual(problemsOf(text, tree), [['entity', '&']]);
    assert.equal(tree.problems[0]?.message, 'The character & must be written &amp; (here it starts no entity or character reference)');
    assert.equal(find(tree, 'name').text, 'Procter & Gamble');
    assert.equal(shape(tree), 'a[name,b] name[] b[]');
  });

  test('an entity XML does not define stays as written; &nbsp; gets a hint', () => {
    const text = '<a>x&nbsp;y &eacute; &#0; &#xD800; &#65;</a>';
    const tree = readXmlTree(text);
    assert.deepEqual(problemsOf(text, tree), [
      ['entity', '&nbsp;'],
      ['entity', '&eacute;'],
      ['entity', '&#0;'],
      ['entity', '&#xD800;'],
    ]);
    assert.equal(tree.problems[0]?.message, 'The entity &nbsp; is HTML, not XML: write &#160; for a no-break space');
    assert.match(tree.problems[1]?.message ?? '', /^The entity &eacute; is not defined: XML knows only &amp; &lt; &gt; &quot; &apos;/);
    assert.equal(tree.problems[2]?.message, 'The character reference &#0; does not stand for a character XML allows');
    assert.equal(tree.root?.text, 'x&nbsp;y &eacute; &#0; &#xD800; A');
  });

  test('& and < in attribute values', () => {
    const text = '<a x="AT&T" y="1<2"/>';
    const tree = readXmlTree(text);
    assert.deepEqual(problemsOf(text, tree), [
      ['entity', '&'],
      ['malformed', '<'],
    ]);
    assert.deepEqual(
      tree.root?.attributes.map((a) => [a.name, a.value]),
      [
        ['x', 'AT&T'],
        ['y', '1<2'],
      ],
    );
  });

  test('"]]>" in text', () => {
    const text = '<a>x]]>y</a>';
    const tree = readXmlTree(text);
    assert.deepEqual(problemsOf(text, tree), [['malformed', ']]>']]);
    assert.equal(tree.root?.text, 'x]]>y');
  });

  test('a character XML does not allow', () => {
    const text = '<a>x\u0001y\uFFFE</a>';
    const tree = readXmlTree(text);
    assert.deepEqual(
      tree.problems.map((p) => [p.code, p.message, text.slice(p.start, p.end)]),
      [
        ['malformed', 'The character U+0001 is not allowed in XML', '\u0001'],
        ['malformed', 'The character U+FFFE is not allowed in XML', '\uFFFE'],
      ],
    );
    assert.equal(tree.root?.text, 'x\u0001y\uFFFE');
  });

  test('a lone surrogate is reported and does not swallow the next character', () => {
    const text = '<a>x\uD800</a><!--\uDC00-->';
    const tree = readXmlTree(text);
    assert.deepEqual(problemsOf(text, tree), [
      ['malformed', '\uD800'],
      ['malformed', '\uDC00'],
    ]);
    assert.equal(tree.root?.closed, true);
    assert.equal(tree.root?.text, 'x\uD800');
    const end = readXmlTree('<a>x\uD83D');
    assert.ok(end.root && end.root.end === 5 && end.root.text === 'x\uD83D');
  });
});

describe('readXmlTree: markup errors', () => {
  test('an attribute value without quotes is read to the next space or >', () => {
    const text = '<a x=1 y="2" z=3>t</a>';
    const tree = readXmlTree(text);
    assert.deepEqual(
      tree.problems.map((p) => [p.code, p.message]),
      [
        ['malformed', 'An attribute value in the start tag <a> is not in quotes: write name="value"'],
        ['malformed', 'An attribute value in the start tag <a> is not in quotes: write name="value"'],
      ],
    );
    assert.deepEqual(
      tree.root?.attributes.map((a) => [a.name, a.value, text.slice(a.valueStart, a.valueEnd), text.slice(a.nameStart, a.nameStart + 1)]),
      [
        ['x', '1', '1', 'x'],
        ['y', '2', '2', 'y'],
        ['z', '3', '3', 'z'],
      ],
    );
    assert.equal(tree.root?.text, 't');
  });

  test('an attribute without a value has the value ""', () => {
    const text = '<a checked y="2">t</a>';
    const tree = readXmlTree(text);
    assert.deepEqual(
      tree.problems.map((p) => p.code),
      ['malformed'],
    );
    assert.match(tree.problems[0]?.message ?? '', /has no value/);
    assert.deepEqual(
      tree.root?.attributes.map((a) => [a.name, a.value]),
      [['y', '2']],
    );
  });

  test('duplicate attributes are all kept, the second reported', () => {
    const text = '<footnoteId id="F1" id="F2"/>';
    const tree = readXmlTree(text);
    assert.deepEqual(problemsOf(text, tree), [['duplicate-attribute', 'id="F2"']]);
    assert.equal(tree.problems[0]?.message, 'The attribute id is given twice in the start tag <footnoteId>');
    assert.deepEqual(
      tree.root?.attributes.map((a) => a.value),
      ['F1', 'F2'],
    );
  });

  test('a start tag missing its >', () => {
    const text = '<a><b x="1" <c>t</c></a>';
    const tree = readXmlTree(text);
    assert.ok(tree.problems.some((p) => p.message === 'The start tag <b> is not closed with > before the next <'), JSON.stringify(tree.problems));
    assert.equal(tree.root?.name, 'a');
  });

  test('-- inside a comment', () => {
    const text = '<a><!-- a -- b -->x</a>';
    const tree = readXmlTree(text);
    assert.deepEqual(problemsOf(text, tree), [['malformed', '--']]);
    assert.equal(tree.root?.text, 'x');
  });

  test('<! that is no comment, CDATA or DOCTYPE (a lower-case <!doctype>) stays in the text and does not swallow the document', () => {
    const text = '<a><!doctype html> text<b>x</b></a>';
    const tree = readXmlTree(text);
    assert.deepEqual(problemsOf(text, tree), [['malformed', '<']]);
    assert.match(tree.problems[0]?.message ?? '', /^"<!doctype html>" is not markup XML knows/);
    assert.equal(shape(tree), 'a[b] b[]');
    assert.equal(tree.root?.text, '<!doctype html> text');
  });

  test('an end tag without a name', () => {
    const text = '<a>x</>y</a>';
    const tree = readXmlTree(text);
    assert.deepEqual(problemsOf(text, tree), [['malformed', '<']]);
    assert.equal(tree.root?.text, 'x</>y');
    assert.equal(tree.root?.closed, true);
  });
});

describe('readXmlTree: declaration, processing instructions, DOCTYPE', () => {
  test('white space before the XML declaration', () => {
    const text = '\n<?xml version="1.0"?>\n<a/>';
    const tree = readXmlTree(text);
    assert.deepEqual(
      tree.problems.map((p) => p.code),
      ['declaration'],
    );
    assert.equal(tree.problems[0]?.message, 'The XML declaration <?xml …?> must be the very first thing in the document: not even a space or a line break may come before it');
    assert.equal(text.slice(tree.problems[0]?.start, tree.problems[0]?.end).startsWith('<?xml'), true);
    assert.equal(tree.declaration?.version, '1.0');
    assert.equal(tree.root?.name, 'a');
  });

  test('a malformed declaration', () => {
    const tree = readXmlTree('<?xml encoding="UTF-8"?><a/>');
    assert.deepEqual(
      tree.problems.map((p) => p.code),
      ['declaration'],
    );
    assert.equal(tree.root?.name, 'a');
  });

  test('a second declaration gives one problem', () => {
    const text = '<?xml version="1.0"?>\n<?xml version="1.0"?><a/>';
    const tree = readXmlTree(text);
    assert.deepEqual(
      tree.problems.map((p) => [p.code, p.message, p.start]),
      [['declaration', 'A second XML declaration: a document has one, at its very start (line 1)', text.lastIndexOf('<?xml')]],
    );
    assert.equal(tree.declaration?.start, 0);
  });

  test('a stylesheet processing instruction is reported (EDGAR suspends the filing) and the tree still read', () => {
    const text = '<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="form4.xsl"?>\n<a><?page break?><b/></a>';
    const tree = readXmlTree(text);
    assert.deepEqual(problemsOf(text, tree), [
      ['pi', '<?xml-stylesheet type="text/xsl" href="form4.xsl"?>'],
      ['pi', '<?page break?>'],
    ]);
    assert.match(tree.problems[0]?.message ?? '', /^The processing instruction <\?xml-stylesheet …\?> is not allowed: EDGAR suspends/);
    assert.equal(shape(tree), 'a[b] b[]');
  });

  test('a DOCTYPE is reported and skipped', () => {
    const text = '<!DOCTYPE a [ <!ELEMENT a (#PCDATA)> ]>\n<a>x</a>';
    const tree = readXmlTree(text);
    assert.deepEqual(problemsOf(text, tree), [['doctype', '<!DOCTYPE a [ <!ELEMENT a (#PCDATA)> ]>']]);
    assert.equal(tree.root?.text, 'x');
  });
});

describe('readXmlTree: how many problems', () => {
  test(`at most ${MAX_LISTED_PROBLEMS} are listed, then one counts the rest; the tree is read to the end`, () => {
    const text = `<a>${'<b>&nbsp;</b>'.repeat(250)}<c/></a>`;
    const tree = readXmlTree(text);
    assert.equal(tree.problems.length, MAX_LISTED_PROBLEMS + 1);
    const last = tree.problems[MAX_LISTED_PROBLEMS];
    assert.deepEqual([last?.code, last?.message], ['too-many-problems', '150 more problems are not listed']);
    assert.equal(tree.root?.children.length, 251);
  });

  test('reading stops after too many errors from saxes, and says where', () => {
    const junk = '\u0001'.repeat(5000);
    const text = `<a><b>${junk}</b><c/></a>`;
    const tree = readXmlTree(text);
    const last = tree.problems[tree.problems.length - 1];
    assert.equal(last?.code, 'too-many-problems');
    assert.match(last?.message ?? '', /^Reading stopped at line 1: more than 1,000 errors/);
    assert.equal(last?.start, text.indexOf('<b>') + 3 + 1001);
    assert.deepEqual(
      allElements(tree).map((e) => [e.name, e.closed, e.end]),
      [
        ['a', false, last?.start],
        ['b', false, last?.start],
      ],
    );
  });
});
