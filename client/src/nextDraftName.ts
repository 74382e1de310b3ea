/**
 * The name "Form 4: New Draft from Previous Filing" gives the new draft, decided without `vscode`
 * so that node:test can check it: the previous filing's name without its extension, `-next`,
 * and `.form4` (`wilson-2013-08-07.xml` → `wilson-2013-08-07-next.form4`); `-next-2`, `-next-3`…
 * when a file or an open draft has that name.
 */
export function nextDraftName(previous: string, taken: ReadonlySet<string>): string {
  const base = previous.replace(/\.form4\.md$/i, '').replace(/\.(?:form4|xml|txt|md)$/i, '').replace(/-next(?:-\d+)?$/, '') || 'form4';
  for (let n = 1; ; n++) {
    const name = `${base}-next${n === 1 ? '' : `-${n}`}.form4`;
    if (!taken.has(name)) return name;
  }
}

/** A name that may hold a filing: a draft, an EDGAR XML document or a full-submission text. */
export function isFilingName(path: string): boolean {
  return /\.(?:form4|form4\.md|xml|txt)$/i.test(path);
}
