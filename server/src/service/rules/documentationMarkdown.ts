/**
 * The rules documentation, made from the rule definitions: docs/rules.md (written by
 * `npm run docs`), the README's rules table, and the page the editor's "Show Rules
 * Documentation" command opens. One source, so the three cannot disagree.
 */
import { RULES } from './registry';
import type { RuleDefinition } from './types';

function severityText(rule: RuleDefinition): string {
  return rule.severityNote ?? rule.defaultSeverity;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The README's table: id (linked to its section), severity, what it finds, example message. */
export function rulesTableMarkdown(linkBase: string): string {
  const rows = RULES.map((r) => `| [\`${r.id}\`](${linkBase}#${r.id}) | ${cell(severityText(r))} | ${cell(r.summary)} | ${cell(r.example.message)} |`);
  return ['| id | severity | finds | example message |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** docs/rules.md: every rule with an anchor named after its id. */
export function rulesDocumentationMarkdown(): string {
  const out: string[] = [
    '# Form 4 rules',
    '',
    '<!-- Generated from server/src/service/rules by `npm run docs`; edit the rule definitions, not this file. -->',
    '',
    'Each rule has a stable id: the diagnostic\'s code, the name used to change its severity, and the anchor of its section here.',
    'Severities can be set per rule to `error`, `warning`, `information`, `hint` or `off`, in `.form4rc.json`',
    '(`{ "rules": { "late-filing": "off" } }`), in the editor setting `form4.rules`, or with `form4 check --rule id=severity`.',
    '',
  ];
  let group = '';
  for (const rule of RULES) {
    if (rule.group !== group) {
      group = rule.group;
      out.push(`## ${group}`, '');
      for (const r of RULES.filter((x) => x.group === group)) out.push(`- [\`${r.id}\`](#${r.id}): ${r.summary}`);
      out.push('');
    }
    out.push(
      `### ${rule.id}`,
      '',
      `**Default severity:** ${severityText(rule)}`,
      '',
      rule.summary,
      '',
      rule.description,
      '',
      'Example:',
      '',
      '```form4',
      rule.example.draft,
      '```',
      '',
      `> ${rule.example.message}`,
      '',
    );
  }
  return out.join('\n');
}
