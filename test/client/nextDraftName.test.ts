import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isFilingName, nextDraftName } from '../../client/src/nextDraftName';

describe('the new draft\'s name', () => {
  test('beside the previous filing, named after it', () => {
    assert.equal(nextDraftName('wilson-2013-08-07.xml', new Set()), 'wilson-2013-08-07-next.form4');
    assert.equal(nextDraftName('wilson.form4', new Set()), 'wilson-next.form4');
    assert.equal(nextDraftName('wilson.form4.md', new Set()), 'wilson-next.form4');
    assert.equal(nextDraftName('0001234567-13-000001.txt', new Set()), '0001234567-13-000001-next.form4');
  });

  test('a name already taken gets a number; a draft made from a next draft does not grow "-next-next"', () => {
    assert.equal(nextDraftName('wilson.xml', new Set(['wilson-next.form4'])), 'wilson-next-2.form4');
    assert.equal(nextDraftName('wilson.xml', new Set(['wilson-next.form4', 'wilson-next-2.form4'])), 'wilson-next-3.form4');
    assert.equal(nextDraftName('wilson-next.form4', new Set(['wilson-next.form4'])), 'wilson-next-2.form4');
  });

  test('the files the command continues from', () => {
    assert.deepEqual(['a.form4', 'a.form4.md', 'a.XML', 'a.txt', 'a.md', 'a.json'].map(isFilingName), [true, true, true, true, false, false]);
  });
});
