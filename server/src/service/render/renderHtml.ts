/**
 * A filing as one HTML page laid out like the SEC's rendering of a Form 4: the header boxes,
 * Table I and Table II with their printed column titles, the Explanation of Responses, the
 * remarks and the signature. The page is self-contained (inline style, no network) and, standing
 * alone, has no script at all; in a webview it admits only the host's nonce'd script.
 *
 * Every element that shows a value carries `data-span` (its source range), so that a preview can
 * reveal it in the source, and cells that a finding touches are marked with its severity.
 *
 * The markup is also well-formed XML (void elements self-closed, only XML's five entities), so
 * that tests read it with an XML parser and assert on elements rather than on strings.
 */
import type { Filing } from '../model/filing';
import type { Finding } from '../rules/types';
import { escapeHtml } from './html';
import { boxesHtml, otherOwnersHtml, titleHtml } from './header';
import { describe, Marks } from './marks';
import { explanationHtml, signatureHtml } from './notes';
import { spanAttribute } from './spans';
import { STYLE } from './style';
import { tableHtml } from './tables';

/** What a webview needs: its nonce, its resource origin (`webview.cspSource`), its script and style. */
export interface RenderPage {
  readonly nonce: string;
  readonly cspSource: string;
  readonly scriptUri?: string;
  readonly styleUri?: string;
}

export interface RenderOptions {
  /** Findings of the check: cells they touch get class `finding finding-error|warning|information|hint` and a title with the message(s). */
  readonly findings?: readonly Finding[];
  /** In a webview: a CSP meta allowing only `cspSource` and the nonce'd script; standalone pages get `default-src 'none'; style-src 'unsafe-inline'; img-src data:` and no script. */
  readonly page?: RenderPage;
  readonly title?: string;
}

/** The Content-Security-Policy of a standalone page: its own inline style and nothing else. */
export const STANDALONE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The page. Total: any filing, however incomplete, gives a page. */
export function renderFilingHtml(filing: Filing, options: RenderOptions = {}): string {
  const marks = new Marks(options.findings ?? []);
  const page = options.page;
  const body = [
    titleHtml(filing, marks),
    boxesHtml(filing, marks),
    otherOwnersHtml(filing, marks),
    tableHtml('I', filing.nonDerivativeTable, marks),
    tableHtml('II', filing.derivativeTable, marks),
    explanationHtml(filing, marks),
    signatureHtml(filing, marks),
  ].join('\n');
  // Last: the findings no element showed (a missing box, the whole draft) are listed apart.
  const unshown = options.findings !== undefined ? unshownHtml(marks.unshown()) : '';
  const title = escapeHtml(options.title ?? defaultTitle(filing));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8" />
${headHtml(page)}
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>${title}</title>
<style${page !== undefined ? ` nonce="${escapeHtml(page.nonce)}"` : ''}>${STYLE}</style>
${page?.styleUri !== undefined ? `<link rel="stylesheet" href="${escapeHtml(page.styleUri)}" />` : ''}
</head>
<body>
<main class="form" data-document-type="${filing.documentType}">
${body}
${unshown}
</main>
${page?.scriptUri !== undefined ? `<script nonce="${escapeHtml(page.nonce)}" src="${escapeHtml(page.scriptUri)}"></script>` : ''}
</body>
</html>
`;
}

function headHtml(page: RenderPage | undefined): string {
  const csp = page === undefined
    ? STANDALONE_CSP
    : `default-src 'none'; style-src ${page.cspSource} 'nonce-${page.nonce}'; script-src 'nonce-${page.nonce}'; img-src ${page.cspSource} data:; font-src ${page.cspSource}`;
  return `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}" />`;
}

function defaultTitle(filing: Filing): string {
  const owner = filing.reportingOwners[0]?.name.text ?? '';
  const issuer = filing.issuer?.name.text ?? '';
  const parts = [`Form ${filing.documentType}`, issuer, owner].filter((p) => p !== '');
  return parts.join(' · ');
}

function unshownHtml(findings: readonly Finding[]): string {
  if (findings.length === 0) return '';
  let items = '';
  for (const finding of findings) {
    items += `<li class="finding finding-${finding.severity}" data-span="${spanAttribute(finding.span)}">${escapeHtml(describe(finding))}</li>`;
  }
  return `<section class="unshown"><div class="section-title">Findings not shown at a cell:</div><ul>${items}</ul></section>`;
}
