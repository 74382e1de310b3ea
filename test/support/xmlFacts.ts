/**
 * Test support: what an exported XML document says, read back with the project's XML tree
 * reader (`readXmlTree`), never with regular expressions over the text. `facts` flattens an
 * element into paths and values, so that a test states a row's facts as one object:
 *
 *     { 'securityTitle': 'Common Stock', 'transactionCoding/transactionCode': 'M',
 *       'transactionCoding#': 'F1', 'transactionAmounts/transactionPricePerShare': '4.1', … }
 *
 * A `<value>` is its parent's value (`securityTitle`, not `securityTitle/value`); the footnote
 * references of an element are listed under its path and `#` (`'exerciseDate#': 'F3'`).
 */
import assert from 'node:assert/strict';
import { childNamed, childrenNamed, readXmlTree, type XmlElement } from '../../server/src/service/parse/xml/xmlTree';

/** The document's root element; fails the test when the XML is not well formed. */
export function readXml(xml: string): XmlElement {
  const tree = readXmlTree(xml);
  assert.deepEqual(tree.problems.map((p) => p.message), [], 'the exported XML is well formed');
  assert.ok(tree.root, 'the XML has a root element');
  assert.equal(tree.root.name, 'ownershipDocument');
  return tree.root;
}

/** The element at a path of child names (`issuer/issuerCik`), the first of each name. */
export function at(element: XmlElement, path: string): XmlElement | undefined {
  let current: XmlElement | undefined = element;
  for (const name of path.split('/')) {
    if (!current) return undefined;
    current = childNamed(current, name);
  }
  return current;
}

/** The text of the element at a path, or undefined when there is none. */
export function textAt(element: XmlElement, path: string): string | undefined {
  return at(element, path)?.text;
}

/** Every child of that name under the element at a path (`nonDerivativeTable` → its rows). */
export function all(element: XmlElement, path: string, name: string): XmlElement[] {
  const parent = path === '' ? element : at(element, path);
  return parent ? childrenNamed(parent, name) : [];
}

/** The names of an element's children, in order: the schema's order is the test's to check. */
export function childNames(element: XmlElement): string[] {
  return element.children.map((c) => c.name);
}

/** An element flattened into paths and values, as described above. */
export function facts(element: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (e: XmlElement, path: string): void => {
    const refs = childrenNamed(e, 'footnoteId').map((f) => f.attributes.find((a) => a.name === 'id')?.value ?? '?');
    if (refs.length > 0) out[`${path}#`] = refs.join(',');
    const others = e.children.filter((c) => c.name !== 'footnoteId');
    if (others.length === 0) {
      if (e.children.length === 0 || e.text.trim() !== '') out[path] = e.text;
      return;
    }
    for (const child of others) {
      if (child.name === 'value') walk(child, path);
      else walk(child, path === '' ? child.name : `${path}/${child.name}`);
    }
  };
  walk(element, '');
  return out;
}

/** The rows of a table: `[kind, facts]` for each transaction or holding, in order. */
export function rows(root: XmlElement, table: 'nonDerivativeTable' | 'derivativeTable'): { kind: string; facts: Record<string, string> }[] {
  const element = at(root, table);
  return element ? element.children.map((c) => ({ kind: c.name, facts: facts(c) })) : [];
}

/** The footnotes, by id. */
export function footnotes(root: XmlElement): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of all(root, 'footnotes', 'footnote')) out[f.attributes.find((a) => a.name === 'id')?.value ?? '?'] = f.text;
  return out;
}
