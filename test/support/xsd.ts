/**
 * Test support: EDGAR ownership XML validated against the SEC's schemas by a real validator,
 * libxml2 compiled to WebAssembly (`xmllint-wasm`). The schemas are read from
 * `../shared/refs/xsd` at test time, never copied into the project; the X0508 documents include
 * `.//ownershipDocumentCommon.xsd.xml`, which is given to the validator under that name. Tests
 * that need the schemas take `{ skip: NO_XSD }`: without the shared folder they are skipped with
 * a message that says why, rather than failing or passing on nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { memoryPages, validateXML } from 'xmllint-wasm';
import { SHARED } from './paths';

export const XSD_DIR = join(SHARED, 'refs', 'xsd');
const COMMON = 'ownershipDocumentCommon.xsd.xml';
const SCHEMAS = { '4': 'ownership4Document.X0508.xsd.xml', '4/A': 'ownership4ADocument.X0508.xsd.xml' } as const;

export type DocumentKind = keyof typeof SCHEMAS;

/** For node:test's `skip` option: false when the schemas are there, else the reason. */
export const NO_XSD: string | false = [COMMON, ...Object.values(SCHEMAS)].every((f) => existsSync(join(XSD_DIR, f)))
  ? false
  : `the SEC's schemas are not at ${XSD_DIR} (the shared folder beside the project): XML validation skipped`;

const texts = new Map<string, string>();
function schemaText(name: string): string {
  let text = texts.get(name);
  if (text === undefined) {
    text = readFileSync(join(XSD_DIR, name), 'utf8');
    texts.set(name, text);
  }
  return text;
}

/** The schema a document is validated against: 4/A when it says so, else 4. */
export function kindOf(xml: string): DocumentKind {
  return /<documentType>\s*4\/A\s*<\/documentType>/.test(xml) ? '4/A' : '4';
}

/** libxml2's messages for one document; none when it is valid. */
export async function validateOwnershipXml(xml: string, kind: DocumentKind = kindOf(xml)): Promise<string[]> {
  const results = await validateMany([{ name: 'document.xml', xml, kind }]);
  return results.get('document.xml') ?? [];
}

export interface NamedDocument {
  /** A file name for the validator: letters, digits, `.`, `_`, `-`; unique in one call. */
  readonly name: string;
  readonly xml: string;
  readonly kind?: DocumentKind;
}

/**
 * libxml2's messages for many documents, by name (an empty list for a valid one). One validator
 * run per schema: starting libxml2 costs far more than validating a document.
 */
export async function validateMany(documents: readonly NamedDocument[]): Promise<Map<string, string[]>> {
  const results = new Map<string, string[]>();
  for (const kind of Object.keys(SCHEMAS) as DocumentKind[]) {
    const group = documents.filter((d) => (d.kind ?? kindOf(d.xml)) === kind);
    if (group.length === 0) continue;
    for (const [name, errors] of await validateGroup(group, kind)) results.set(name, errors);
  }
  return results;
}

async function validateGroup(group: readonly NamedDocument[], kind: DocumentKind): Promise<Map<string, string[]>> {
  const results = new Map<string, string[]>(group.map((d) => [d.name, []]));
  let output: string;
  try {
    const result = await validateXML({
      xml: group.map((d) => ({ fileName: d.name, contents: d.xml })),
      schema: [{ fileName: SCHEMAS[kind], contents: schemaText(SCHEMAS[kind]) }],
      preload: [{ fileName: COMMON, contents: schemaText(COMMON) }],
      maxMemoryPages: memoryPages.GiB,
    });
    output = result.rawOutput;
  } catch (error) {
    // xmllint ends with another code when a document is not even well-formed: one at a time, so
    // that the others still get their answer.
    if (group.length > 1) {
      for (const d of group) for (const [name, errors] of await validateGroup([d], kind)) results.set(name, errors);
      return results;
    }
    results.set(group[0]?.name ?? '', [`xmllint could not validate: ${(error as Error).message.trim()}`]);
    return results;
  }
  for (const line of output.split('\n')) {
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon) : '';
    const errors = results.get(name);
    if (errors) errors.push(line.slice(colon + 1).trim());
  }
  return results;
}
