/**
 * Files made from the rule definitions, so that docs, settings schema and code cannot drift:
 * docs/rules.md, the README's rules table, the `form4.rules` setting in package.json and the
 * JSON schema of `.form4rc.json`. `npm run docs` writes them; a test fails when one is stale.
 */
import { RULES, rulesDocumentationMarkdown, rulesTableMarkdown, SEVERITY_SETTINGS } from '../service';

export const README_TABLE_START = '<!-- rules-table:start -->';
export const README_TABLE_END = '<!-- rules-table:end -->';

export function rulesDoc(): string {
  return rulesDocumentationMarkdown();
}

/** The README with its rules table replaced. */
export function readmeWithRulesTable(readme: string): string {
  const start = readme.indexOf(README_TABLE_START);
  const end = readme.indexOf(README_TABLE_END);
  if (start === -1 || end === -1 || end < start) throw new Error(`README.md needs ${README_TABLE_START} and ${README_TABLE_END}`);
  return `${readme.slice(0, start + README_TABLE_START.length)}\n${rulesTableMarkdown('docs/rules.md')}\n${readme.slice(end)}`;
}

/** The `{ "rule-id": "severity" }` object schema, for settings and `.form4rc.json` alike. */
export function ruleSeveritiesSchema(): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  for (const rule of RULES) {
    properties[rule.id] = {
      type: 'string',
      enum: SEVERITY_SETTINGS,
      markdownDescription: `${rule.summary} Default: \`${rule.defaultSeverity}\`${rule.severityNote ? ` (${rule.severityNote})` : ''}.`,
    };
  }
  return {
    type: 'object',
    markdownDescription: 'Severity per rule: `error`, `warning`, `information`, `hint` or `off`. Overrides `.form4rc.json`. See the [rules documentation](https://github.com/form4-tools/form4-vscode/blob/main/docs/rules.md).',
    properties,
    additionalProperties: false,
    default: {},
  };
}

export function form4rcSchema(): Record<string, unknown> {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Form 4 checker settings (.form4rc.json)',
    type: 'object',
    properties: { $schema: { type: 'string' }, rules: ruleSeveritiesSchema() },
    additionalProperties: false,
  };
}

/** package.json's `contributes.configuration`. */
export function configurationContribution(): Record<string, unknown> {
  return {
    title: 'Form 4',
    properties: {
      'form4.rules': { ...ruleSeveritiesSchema(), scope: 'resource' },
      'form4.inlayHints.enabled': {
        type: 'boolean',
        default: true,
        scope: 'resource',
        markdownDescription: 'Show, after each amount-owned cell, the running holding the rows imply (`= 65,500 − 10,000`) and, on the first row of a holding, the amount held before it.',
      },
      'form4.diagnostics.delay': {
        type: 'number',
        default: 150,
        minimum: 0,
        maximum: 5000,
        scope: 'resource',
        markdownDescription: 'Milliseconds to wait after an edit before the draft is checked again, for editors that receive pushed diagnostics. VS Code pulls diagnostics and needs no delay.',
      },
      'form4.trace.server': {
        type: 'string',
        enum: ['off', 'messages', 'verbose'],
        default: 'off',
        scope: 'window',
        description: 'Traces the communication between VS Code and the Form 4 language server (in the Output panel).',
      },
    },
  };
}
