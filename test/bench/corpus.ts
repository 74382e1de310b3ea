/**
 * The real EDGAR filings of ../shared/corpus as drafts, through the product's own importer
 * (`importOwnershipXml`), for the benchmark's corpus figure. The filings are read from
 * ../shared at run time, never copied here; a filing the importer refuses is left out.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importOwnershipXml } from '../../server/src/service/import/importXml';

export interface CorpusDraft {
  readonly file: string;
  readonly text: string;
}

/** The corpus filings as drafts, or undefined when the folder is absent. */
export function corpusDrafts(folder: string): CorpusDraft[] | undefined {
  if (!existsSync(folder)) return undefined;
  const drafts: CorpusDraft[] = [];
  for (const file of readdirSync(folder).filter((f) => /\.(?:xml|txt)$/i.test(f)).sort()) {
    const imported = importOwnershipXml(readFileSync(join(folder, file), 'utf8'));
    if (imported.kind === 'draft') drafts.push({ file, text: imported.draft });
  }
  return drafts;
}
