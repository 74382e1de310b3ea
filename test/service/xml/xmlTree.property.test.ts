/**
 * Property tests of readXmlTree (fast-check, 200 runs each so that `npm test` stays fast):
 * random strings and mutations of a real document never throw and always give offsets that are
 * ordered, inside the slice read and nested like the tree; reading a slice of a bigger text gives
 * the same tree shifted; a generated well-formed document reads back to the same tree.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { readXmlTree, type XmlElement, type XmlTree } from '../../../server/src/service/parse/xml/xmlTree';
import { allElements, FORM4_XML } from './fixtures';

const RUNS = { numRuns: 200 };

/** The invariants every tree keeps, whatever the input. */
function assertInvariants(text: string, tree: XmlTree, from = 0, to = text.length): void {
  const inside = (n: number, what: string): void => {
    assert.ok(Number.isInteger(n) && n >= from && n <= to, `${what} ${n} outside [${from}, ${to}]`);
  };
  for (const p of tree.problems) {
    inside(p.start, 'problem start');
    inside(p.end, 'problem end');
    assert.ok(p.start <= p.end, 'problem span ordered');
    assert.ok(p.message.length > 0);
  }
  if (tree.declaration) {
    inside(tree.declaration.start, 'declaration start');
    assert.ok(tree.declaration.start <= tree.declaration.end && tree.declaration.end <= to);
  }
  const check = (e: XmlElement): void => {
    inside(e.start, 'start');
    inside(e.end, 'end');
    assert.ok(e.start < e.startTagEnd && e.startTagEnd <= e.endTagStart && e.endTagStart <= e.end, `<${e.name}> offsets ordered`);
    assert.ok(text.startsWith(`<${e.name}`, e.start), `<${e.name}> starts at its <`);
    assert.ok(e.name.length > 0);
    assert.ok(e.startTagEnd <= e.textStart && e.textStart <= e.textEnd && e.textEnd <= e.endTagStart, `<${e.name}> text span inside`);
    if (e.selfClosing) assert.ok(e.closed && e.end === e.startTagEnd);
    let previous = e.start + 1;
    for (const a of e.attributes) {
      assert.ok(previous <= a.nameStart && a.nameStart <= a.valueStart && a.valueStart <= a.valueEnd && a.valueEnd < e.startTagEnd, `attribute ${a.name} of <${e.name}> inside its tag`);
      previous = a.nameStart;
    }
    let last = e.startTagEnd;
    for (const c of e.children) {
      assert.ok(last <= c.start && c.end <= e.endTagStart, `<${c.name}> inside <${e.name}>, after its previous sibling`);
      last = c.end;
    }
  };
  for (const e of allElements(tree)) check(e);
}

/** Pieces that drive the reader through its states: markup of every kind, broken or not. */
const XML_PIECE = fc.oneof(
  fc.constantFrom(
    '<', '>', '</', '/>', '<a>', '</a>', '<b x="1">', '</b>', '<c/>', '<a', 'b', '=', '"', "'", ' ', '\n', '\r\n', '\r', '\t',
    '&', '&amp;', '&lt;', '&nbsp;', '&#65;', '&#0;', ';', '<![CDATA[', ']]>', '<!--', '-->', '--', '<?', '?>', '<?xml version="1.0"?>',
    '<?xml-stylesheet href="x"?>', '<!DOCTYPE a [<!ENTITY e "x">]>', '<!doctype html>', '<!', '[', ']', '\uFEFF', '😀', '𠀀', '\uD800', '\uDC00',
    '\u0000', '\u0001', 'é', 'x:y', ':', '<x:y>', '</x:y>',
  ),
  fc.string({ maxLength: 4 }),
);
const XMLISH = fc.array(XML_PIECE, { maxLength: 60 }).map((pieces) => pieces.join(''));
const ANY_CODE_UNITS = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 200 });

/** Offsets, codes and names, without the messages (their line numbers count in the whole text). */
function structure(tree: XmlTree, shift: number): unknown {
  return {
    root: allElements(tree).map((e) => ({
      name: e.name,
      offsets: [e.start, e.startTagEnd, e.endTagStart, e.end, e.textStart, e.textEnd].map((n) => n - shift),
      closed: e.closed,
      text: e.text,
      attributes: e.attributes.map((a) => [a.name, a.value, a.nameStart - shift, a.valueStart - shift, a.valueEnd - shift]),
      children: e.children.length,
    })),
    declaration: tree.declaration && { ...tree.declaration, start: tree.declaration.start - shift, end: tree.declaration.end - shift },
    problems: tree.problems.map((p) => [p.code, p.start - shift, p.end - shift]),
  };
}

