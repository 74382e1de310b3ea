/**
 * Reading a source the command line was given: its bytes decoded (UTF-8, or UTF-16 with its
 * byte-order mark), and the front end that reads it (a draft, or EDGAR ownership XML). An XML
 * or text file found in a folder that holds no ownership document is skipped; one named
 * explicitly is read as XML, so that its finding says what it is not.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { decodeTextFile, type DecodedText } from '../node/textFile';
import { isFilingName, type SourceFile } from './files';
import { sniffOwnership } from '../service';

export type ReadSource =
  /** `decoded` says how to write the text back (`form4 fix`, `form4 format`). */
  | { readonly kind: 'draft' | 'xml'; readonly text: string; readonly decoded: DecodedText }
  | { readonly kind: 'binary'; readonly reason: string }
  | { readonly kind: 'skip' };

/** Reads a file; throws (with Node's error) only when it cannot be read at all. */
export function readSource(source: SourceFile): ReadSource {
  const decoded = decodeTextFile(readFileSync(source.path));
  if ('binary' in decoded) return { kind: 'binary', reason: decoded.reason };
  const text = decoded.text;
  if (!isFilingName(basename(source.path))) return { kind: 'draft', text, decoded };
  if (sniffOwnership(text)) return { kind: 'xml', text, decoded };
  return source.found ? { kind: 'skip' } : { kind: 'xml', text, decoded };
}
