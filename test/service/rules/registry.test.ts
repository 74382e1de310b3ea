/**
 * The registry and RULES.md name the same rules, in the same groups, with the same default
 * severities; and every rule id is tested in one of the group files here.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { RULES } from '../../../server/src/service/rules/registry';
import { PROJECT_ROOT, sharedFile } from '../../support/paths';

interface DocumentedRule {
  readonly id: string;
  readonly group: string;
  readonly severity: string;
}

/** The rows of RULES.md's rule tables: "| `id` | finding | severity |" under "### Group". */
function documentedRules(markdown: string): DocumentedRule[] {
  const found: DocumentedRule[] = [];
  let group = '';
  let inRules = false;
  for (const line of markdown.split(/\r?\n/)) {
    if (/^## /.test(line)) inRules = /^## Rules\b/.test(line);
    const heading = /^### (.+?)\s*$/.exec(line);
    if (heading) group = heading[1] ?? '';
    const row = /^\|\s*`([^`]+)`\s*\|.*\|\s*([^|]+?)\s*\|\s*$/.exec(line);
    if (inRules && row) found.push({ id: row[1] ?? '', group, severity: row[2] ?? '' });
  }
  return found;
}

/** The rules the project adds to RULES.md's: what only EDGAR XML can get wrong, and what drafters met. */
const ADDED = ['not-text', 'footnote-empty', 'history-mismatch', 'xml-malformed', 'xml-root', 'xml-schema', 'xml-choice', 'xml-date', 'xml-decimal', 'xml-footnote-id', 'xml-length', 'xml-amendment', 'xml-owner-cik'];

test('the registry has the rule ids of RULES.md, and the project\'s additions', (t) => {
  const path = sharedFile('RULES.md');
  if (!path) return t.skip('../shared/RULES.md is not beside the project');
  const documented = documentedRules(readFileSync(path, 'utf8'));
  assert.equal(documented.length, 33, 'RULES.md lists 33 rules');
  assert.deepEqual(new Set(RULES.map((r) => r.id)), new Set([...documented.map((d) => d.id), ...ADDED]));
  // No id twice, in either.
  assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length);
  assert.equal(new Set(documented.map((d) => d.id)).size, documented.length);
});

test('each rule is in its RULES.md group and has its default severity', (t) => {
  const path = sharedFile('RULES.md');
  if (!path) return t.skip('../shared/RULES.md is not beside the project');
  const documented = new Map(documentedRules(readFileSync(path, 'utf8')).map((d) => [d.id, d]));
  for (const rule of RULES) {
    const doc = documented.get(rule.id);
    if (ADDED.includes(rule.id)) {
      assert.equal(doc, undefined, `${rule.id} is not in RULES.md`);
      continue;
    }
    assert.ok(doc, rule.id);
    assert.equal(rule.group, doc.group, `${rule.id}: group`);
    // "error", "warning; error when …", "error, tagged unnecessary", "information"; "see text"
    // (weighted-average) grades its findings in the rule's text.
    const first = /^(error|warning|information|hint)\b/.exec(doc.severity)?.[1];
    if (first) assert.equal(rule.defaultSeverity, first, `${rule.id}: default severity`);
    else assert.ok(rule.severityNote, `${rule.id}: a graded rule explains its grading`);
    if (/;|see text|error for|warning for/.test(doc.severity)) assert.ok(rule.severityNote, `${rule.id}: severityNote for "${doc.severity}"`);
  }
});

test('every rule id has a describe() block in the rule tests', () => {
  // The compiled tests sit beside their sources' names: out/test/service/rules/*.test.js.
  const dir = join(PROJECT_ROOT, 'test', 'service', 'rules');
  assert.ok(existsSync(dir), dir);
  const sources = readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
  const missing = RULES.map((r) => r.id).filter((id) => !sources.includes(`describe('${id}'`));
  assert.deepEqual(missing, []);
});
