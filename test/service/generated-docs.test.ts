/**
 * The files made from the rule definitions are up to date: docs/rules.md, the README's rules
 * table, the form4.rules setting in package.json and the .form4rc.json schema. When this fails,
 * run `npm run docs` and commit the result.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { configurationContribution, form4rcSchema, readmeWithRulesTable, rulesDoc } from '../../server/src/docs/generated';
import { RULES } from '../../server/src/service';
import { PROJECT_ROOT } from '../support/paths';

const read = (path: string): string => readFileSync(join(PROJECT_ROOT, path), 'utf8');
const STALE = 'stale: run `npm run docs`';

test('docs/rules.md is generated from the rule definitions, with an anchor per rule', () => {
  const doc = read('docs/rules.md');
  assert.equal(doc, rulesDoc(), STALE);
  for (const rule of RULES) assert.ok(doc.includes(`\n### ${rule.id}\n`), `docs/rules.md has no section for ${rule.id}`);
});

test('the README\'s rules table lists every rule', () => {
  const readme = read('README.md');
  assert.equal(readme, readmeWithRulesTable(readme), STALE);
  for (const rule of RULES) assert.ok(readme.includes(`[\`${rule.id}\`](docs/rules.md#${rule.id})`), `the README does not list ${rule.id}`);
});

test('package.json contributes the settings, form4.rules naming every rule', () => {
  const manifest = JSON.parse(read('package.json')) as { contributes: { configuration: unknown } };
  assert.deepEqual(manifest.contributes.configuration, JSON.parse(JSON.stringify(configurationContribution())), STALE);
});

test('schemas/form4rc.schema.json describes .form4rc.json', () => {
  assert.deepEqual(JSON.parse(read('schemas/form4rc.schema.json')), JSON.parse(JSON.stringify(form4rcSchema())), STALE);
});