describe('readXmlTree: properties', () => {
  test('XML-like strings never throw, and the offsets keep their invariants', () => {
    fc.assert(
      fc.property(XMLISH, (text) => {
        assertInvariants(text, readXmlTree(text));
      }),
      RUNS,
    );
  });

  test('any code units (control characters, lone surrogates) never throw', () => {
    fc.assert(
      fc.property(ANY_CODE_UNITS, (text) => {
        assertInvariants(text, readXmlTree(text));
      }),
      RUNS,
    );
  });

  test('a slice of a bigger text reads as the slice alone, shifted', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), XMLISH, fc.string({ maxLength: 20 }), (prefix, xml, suffix) => {
        const whole = prefix + xml + suffix;
        const tree = readXmlTree(whole, prefix.length, prefix.length + xml.length);
        assertInvariants(whole, tree, prefix.length, prefix.length + xml.length);
        assert.deepEqual(structure(tree, prefix.length), structure(readXmlTree(xml), 0));
      }),
      RUNS,
    );
  });

  test('mutations of a real document never throw, and the offsets keep their invariants', () => {
    const mutation = fc.record({
      at: fc.nat({ max: FORM4_XML.length }),
      remove: fc.nat({ max: 12 }),
      insert: fc.oneof(XML_PIECE, fc.constant('')),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
        let text = FORM4_XML;
        for (const m of mutations) {
          const at = Math.min(m.at, text.length);
          text = text.slice(0, at) + m.insert + text.slice(at + m.remove);
        }
        assertInvariants(text, readXmlTree(text));
      }),
      RUNS,
    );
  });
});

// ---- well-formed documents, generated and serialized ------------------------------------------

interface Node {
  name: string;
  attributes: [string, string][];
  /** Text before each child and after the last: children.length + 1 pieces. */
  texts: string[];
  children: Node[];
  cdata: boolean;
}

const NAME = fc.constantFrom('a', 'value', 'ownershipDocument', 'x:y', 'é', '_1', 'footnoteId', 'a-b.c');
const TEXT = fc.string({ unit: fc.constantFrom('a', ' ', '\n', '&', '<', '>', '"', "'", '😀', '𠀀', 'é', '1', ',', '\t', ']'), maxLength: 8 });

/** A tree at most `depth` levels deep, each element with up to three children. */
function nodeOf(depth: number): fc.Arbitrary<Node> {
  return fc
    .record({
      name: NAME,
      attributes: fc.uniqueArray(fc.tuple(fc.constantFrom('id', 'x', 'y:z', 'w'), TEXT), { maxLength: 3, selector: (a) => a[0] }),
      children: depth > 1 ? fc.array(nodeOf(depth - 1), { maxLength: 3 }) : fc.constant<Node[]>([]),
      cdata: fc.boolean(),
    })
    .chain((n) => fc.array(TEXT, { minLength: n.children.length + 1, maxLength: n.children.length + 1 }).map((texts) => ({ ...n, texts })));
}
const NODE = nodeOf(4);

function escapeText(s: string, cdata: boolean): string {
  if (cdata && s.length > 0 && !s.includes(']]>')) return `<![CDATA[${s}]]>`;
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** Serializes (recursively: generated trees are shallow), with CRLF line breaks where `crlf`. */
function serialize(root: Node, crlf: boolean): string {
  const out: string[] = [];
  const nl = (s: string): string => (crlf ? s.replace(/\n/g, '\r\n') : s);
  const visit = (n: Node): void => {
    const attributes = n.attributes.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
    if (n.children.length === 0 && n.texts.every((t) => t === '')) {
      out.push(`<${n.name}${attributes}/>`);
      return;
    }
    out.push(`<${n.name}${attributes}>`);
    n.children.forEach((c, i) => {
      out.push(nl(escapeText(n.texts[i] ?? '', n.cdata)));
      visit(c);
    });
    out.push(nl(escapeText(n.texts[n.children.length] ?? '', n.cdata)), `</${n.name}>`);
  };
  visit(root);
  return out.join('');
}

function expectedTree(n: Node): unknown {
  return {
    name: n.name,
    attributes: n.attributes,
    text: n.texts.join(''),
    children: n.children.map(expectedTree),
  };
}

function actualTree(e: XmlElement): unknown {
  return {
    name: e.name,
    attributes: e.attributes.map((a) => [a.name, a.value]),
    text: e.text,
    children: e.children.map(actualTree),
  };
}

describe('readXmlTree: well-formed documents read back', () => {
  test('a generated document reads without a problem, to the same names, attributes and texts', () => {
    fc.assert(
      fc.property(NODE, fc.boolean(), fc.boolean(), (root, crlf, declared) => {
        const text = (declared ? '<?xml version="1.0"?>\n' : '') + serialize(root, crlf);
        const tree = readXmlTree(text);
        assert.deepEqual(tree.problems, []);
        assert.ok(tree.root);
        assert.deepEqual(actualTree(tree.root), expectedTree(root));
        assertInvariants(text, tree);
        for (const e of allElements(tree)) {
          assert.equal(e.closed, true);
          if (!e.selfClosing) assert.equal(text.slice(e.endTagStart, e.end), `</${e.name}>`);
          for (const a of e.attributes) assert.equal(text.slice(a.valueStart, a.valueEnd), escapeAttribute(a.value));
        }
      }),
      RUNS,
    );
  });
});
