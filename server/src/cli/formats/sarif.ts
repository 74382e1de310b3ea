/**
 * `--format sarif`: SARIF 2.1.0, for code-scanning dashboards. One rule entry per rule id with
 * its description and documentation link; results carry 1-based regions in UTF-16 code units
 * (SARIF's default column kind) and related locations.
 */
import { relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULES, ruleDocumentationUrl, type Severity } from '../../service';
import { type FileResult, type FormatOptions, oneBased } from './types';

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function artifactUri(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  // Inside the current folder: a relative URI against %SRCROOT%; elsewhere: an absolute file URI.
  if (rel !== '' && !rel.startsWith('..')) return rel.split(/[\\/]/).map(encodeURIComponent).join('/');
  return pathToFileURL(file).href;
}

export function formatSarif(results: readonly FileResult[], options: FormatOptions): string {
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'form4',
            version: options.version,
            informationUri: 'https://github.com/form4-tools/form4-vscode',
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)(\w)/g, (_m, _d: string, c: string) => c.toUpperCase()).replace(/^(\d)/, 'Rule$1'),
              shortDescription: { text: r.summary },
              fullDescription: { text: r.description },
              helpUri: ruleDocumentationUrl(r.id),
              help: { text: r.description, markdown: r.description },
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
              properties: { group: r.group },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(options.cwd.endsWith('/') ? options.cwd : `${options.cwd}/`).href } },
        artifacts: results.map((r) => ({ location: { uri: artifactUri(r.file, options.cwd), uriBaseId: uriBase(r.file, options.cwd) } })),
        results: results.flatMap((r, artifactIndex) =>
          r.findings.map((f) => {
            const location = (span: typeof f.span, file?: string) => {
              const p = oneBased(span);
              const other = file !== undefined && file !== r.file ? resolve(options.cwd, file) : undefined;
              return {
                physicalLocation: {
                  artifactLocation: other !== undefined
                    ? { uri: artifactUri(other, options.cwd), uriBaseId: uriBase(other, options.cwd) }
                    : { uri: artifactUri(r.file, options.cwd), uriBaseId: uriBase(r.file, options.cwd), index: artifactIndex },
                  region: { startLine: p.line, startColumn: p.column, endLine: p.endLine, endColumn: p.endColumn },
                },
              };
            };
            return {
              ruleId: f.rule,
              ruleIndex: ruleIndex.get(f.rule),
              level: LEVEL[f.severity],
              message: { text: f.message },
              locations: [location(f.span)],
              relatedLocations: f.related.map((rel, id) => ({ id, message: { text: rel.message }, ...location(rel.span, rel.uri) })),
            };
          }),
        ),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function uriBase(file: string, cwd: string): string | undefined {
  const rel = relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') ? '%SRCROOT%' : undefined;
}
