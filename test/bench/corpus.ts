/**
 * ============================== TO PORT: the corpus conversion ==============================
 * The one place where the benchmark uses more than parseDraft/checkDraft and the bundles: the
 * real EDGAR filings of ../shared/corpus are XML, and the test-only converter of
 * test/corpus/xmlToDraft.ts turns them into drafts. When the product has its own XML importer,
 * replace `xmlToDraft` below with it (same shape: XML text in, draft text out) and nothing else
 * in test/bench changes. The filings are read from ../shared at run time, never copied here.
 * ============================================================================================
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { xmlToDraft } from '../corpus/xmlToDraft';

export interface CorpusDraft {
  readonly file: string;
  readonly text: string;
}

/** The corpus filings as drafts, or undefined when the folder is absent. */
export function corpusDrafts(folder: string): CorpusDraft[] | undefined {
  if (!existsSync(folder)) return undefined;
  return readdirSync(folder)
    .filter((f) => /\.(?:xml|txt)$/i.test(f))
    .sort()
    .map((file) => ({ file, text: xmlToDraft(readFileSync(join(folder, file), 'utf8')) }));
}
