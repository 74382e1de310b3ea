/**
 * readXmlTree on well-formed XML: the tree, the decoded text, and offsets checked by slicing the
 * original text (UTF-16 surrogate pairs, CRLF and lone CR line breaks, entities, CDATA, a BOM,
 * and a document read out of the middle of a bigger text).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { attributeNamed, childNamed, childrenNamed, readXmlTree, type XmlElement, type XmlTree } from '../../../server/src/service/parse/xml/xmlTree';
import { allElements, find, FORM4_XML } from './fixtures';

/** Asserts the offsets of every element and attribute against the source. */
function assertOffsets(text: string, tree: XmlTree): void {
  for (const e of allElements(tree)) {
    assert.equal(text.slice(e.start, e.start + 1 + e.name.length), `<${e.name}`, `start of <${e.name}>`);
    assert.equal(text[e.startTagEnd - 1], '>', `start tag end of <${e.name}>`);
    if (e.selfClosing) {
      assert.equal(text.slice(e.startTagEnd - 2, e.startTagEnd), '/>');
      assert.equal(e.end, e.startTagEnd);
      assert.equal(e.endTagStart, e.end);
    } else if (e.closed) {
      assert.match(text.slice(e.endTagStart, e.end), new RegExp(`^</${e.name}\\s*>$`), `end tag of <${e.name}>`);
    }
    for (const a of e.attributes) {
      assert.equal(text.slice(a.nameStart, a.nameStart + a.name.length), a.name);
      assert.match(text[a.valueStart - 1] ?? '', /["']/, 'the value starts after its quote');
      assert.equal(text[a.valueEnd], text[a.valueStart - 1], 'the value ends at its quote');
    }
    if (e.textStart !== e.textEnd) {
      assert.doesNotMatch(text[e.textStart] ?? '', /\s/);
      assert.doesNotMatch(text[e.textEnd - 1] ?? '', /\s/);
    }
  }
}

function only(tree: XmlTree): XmlElement {
  assert.deepEqual(tree.problems, []);
  assert.ok(tree.root);
  return tree.root;
}

function spanOf(text: string, e: XmlElement): string {
  return text.slice(e.textStart, e.textEnd);
}

describe('readXmlTree: a well-formed ownership document', () => {
  const tree = readXmlTree(FORM4_XML);

  test('reads without a problem, with the declaration and the root', () => {
    const root = only(tree);
    assert.equal(root.name, 'ownershipDocument');
    assert.equal(root.start, FORM4_XML.indexOf('<ownershipDocument>'));
    assert.equal(root.end, FORM4_XML.lastIndexOf('>') + 1);
    assert.equal(root.closed, true);
    assert.deepEqual(tree.declaration, { version: '1.0', encoding: 'UTF-8', standalone: undefined, start: 0, end: FORM4_XML.indexOf('?>') + 2 });
  });

  test('every offset points at its markup', () => {
    assertOffsets(FORM4_XML, tree);
  });

  test('element names, children and nesting follow the document', () => {
    const root = only(tree);
    assert.deepEqual(
      root.children.map((c) => c.name),
      ['schemaVersion', 'documentType', 'periodOfReport', 'issuer', 'reportingOwner', 'aff10b5One', 'nonDerivativeTable', 'footnotes', 'remarks', 'ownerSignature'],
    );
    const issuer = childNamed(root, 'issuer');
    assert.ok(issuer);
    assert.deepEqual(childrenNamed(issuer, 'issuerName').map((e) => e.text), ['Smith & Wesson Example Corp']);
  });

  test('text is decoded; its span is the source', () => {
    const name = find(tree, 'issuerName');
    assert.equal(name.text, 'Smith & Wesson Example Corp');
    assert.equal(spanOf(FORM4_XML, name), 'Smith &amp; Wesson Example Corp');
    const title = find(tree, 'officerTitle');
    assert.equal(title.text, 'Chief "Everything" Officer');
    const footnote = find(tree, 'footnote');
    assert.equal(footnote.text, 'Weighted average price; prices ranged from $12.00 to $12.60 <inclusive>.');
  });

  test('CDATA is text, taken as written', () => {
    const remarks = find(tree, 'remarks');
    assert.equal(remarks.text, 'Filed <late> & sorry');
    assert.equal(spanOf(FORM4_XML, remarks), 'Filed <late> & sorry');
  });

  test('attributes: decoded value, name and value spans', () => {
    const ref = find(tree, 'footnoteId');
    assert.equal(ref.selfClosing, true);
    const id = attributeNamed(ref, 'id');
    assert.ok(id);
    assert.equal(id.value, 'F1');
    assert.equal(FORM4_XML.slice(id.valueStart, id.valueEnd), 'F1');
    assert.equal(FORM4_XML.slice(id.nameStart, id.nameStart + 2), 'id');
  });

  test('an element with only element children has white space as text and an empty span at its start tag', () => {
    const table = find(tree, 'nonDerivativeTable');
    assert.match(table.text, /^\s+$/);
    assert.equal(table.textStart, table.startTagEnd);
    assert.equal(table.textEnd, table.startTagEnd);
  });

  test('a comment is neither an element nor text', () => {
    const root = only(tree);
    assert.doesNotMatch(root.text, /weighted/);
    assert.ok(!allElements(tree).some((e) => e.name.includes('!')));
  });
});

describe('readXmlTree: exact offsets', () => {
  test('surrogate pairs (emoji, CJK extension B) count as two code units', () => {
    const text = '<a t="😀𠀀"><b>😀 𠀀x</b><c/></a>';
    const tree = readXmlTree(text);
    const root = only(tree);
    assertOffsets(text, tree);
    const b = find(tree, 'b');
    assert.equal(b.text, '😀 𠀀x');
    assert.equal(spanOf(text, b), '😀 𠀀x');
    const t = root.attributes[0];
    assert.ok(t);
    assert.equal(text.slice(t.valueStart, t.valueEnd), '😀𠀀');
    assert.equal(find(tree, 'c').start, text.indexOf('<c/>'));
  });

  test('CRLF and lone CR line breaks: text normalized to \\n, offsets in the original', () => {
    const text = '<a>\r\n<b>one\r\ntwo\rthree</b>\r<c\r\nx="1\r\n2"/>\r\n</a>';
    const tree = readXmlTree(text);
    only(tree);
    assertOffsets(text, tree);
    const b = find(tree, 'b');
    assert.equal(b.text, 'one\ntwo\nthree');
    assert.equal(spanOf(text, b), 'one\r\ntwo\rthree');
    const x = find(tree, 'c').attributes[0];
    assert.ok(x);
    assert.equal(x.value, '1 2', 'an attribute value turns a line break into one space');
    assert.equal(text.slice(x.valueStart, x.valueEnd), '1\r\n2');
    assert.equal(find(tree, 'c').start, text.indexOf('<c'));
  });

  test('entities and character references: one decoded character for several source ones', () => {
    const text = '<v>&amp;&lt;&gt;&quot;&apos;&#65;&#x42;&#x1F600;</v>';
    const tree = readXmlTree(text);
    const v = only(tree);
    assert.equal(v.text, '&<>"\'AB😀');
    assert.equal(v.textStart, 3);
    assert.equal(v.textEnd, text.indexOf('</v>'));
  });

  test('CDATA with line breaks and markup inside', () => {
    const text = '<v>\r\n  <![CDATA[ <b>x</b>\r\n& y ]]>  </v>';
    const tree = readXmlTree(text);
    const v = only(tree);
    assert.equal(v.text, '\n   <b>x</b>\n& y   ');
    assert.equal(spanOf(text, v), '<b>x</b>\r\n& y');
    assert.deepEqual(v.children, []);
  });

  test('a BOM at the start is skipped, not counted out', () => {
    const text = '\uFEFF<?xml version="1.0"?>\n<a>x</a>';
    const tree = readXmlTree(text);
    const a = only(tree);
    assert.equal(tree.declaration?.start, 1);
    assert.equal(a.start, text.indexOf('<a>'));
    assert.equal(spanOf(text, a), 'x');
  });

  test('a document read out of a bigger text has offsets in that text', () => {
    const prefix = '<SEC-HEADER>junk & <stuff\n<XML>\n';
    const suffix = '</XML>\n</DOCUMENT> trailing & junk';
    const text = prefix + FORM4_XML + suffix;
    const tree = readXmlTree(text, prefix.length, prefix.length + FORM4_XML.length);
    const root = only(tree);
    assertOffsets(text, tree);
    assert.equal(root.start, prefix.length + FORM4_XML.indexOf('<ownershipDocument>'));
    assert.equal(tree.declaration?.start, prefix.length);
    const whole = readXmlTree(FORM4_XML);
    const shifted = allElements(whole).map((e) => [e.name, e.start + prefix.length, e.end + prefix.length, e.textStart + prefix.length]);
    assert.deepEqual(
      allElements(tree).map((e) => [e.name, e.start, e.end, e.textStart]),
      shifted,
    );
  });

  test('the trimmed span puts a finding on the value itself', () => {
    const text = '<value> 10,000 </value>';
    const v = only(readXmlTree(text));
    assert.equal(v.text, ' 10,000 ');
    assert.equal(spanOf(text, v), '10,000');
  });

  test("an element's own text skips its children and comments; its span runs from the first to the last own character", () => {
    const text = '<v> 1<!-- c -->2 <b>inner</b> 3 </v>';
    const v = only(readXmlTree(text));
    assert.equal(v.text, ' 12  3 ');
    assert.equal(text.slice(v.textStart, v.textEnd), '1<!-- c -->2 <b>inner</b> 3');
    assert.equal(v.children[0]?.text, 'inner');
  });

  test('attribute values: both quotes, entities, white space normalized, character references kept', () => {
    const text = `<a x='say "hi"' y="a&amp;b&#10;c\td" z = "  spaced  "/>`;
    const a = only(readXmlTree(text));
    assert.deepEqual(
      a.attributes.map((x) => [x.name, x.value, text.slice(x.valueStart, x.valueEnd)]),
      [
        ['x', 'say "hi"', 'say "hi"'],
        ['y', 'a&b\nc d', 'a&amp;b&#10;c\td'],
        ['z', '  spaced  ', '  spaced  '],
      ],
    );
    assert.equal(a.attributes[2]?.nameStart, text.indexOf('z ='));
  });

  test('a namespace prefix is kept in name and dropped from localName', () => {
    const text = '<edgar:ownershipDocument xmlns:edgar="urn:x"><edgar:value>1</edgar:value></edgar:ownershipDocument>';
    const root = only(readXmlTree(text));
    assert.equal(root.name, 'edgar:ownershipDocument');
    assert.equal(root.localName, 'ownershipDocument');
    assert.equal(childNamed(root, 'value')?.text, '1');
  });

  test('end tags may hold white space before >', () => {
    const text = '<a><b>x</b  \n></a >';
    const tree = readXmlTree(text);
    only(tree);
    assertOffsets(text, tree);
    assert.equal(find(tree, 'b').end, text.indexOf('></a') + 1);
  });
});
