/**
 * "Turn rule X off in .form4rc.json": the edit of an existing config text sets the rule and
 * keeps everything else (other rules, $schema, spacing, order); a new file says only that.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { readConfigObject } from '../../../server/src/service/config/settings';
import { newConfigText, type OffsetEdit, ruleSeverityEdit } from '../../../server/src/service/config/ruleSeverityEdit';

function apply(text: string, edits: readonly OffsetEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.newText + out.slice(e.offset + e.length);
  return out;
}

/** The text after the edit; it must read back with the rule off and no problem. */
function turnedOff(text: string, rule = 'late-filing'): string {
  const result = ruleSeverityEdit(text, rule);
  assert.ok('edits' in result, JSON.stringify(result));
  const out = apply(text, result.edits);
  const reading = readConfigObject(JSON.parse(out.replace(/^\uFEFF/, '')), 'test');
  assert.equal(reading.rules[rule], 'off', out);
  return out;
}

describe('ruleSeverityEdit', () => {
  test('a new file: only the rule', () => {
    assert.equal(newConfigText('late-filing', 'off'), '{\n  "rules": {\n    "late-filing": "off"\n  }\n}\n');
    assert.equal(readConfigObject(JSON.parse(newConfigText('footnote-order', 'off')), 't').rules['footnote-order'], 'off');
  });

  test('a rule already set: only its value changes', () => {
    const text = '{\n  "$schema": "./schemas/form4rc.schema.json",\n  "rules": {\n    "late-filing": "warning",\n    "footnote-order": "hint"\n  }\n}\n';
    assert.equal(turnedOff(text), text.replace('"late-filing": "warning"', '"late-filing": "off"'));
  });

  test('rules without the rule: a member after the last one, on its own line, indented like it', () => {
    const text = '{\n    "rules": {\n        "footnote-order": "hint"\n    }\n}';
    assert.equal(turnedOff(text), '{\n    "rules": {\n        "footnote-order": "hint",\n        "late-filing": "off"\n    }\n}');
  });

  test('rules on one line: the member after the last one on that line', () => {
    assert.equal(turnedOff('{ "rules": { "footnote-order": "hint" } }'), '{ "rules": { "footnote-order": "hint", "late-filing": "off" } }');
  });

  test('no rules object: one is added after the last setting; an empty object gets it inside', () => {
    assert.equal(turnedOff('{\n  "$schema": "x.json"\n}\n'), '{\n  "$schema": "x.json",\n  "rules": { "late-filing": "off" }\n}\n');
    assert.equal(turnedOff('{}'), '{ "rules": { "late-filing": "off" } }');
    assert.equal(turnedOff('  {  }\n'), '  { "rules": { "late-filing": "off" } }\n');
    assert.equal(turnedOff('{ "rules": {} }'), '{ "rules": { "late-filing": "off" } }');
  });

  test('rules that is not an object is replaced by one; a duplicate key: the last (as JSON.parse reads it)', () => {
    assert.equal(turnedOff('{ "rules": null }'), '{ "rules": { "late-filing": "off" } }');
    assert.equal(turnedOff('{ "rules": { "late-filing": "error", "late-filing": "hint" } }'), '{ "rules": { "late-filing": "error", "late-filing": "off" } }');
  });

  test('strings with escapes, nested values, a byte-order mark: read, and kept', () => {
    const text = '\uFEFF{ "$schema": "a\\"b\\\\", "rules": { "x\\u0041": "off", "footnote-order": "hint" }, "n": [1, -2.5e3, true, null, {"a": []}] }';
    assert.equal(turnedOff(text), text.replace('"footnote-order": "hint" }', '"footnote-order": "hint", "late-filing": "off" }'));
  });

  test('already off: no edit', () => {
    assert.deepEqual(ruleSeverityEdit('{ "rules": { "late-filing": "off" } }', 'late-filing'), { edits: [] });
  });

  test('not valid JSON, or not an object: no edit, a reason', () => {
    for (const text of ['', '{ "rules": { "late-filing": "off", } }', '{ // comment\n}', '[1]', '{ "rules": { "a": "b" } } x', '{ "a": "\u0001" }']) {
      const result = ruleSeverityEdit(text, 'late-filing');
      assert.ok('error' in result, `${JSON.stringify(text)}: ${JSON.stringify(result)}`);
    }
  });
});
