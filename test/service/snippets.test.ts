/**
 * The snippets of snippets/form4.code-snippets: the file is strict JSON (the "New Draft from
 * Template" command reads it with JSON.parse), its prefixes are unique and grouped under
 * `form4-`, its table rows have the tables' numbers of cells, and every snippet, expanded as
 * the editor would and put where it belongs in a draft, checks with no finding at all.
 * First, the tests of the snippet expander the others rely on.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseDraft } from '../../server/src/service/parse/draft/parser';
import { check, draft, type DraftParts, type Found } from '../support/drafts';
import { PROJECT_ROOT } from '../support/paths';
import { SnippetSyntaxError, expandSnippet, parseSnippet, tabStops } from '../support/snippets';

// ---- the expander ------------------------------------------------------------------------------

describe('snippet expander', () => {
  test('text and escapes: \\$ \\} \\\\ are the characters; any other backslash stays', () => {
    assert.equal(expandSnippet('price \\$4.10 \\} a\\\\b'), 'price $4.10 } a\\b');
    assert.equal(expandSnippet('C:\\temp \\n'), 'C:\\temp \\n');
    assert.equal(expandSnippet('a } b'), 'a } b');
  });

  test('a $ that starts no tab stop or variable is text', () => {
    assert.equal(expandSnippet('costs $ 5, $. and $'), 'costs $ 5, $. and $');
  });

  test('an unescaped $25.00 is tab stop 25 followed by ".00", as in VS Code', () => {
    assert.equal(expandSnippet('$25.00'), '.00');
    assert.deepEqual([...tabStops('$25.00').keys()], [25]);
    assert.equal(expandSnippet('$25.00', { values: { 25: '$25' } }), '$25.00');
  });

  test('tab stops: $1 and ${1} are empty unless given; values fill every occurrence', () => {
    assert.equal(expandSnippet('[$1|${1}|$2]'), '[||]');
    assert.equal(expandSnippet('[$1|${1}|$2]', { values: { 1: 'a', 2: 'b' } }), '[a|a|b]');
  });

  test('placeholders: the default, or the value given; mirrors copy it', () => {
    assert.equal(expandSnippet('${1:Common Stock} / $1'), 'Common Stock / Common Stock');
    assert.equal(expandSnippet('${1:Common Stock} / $1', { values: { 1: 'Class A' } }), 'Class A / Class A');
    assert.equal(expandSnippet('${1:Common Stock} / $1', { values: { 1: '' } }), ' / ');
  });

  test('the first placeholder of a tab stop with a default defines every occurrence', () => {
    assert.equal(expandSnippet('$1 ${1:a} ${1:b}'), 'a a a');
    assert.equal(expandSnippet('${1:} ${1:b} $1'), 'b b b');
    const stop = tabStops('$1 ${1:a} ${1:b}').get(1);
    assert.equal(stop?.occurrences, 3);
    assert.equal(stop?.definition?.kind, 'placeholder');
  });

  test('nested placeholders: the inner one has its own value and mirrors', () => {
    const body = '${1:Officer (${2:Chief Executive Officer})} [$2]';
    assert.equal(expandSnippet(body), 'Officer (Chief Executive Officer) [Chief Executive Officer]');
    assert.equal(expandSnippet(body, { values: { 2: 'CFO' } }), 'Officer (CFO) [CFO]');
    assert.equal(expandSnippet(body, { values: { 1: 'Director' } }), 'Director [Chief Executive Officer]');
    assert.equal(expandSnippet('${1:a ${2:b ${3:c}}}|$3'), 'a b c|c');
    assert.equal(expandSnippet('${1:x \\} y}'), 'x } y');
  });

  test('choices: the first option by default; \\, \\| \\\\ escape inside options', () => {
    const body = '${1|S,P,M|} ${2|a\\,b,c\\|d,e\\\\f|}';
    assert.equal(expandSnippet(body), 'S a,b');
    assert.equal(expandSnippet(body, { values: { 1: 'M', 2: 'e\\f' } }), 'M e\\f');
    assert.deepEqual(tabStops(body).get(2)?.choices, ['a,b', 'c|d', 'e\\f']);
    assert.equal(expandSnippet('${1|[ ],[x]|} and $1'), '[ ] and [ ]');
  });

  test('$0 and ${0:text} are the final tab stop', () => {
    assert.equal(expandSnippet('a$0b'), 'ab');
    assert.equal(expandSnippet('a${0:end}'), 'aend');
    assert.equal(expandSnippet('a$0', { values: { 0: '!' } }), 'a!');
  });

  test('transforms: regex groups, case modifiers, conditionals, flags', () => {
    const name = '${1:Wilson John N} /s/ ${1/^(\\S+)\\s+(.+)$/$2 $1/}';
    assert.equal(expandSnippet(name), 'Wilson John N /s/ John N Wilson');
    assert.equal(expandSnippet(name, { values: { 1: 'Acme' } }), 'Acme /s/ Acme', 'no match: the value unchanged');
    assert.equal(expandSnippet('${1:ab cd}${1/(.*)/${1:/upcase}/}'), 'ab cdAB CD');
    assert.equal(expandSnippet('${1:AB CD}${1/(.*)/${1:/downcase}/}'), 'AB CDab cd');
    assert.equal(expandSnippet('${1:ab cd}${1/(.*)/${1:/capitalize}/}'), 'ab cdAb cd');
    assert.equal(expandSnippet('${1:my var}${1/(.*)/${1:/pascalcase}/}'), 'my varMyVar');
    assert.equal(expandSnippet('${1:My var}${1/(.*)/${1:/camelcase}/}'), 'My varmyVar');
    assert.equal(expandSnippet('${1:x}${1/(x)|.*/${1:+yes}/}'), 'xyes');
    assert.equal(expandSnippet('${1:x}${1/(y)?.*/${1:?yes:no}/}'), 'xno');
    assert.equal(expandSnippet('${1:y}${1/(y)?.*/${1:?yes:no}/}'), 'yyes');
    assert.equal(expandSnippet('${1:a}${1/(b)/${1:-none}/}'), 'anone', 'no match, with an else branch: the else');
    assert.equal(expandSnippet('${1:a}${1/(b)/${1:none}/}'), 'anone');
    assert.equal(expandSnippet('${1:a.b.c}${1/\\./-/g}'), 'a.b.ca-b-c');
    assert.equal(expandSnippet('${1:a.b.c}${1/\\./-/}'), 'a.b.ca-b.c');
    assert.equal(expandSnippet('${1:A}${1/a/z/i}'), 'Az');
    assert.equal(expandSnippet('${1:a/b}${1/\\//_/}'), 'a/ba_b', 'an escaped slash in the regex');
    assert.equal(expandSnippet('${1:a}${1/a/\\/\\$1/}'), 'a/$1', 'escapes in the format');
  });

  test('variables: CURRENT_* from the time given, values given, unknown names', () => {
    const now = new Date(2024, 5, 11, 9, 5, 7);
    assert.equal(expandSnippet('$CURRENT_MONTH/${CURRENT_DATE}/$CURRENT_YEAR', { now }), '06/11/2024');
    assert.equal(expandSnippet('$CURRENT_MONTH_NAME $CURRENT_DATE, $CURRENT_YEAR ($CURRENT_DAY_NAME_SHORT)', { now }), 'June 11, 2024 (Tue)');
    assert.equal(expandSnippet('$CURRENT_YEAR_SHORT $CURRENT_MONTH_NAME_SHORT $CURRENT_DAY_NAME $CURRENT_HOUR:$CURRENT_MINUTE:$CURRENT_SECOND', { now }), '24 Jun Tuesday 09:05:07');
    assert.equal(expandSnippet('${CURRENT_YEAR/^20//}', { now }), '24');
    assert.equal(expandSnippet('${1:$CURRENT_YEAR}', { now }), '2024', 'a variable as a default');
    assert.equal(expandSnippet('${CURRENT_YEAR:1999}', { now }), '2024');
    assert.equal(expandSnippet('$CURRENT_YEAR', { now, variables: { CURRENT_YEAR: '2031' } }), '2031');
    assert.equal(expandSnippet('${TM_FILENAME}', { variables: { TM_FILENAME: 'a.form4' } }), 'a.form4');
    assert.equal(expandSnippet('${NOT_A_VARIABLE:fallback}'), 'fallback');
    assert.equal(expandSnippet('$NOT_A_VARIABLE'), 'NOT_A_VARIABLE');
    assert.equal(expandSnippet('${NOT_A_VARIABLE/^$/empty/}'), 'empty', 'an unknown variable is transformed as empty');
  });

  test('a malformed construct throws instead of being inserted as text', () => {
    for (const bad of ['${1:abc', '${1|a,b}', '${1|a,b', '${}', '${1x}', '${1/(/x/}', '${1/a/b}', '${X:a', '${1/a/${2:/shout}/}']) {
      assert.throws(() => parseSnippet(bad), SnippetSyntaxError, bad);
    }
  });

  test('a value for a tab stop the snippet does not have is an error', () => {
    assert.throws(() => expandSnippet('${1:a}', { values: { 2: 'b' } }), /has no tab stop 2/);
  });

  test('a body given as lines is joined with \\n', () => {
    assert.equal(expandSnippet(['${1:a}', '$1']), 'a\na');
  });
});

// ---- the snippet file ----------------------------------------------------------------------------

interface Snippet {
  readonly name: string;
  readonly prefix: string;
  readonly body: readonly string[];
  readonly description: string;
}

const SNIPPET_FILE = join(PROJECT_ROOT, 'snippets', 'form4.code-snippets');

/**
 * The keys of the top-level object, duplicates included: JSON.parse keeps the last of two
 * snippets with the same name and silently drops the other.
 */
function topLevelKeys(text: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') depth--;
    else if (ch === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const rest = text.slice(end + 1).trimStart();
      if (depth === 1 && rest.startsWith(':')) keys.push(JSON.parse(text.slice(i, end + 1)) as string);
      i = end;
    }
  }
  return keys;
}

function loadSnippets(): Snippet[] {
  const text = readFileSync(SNIPPET_FILE, 'utf8');
  // JSON.parse, as the "New Draft from Template" command reads the file: no comments, no
  // trailing commas, no byte-order mark.
  const parsed: unknown = JSON.parse(text);
  assert.ok(parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed), 'the file is a JSON object');
  const keys = topLevelKeys(text);
  assert.equal(new Set(keys).size, keys.length, `duplicate snippet names in ${keys.join(', ')}`);
  return Object.entries(parsed as Record<string, unknown>).map(([name, value]) => {
    const s = value as Record<string, unknown>;
    assert.deepEqual(Object.keys(s).sort(), ['body', 'description', 'prefix'], `${name}: prefix, body and description`);
    assert.equal(typeof s.prefix, 'string', `${name}: the prefix is a string`);
    assert.ok(Array.isArray(s.body) && s.body.every((l) => typeof l === 'string'), `${name}: the body is an array of lines`);
    assert.equal(typeof s.description, 'string', `${name}: the description is a string`);
    return { name, prefix: s.prefix as string, body: s.body as string[], description: s.description as string };
  });
}

let loaded: Snippet[] | undefined;

/** The snippets, read once; a file that is not strict JSON fails every test that uses it. */
function snippets(): Snippet[] {
  loaded ??= loadSnippets();
  return loaded;
}

function snippet(prefix: string): Snippet {
  const found = snippets().find((s) => s.prefix === prefix);
  if (!found) throw new Error(`no snippet ${prefix}`);
  return found;
}

/** The lines a snippet inserts, with the values typed at its tab stops. */
/** Snippets that default to today's date are expanded on Tuesday 06/11/2024. */
const TODAY = new Date(2024, 5, 11);

function expand(prefix: string, values: Readonly<Record<number, string>> = {}): string[] {
  return expandSnippet(snippet(prefix).body, { values, now: TODAY }).split('\n');
}

/** form4-row with the figures a drafter types into its empty cells (1,000 sold at $25.00, 9,000 left), and `values`. */
function filledRow(values: Readonly<Record<number, string>> = {}): string {
  return line('form4-row', { 5: '1,000', 7: '$25.00', 8: '9,000', ...values });
}

/** The one line of a one-line snippet. */
function line(prefix: string, values: Readonly<Record<number, string>> = {}): string {
  const lines = expand(prefix, values);
  assert.equal(lines.length, 1, `${prefix} inserts one line`);
  return lines[0] as string;
}

const ROW_SNIPPETS: Readonly<Record<string, 'I' | 'II'>> = {
  'form4-row': 'I',
  'form4-holding': 'I',
  'form4-exercise-sale': 'I',
  'form4-rsu-vest': 'I',
  'form4-gift': 'I',
  'form4-deriv': 'II',
  'form4-exercise-option': 'II',
  'form4-rsu-units': 'II',
};

const FOOTNOTE_SNIPPETS = [
  'form4-footnote',
  'form4-10b5-1-footnote',
  'form4-weighted-average-footnote',
  'form4-rsu-footnote',
  'form4-vesting-footnote',
];

/** Cells between the outer pipes of a Markdown row; `\|` is a pipe inside a cell. */
function cellCount(row: string): number {
  return row.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(/(?<!\\)\|/).length;
}

describe('snippets/form4.code-snippets', () => {
  test('is strict JSON (JSON.parse reads it), one object per snippet with prefix, body and description, no duplicate name', () => {
    assert.ok(loadSnippets().length > 0);
  });

  test('topLevelKeys finds duplicate names that JSON.parse would hide', () => {
    const text = '{ "a": { "prefix": "x", "b": { "c": 1 } }, "d\\"e": [1, {"f": 2}], "a": {} }';
    assert.deepEqual(Object.keys(JSON.parse(text) as object), ['a', 'd"e']);
    assert.deepEqual(topLevelKeys(text), ['a', 'd"e', 'a']);
  });

  test('every prefix is unique and starts with form4-; the expected snippets are all there', () => {
    const prefixes = snippets().map((s) => s.prefix);
    assert.equal(new Set(prefixes).size, prefixes.length, `duplicate prefixes in ${prefixes.join(', ')}`);
    for (const p of prefixes) assert.match(p, /^form4-[a-z0-9-]+$/);
    assert.deepEqual([...prefixes].sort(), ['form4-draft', ...Object.keys(ROW_SNIPPETS), ...FOOTNOTE_SNIPPETS].sort());
  });

  test('every description says what the snippet inserts, in words', () => {
    for (const s of snippets()) {
      assert.ok(s.description.length >= 30, `${s.prefix}: the description says what the snippet inserts`);
      assert.doesNotMatch(s.description, /\$\{/, `${s.prefix}: no snippet syntax in the description`);
    }
  });

  test('every body parses; tab stops are numbered 1 … n without a gap (so no price lost an escape)', () => {
    for (const s of snippets()) {
      parseSnippet(s.body);
      const numbers = [...tabStops(s.body).keys()].filter((n) => n !== 0);
      assert.deepEqual(numbers, numbers.map((_n, i) => i + 1), `${s.prefix}: tab stops ${numbers.join(', ')}`);
    }
  });

  test('every table row has 11 cells in Table I and 16 in Table II, titles and separators included', () => {
    const rowsPerSnippet: Record<string, number> = {};
    for (const s of snippets()) {
      let table: 'I' | 'II' | undefined = ROW_SNIPPETS[s.prefix];
      for (const text of expandSnippet(s.body).split('\n')) {
        if (s.prefix === 'form4-draft' && /\bTable II\b/.test(text)) table = 'II';
        else if (s.prefix === 'form4-draft' && /\bTable I\b/.test(text)) table = 'I';
        if (!text.trimStart().startsWith('|')) continue;
        rowsPerSnippet[s.prefix] = (rowsPerSnippet[s.prefix] ?? 0) + 1;
        assert.ok(table, `${s.prefix}: a row outside the tables: ${text}`);
        assert.equal(cellCount(text), table === 'I' ? 11 : 16, `${s.prefix}, Table ${table}: ${text}`);
      }
      if (FOOTNOTE_SNIPPETS.includes(s.prefix)) assert.match(expandSnippet(s.body), /^\(\d+\) \S[^\n]*$/, `${s.prefix} is one footnote item`);
    }
    // Every row was seen: Table I titles, separator and row, Table II titles and separator.
    assert.deepEqual(rowsPerSnippet, {
      'form4-draft': 5,
      'form4-row': 1,
      'form4-holding': 1,
      'form4-deriv': 1,
      'form4-exercise-sale': 2,
      'form4-exercise-option': 1,
      'form4-rsu-vest': 2,
      'form4-rsu-units': 1,
      'form4-gift': 1,
    });
  });

  test('cellCount counts cells, not pipes', () => {
    assert.equal(cellCount('| a | b |'), 2);
    assert.equal(cellCount('| a | | c |'), 3);
    assert.equal(cellCount('| a \\| b | c |'), 2);
    assert.equal(cellCount('|---|---|---|'), 3);
  });
});

// ---- drafts around the snippets ----------------------------------------------------------------

const BOX_UNCHECKED = 'Rule 10b5-1(c) Transaction Indication: [ ]';
const BOX_CHECKED = 'Rule 10b5-1(c) Transaction Indication: [x]';

/** A correct header for transactions of 06/11/2024 (box 3), with the 10b5-1 box. */
function header(box10b51: string = BOX_UNCHECKED, box3 = '06/11/2024'): string[] {
  return [
    '1. Name and Address of Reporting Person: Doe Jane A, C/O EXAMPLE CORP., 100 MAIN STREET, SPRINGFIELD, IL 62701',
    '2. Issuer Name and Ticker or Trading Symbol: EXAMPLE CORP. [EXMP]',
    `3. Date of Earliest Transaction: ${box3}`,
    '5. Relationship of Reporting Person(s) to Issuer: Officer (Chief Financial Officer)',
    '6. Individual or Joint/Group Filing: Form filed by One Reporting Person',
    box10b51,
  ];
}

/** Signed the day after the 06/11/2024 transactions. */
const SIGNATURE = ['/s/ Jane A. Doe', '', '06/12/2024'];

/** A complete draft of 06/11/2024 around the parts. */
function draft2024(parts: DraftParts & { box10b51?: string; box3?: string }): string {
  return draft({ header: header(parts.box10b51, parts.box3), signature: SIGNATURE, ...parts });
}

function clean(text: string): void {
  const found: Found[] = check(text);
  assert.deepEqual(found, [], `expected no finding in\n${text}`);
}

function rules(text: string): string[] {
  return check(text).map((f) => `${f.rule}@${f.line}`);
}

// ---- form4-draft ---------------------------------------------------------------------------------

describe('form4-draft', () => {
  /** The blank draft with values at its tab stops, and lines inserted after the first line matching. */
  function blank(values: Readonly<Record<number, string>> = {}, insert: { after: RegExp; lines: readonly string[] }[] = []): string {
    const lines = expand('form4-draft', values);
    for (const { after, lines: inserted } of insert) {
      const at = lines.findIndex((l) => after.test(l));
      assert.notEqual(at, -1, `no line matches ${after}`);
      lines.splice(at + 1, 0, ...inserted);
    }
    return lines.join('\n');
  }

  const NAMES = { 2: 'Wilson John N', 3: 'C/O QUALYS, INC., 1600 BRIDGE PARKWAY', 4: 'REDWOOD CITY', 5: 'CA', 6: '94065', 7: 'QUALYS, INC.', 8: 'QLYS' };

  test('as inserted by "New Draft from Template": no finding, and every part read', () => {
    const text = blank();
    clean(text);
    const { filing } = parseDraft(text);
    assert.deepEqual(
      [...new Set(parseDraft(text).boxes.map((b) => b.kind))].sort(),
      ['amendment', 'earliestTransaction', 'exitBox', 'filingMode', 'issuer', 'relationship', 'reportingPerson', 'rule10b5-1'],
    );
    assert.equal(filing.reportingOwners[0]?.name.text, 'Last First Middle');
    assert.equal(filing.issuer?.tradingSymbol.value, 'TICKER');
    assert.equal(filing.notSubjectToSection16?.value, false);
    assert.equal(filing.aff10b5One?.value, false);
    assert.equal(filing.relationships[0]?.officerTitle.value, 'Chief Executive Officer');
    assert.equal(filing.filingMode?.value, false);
    assert.equal(filing.documentType, '4');
    assert.equal(filing.nonDerivativeTable?.rows.length, 1);
    assert.equal(filing.derivativeTable?.rows.length, 0, 'Table II has its titles and no row');
    assert.deepEqual(filing.footnotes.map((f) => [f.id, f.text]), [[1, 'Footnote text.']]);
    assert.equal(filing.signatures.length, 1);
    assert.equal(filing.signatures[0]?.name.text, 'First Middle Last', 'the /s/ name turns box 1 around');
    // Box 3, the row's date and the signature date default to today.
    assert.deepEqual(filing.periodOfReport?.value, { year: 2024, month: 6, day: 11 });
    assert.deepEqual(filing.nonDerivativeTable?.rows[0]?.transactionDate.value, { year: 2024, month: 6, day: 11 });
    assert.deepEqual(filing.signatures[0]?.date?.value, { year: 2024, month: 6, day: 11 });
    assert.doesNotMatch(text, /\$\{|\$\d+(?![\d.])/, 'no snippet syntax left: the only $ is the price');
  });

  test('with the names filled in: no finding; the /s/ line follows box 1', () => {
    const text = blank(NAMES);
    clean(text);
    const { filing } = parseDraft(text);
    assert.equal(filing.reportingOwners[0]?.name.text, 'Wilson John N');
    assert.equal(filing.reportingOwners[0]?.address.city.value, 'REDWOOD CITY');
    assert.equal(filing.reportingOwners[0]?.address.zipCode.value, '94065');
    assert.equal(filing.issuer?.name.text, 'QUALYS, INC.');
    assert.equal(filing.signatures[0]?.name.text, 'John N Wilson');
  });

  test('box 3 is mirrored into the transaction row, and the footnote number into the footnote', () => {
    const text = blank({ 9: '06/10/2024', 18: '3' });
    const { filing } = parseDraft(text);
    const row = filing.nonDerivativeTable?.rows[0];
    assert.deepEqual(row?.transactionDate.value, { year: 2024, month: 6, day: 10 });
    assert.deepEqual(row?.coding.refs.map((r) => r.id), [3]);
    assert.deepEqual(filing.footnotes.map((f) => f.id), [3]);
    clean(text);
  });

  test('code choices, each with its direction and price: S, P, A, G alone; M with its Table II row; F after its acquisition', () => {
    assert.deepEqual(tabStops(snippet('form4-draft').body).get(17)?.choices, ['S', 'P', 'M', 'F', 'A', 'G']);
    clean(blank({ ...NAMES, 17: 'S', 20: 'D', 21: '$18.25', 22: '9,000' }));
    clean(blank({ ...NAMES, 17: 'P', 20: 'A', 21: '$18.25', 22: '11,000' }));
    clean(blank({ ...NAMES, 17: 'A', 20: 'A', 21: '$0', 22: '11,000' }));
    clean(blank({ ...NAMES, 17: 'G', 20: 'D', 21: '$0', 22: '9,000' }));
    const option = line('form4-exercise-option', { 2: '$25.00', 4: '', 5: '1,000', 10: '9,000' });
    clean(blank({ ...NAMES, 17: 'M', 20: 'A', 21: '$25.00', 22: '11,000' }, [{ after: /^\|-+\|(-+\|){15}$/, lines: [option] }]));
    const grant = filledRow({ 4: 'A', 5: '1,000', 6: 'A', 7: '$0', 8: '10,000' });
    clean(blank({ ...NAMES, 17: 'F', 19: '400', 20: 'D', 21: '$25.00', 22: '9,600' }, [{ after: /^\|-+\|(-+\|){10}$/, lines: [grant] }]));
  });

  test('the (A)/(D) and ownership choices', () => {
    assert.deepEqual(tabStops(snippet('form4-draft').body).get(20)?.choices, ['D', 'A']);
    assert.deepEqual(tabStops(snippet('form4-draft').body).get(23)?.choices, ['D', 'I']);
    clean(blank({ ...NAMES, 23: 'I', 24: 'By Spouse' }));
    assert.deepEqual(rules(blank({ ...NAMES, 23: 'I' })), [`ownership-nature@${lineOfText(blank(), '| Common Stock |')}`]);
  });

  test('the exit box choice', () => {
    assert.deepEqual(tabStops(snippet('form4-draft').body).get(1)?.choices, ['[ ]', '[x]']);
    const text = blank({ ...NAMES, 1: '[x]' });
    assert.equal(parseDraft(text).filing.notSubjectToSection16?.value, true);
    clean(text);
  });

  test('the Rule 10b5-1(c) box choice: checked, with the plan footnote; checked without it is an error', () => {
    assert.deepEqual(tabStops(snippet('form4-draft').body).get(14)?.choices, ['[ ]', '[x]']);
    const planText = line('form4-10b5-1-footnote').replace(/^\(1\) /, '');
    const checked = blank({ ...NAMES, 14: '[x]', 25: planText });
    assert.equal(parseDraft(checked).filing.aff10b5One?.value, true);
    clean(checked);
    assert.deepEqual(check(blank({ ...NAMES, 14: '[x]' })).map((f) => f.rule), ['10b5-1-adoption']);
    assert.deepEqual(check(blank({ ...NAMES, 25: planText })).map((f) => f.rule), ['10b5-1-unchecked']);
  });

  test('box 5: officer title, director, 10% owner, other', () => {
    clean(blank({ ...NAMES, 12: 'EVP, Worldwide Field Ops' }));
    clean(blank({ ...NAMES, 11: 'Director' }));
    clean(blank({ ...NAMES, 11: 'Director, 10% Owner' }));
    clean(blank({ ...NAMES, 11: 'Other (Member of a 13(d) group)' }));
    const r = parseDraft(blank({ ...NAMES, 11: 'Director, 10% Owner' })).filing.relationships[0];
    assert.deepEqual([r?.isDirector, r?.isTenPercentOwner, r?.isOfficer], [true, true, false]);
    assert.deepEqual(check(blank({ ...NAMES, 12: '' })).map((f) => f.rule), ['relationship-text'], 'Officer () has no title');
  });

  test('box 6 choice: joint filing', () => {
    const text = blank({ ...NAMES, 13: 'Form filed by More than One Reporting Person' });
    assert.equal(parseDraft(text).filing.filingMode?.value, true);
    clean(text);
  });

  test('box 4 filled makes an amendment', () => {
    const text = blank({ ...NAMES, 10: '06/11/2024' });
    assert.equal(parseDraft(text).filing.documentType, '4/A');
    clean(text);
  });

  test('later dates: box 3 (and the row) and the signature', () => {
    clean(blank({ ...NAMES, 9: '07/03/2024', 26: '07/08/2024' }));
    assert.deepEqual(check(blank({ ...NAMES, 9: '07/03/2024', 26: '07/09/2024' })).map((f) => f.rule), ['late-filing']);
  });
});

function lineOfText(text: string, needle: string): number {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

// ---- rows ----------------------------------------------------------------------------------------

describe('form4-row', () => {
  test('as inserted: asserts no fact; only the cells left to fill are reported, missing', () => {
    // Today's date (06/11/2024 in these tests), a sale of Common Stock held directly; the
    // amount, the price and the amount owned are empty for the drafter to fill.
    const inserted = line('form4-row');
    assert.equal(inserted, '| Common Stock | 06/11/2024 |  | S | |  | D |  |  | D |  |');
    const text = draft2024({ tableI: [inserted] });
    // What an unfilled placeholder must say: the amount (column 4) and the amount owned
    // (column 5) are missing. The empty price is not a finding (a gift or grant may have none).
    assert.deepEqual(
      check(text).map((f) => [f.rule, f.severity, f.line, f.column]),
      [
        // Column 39: the amount cell, after "| S | |"; column 49: the amount-owned cell, after "| D |  |".
        ['missing-value', 'error', lineOfText(text, inserted), '| Common Stock | 06/11/2024 |  | S | |'.length + 1],
        ['missing-value', 'error', lineOfText(text, inserted), '| Common Stock | 06/11/2024 |  | S | |  | D |  |'.length + 1],
      ],
    );
    // Filled in, it checks clean.
    clean(draft2024({ tableI: [filledRow()] }));
  });

  test('today is the date the editor inserts it: in a draft of another day, the same two findings only', () => {
    const may = expandSnippet(snippet('form4-row').body, { now: new Date(2025, 4, 14) });
    assert.equal(may, '| Common Stock | 05/14/2025 |  | S | |  | D |  |  | D |  |');
    const text = draft({ header: header(BOX_UNCHECKED, '05/14/2025'), signature: ['/s/ Jane A. Doe', '', '05/14/2025'], tableI: [may] });
    assert.deepEqual(check(text).map((f) => f.rule), ['missing-value', 'missing-value']);
  });

  test('each code with its direction and price', () => {
    assert.deepEqual(tabStops(snippet('form4-row').body).get(4)?.choices, ['S', 'P', 'M', 'F', 'A', 'G']);
    assert.deepEqual(tabStops(snippet('form4-row').body).get(6)?.choices, ['D', 'A']);
    clean(draft2024({ tableI: [filledRow({ 4: 'S', 6: 'D' })] }));
    clean(draft2024({ tableI: [filledRow({ 4: 'P', 6: 'A', 8: '11,000' })] }));
    clean(draft2024({ tableI: [filledRow({ 4: 'A', 6: 'A', 7: '$0', 8: '11,000' })] }));
    clean(draft2024({ tableI: [filledRow({ 4: 'G', 6: 'D', 7: '$0' })] }));
    // M: the acquisition of an exercise, with the Table II row disposing of the options.
    clean(draft2024({
      tableI: [filledRow({ 4: 'M', 6: 'A', 8: '11,000' })],
      tableII: [line('form4-deriv', { 5: 'M', 6: '', 7: '1,000', 8: '06/11/2023', 13: '3,000' })],
    }));
    // F: the withholding on a grant of the same day.
    clean(draft2024({
      tableI: [
        filledRow({ 4: 'A', 6: 'A', 7: '$0', 8: '10,000' }),
        filledRow({ 4: 'F', 5: '400', 6: 'D', 8: '9,600' }),
      ],
    }));
  });

  test('a running balance across rows reconciles, and a wrong one is found', () => {
    const buy = filledRow({ 4: 'P', 5: '500', 6: 'A', 7: '$24.10', 8: '9,500' });
    clean(draft2024({ tableI: [filledRow(), buy] }));
    const wrong = filledRow({ 4: 'P', 5: '500', 6: 'A', 7: '$24.10', 8: '9,900' });
    assert.deepEqual(check(draft2024({ tableI: [filledRow(), wrong] })).map((f) => f.rule), ['holdings-mismatch']);
  });

  test('indirect ownership with its nature; a deemed execution date', () => {
    assert.deepEqual(tabStops(snippet('form4-row').body).get(9)?.choices, ['D', 'I']);
    clean(draft2024({ tableI: [filledRow({ 9: 'I', 10: 'By Spouse' })] }));
    clean(draft2024({ tableI: [filledRow({ 3: '06/12/2024' })] }));
  });
});

describe('form4-holding', () => {
  test('as inserted: an indirect holding, no finding; beside the direct transactions too', () => {
    clean(draft2024({ tableI: [line('form4-holding')] }));
    clean(draft2024({ tableI: [filledRow(), line('form4-holding')] }));
    const row = parseDraft(draft2024({ tableI: [line('form4-holding')] })).filing.nonDerivativeTable?.rows[0];
    assert.equal(row?.kind, 'holding');
  });

  test('the ownership choice: D with no nature, I with one', () => {
    assert.deepEqual(tabStops(snippet('form4-holding').body).get(3)?.choices, ['I', 'D']);
    clean(draft2024({ tableI: [line('form4-holding', { 3: 'D', 4: '' })] }));
    clean(draft2024({ tableI: [line('form4-holding', { 1: 'Class A Common Stock', 2: '250,000', 3: 'I', 4: 'By LLC' })] }));
    assert.deepEqual(check(draft2024({ tableI: [line('form4-holding', { 3: 'D' })] })).map((f) => f.rule), ['ownership-nature']);
  });
});

describe('form4-deriv', () => {
  test('as inserted: an option grant, no finding', () => {
    clean(draft2024({ tableII: [line('form4-deriv')] }));
  });

  test('each code, its amount in the (A) or (D) column', () => {
    assert.deepEqual(tabStops(snippet('form4-deriv').body).get(5)?.choices, ['A', 'M', 'X', 'S', 'P', 'G']);
    for (const code of ['M', 'X']) {
      clean(draft2024({
        tableI: [filledRow({ 4: code, 6: 'A', 8: '11,000' })],
        tableII: [line('form4-deriv', { 5: code, 6: '', 7: '1,000', 8: '06/11/2023', 13: '3,000' })],
      }));
    }
    clean(draft2024({ tableII: [line('form4-deriv', { 5: 'S', 6: '', 7: '1,000', 8: '06/11/2023', 12: '$3.15', 13: '3,000' })] }));
    clean(draft2024({ tableII: [line('form4-deriv', { 1: 'Warrants (right to buy)', 5: 'P', 12: '$3.15', 13: '5,000' })] }));
    clean(draft2024({ tableII: [line('form4-deriv', { 5: 'G', 6: '', 7: '1,000', 8: '06/11/2023', 13: '3,000' })] }));
  });

  test('indirect ownership with its nature', () => {
    assert.deepEqual(tabStops(snippet('form4-deriv').body).get(14)?.choices, ['D', 'I']);
    clean(draft2024({ tableII: [line('form4-deriv', { 14: 'I', 15: 'By Trust' })] }));
  });
});

describe('form4-gift', () => {
  test('as inserted, and after a sale of the same holding: no finding', () => {
    clean(draft2024({ tableI: [line('form4-gift')] }));
    clean(draft2024({ tableI: [filledRow(), line('form4-gift', { 3: '2,000', 4: '7,000' })] }));
    const row = parseDraft(draft2024({ tableI: [line('form4-gift')] })).filing.nonDerivativeTable?.rows[0];
    assert.equal(row?.pricePerShare.value?.toFixed(), '0');
    assert.equal(row?.acquiredDisposed.value, 'D');
  });
});

// ---- exercise and sale ---------------------------------------------------------------------------

describe('form4-exercise-sale with form4-exercise-option and the footnotes', () => {
  test('as inserted, under a checked Rule 10b5-1(c) box: no finding; balances 65,500 then 55,500', () => {
    const text = draft2024({
      box10b51: BOX_CHECKED,
      tableI: expand('form4-exercise-sale'),
      tableII: [line('form4-exercise-option')],
      footnotes: [line('form4-10b5-1-footnote'), line('form4-weighted-average-footnote')],
    });
    clean(text);
    const { filing } = parseDraft(text);
    const [m, s] = filing.nonDerivativeTable?.rows ?? [];
    assert.deepEqual([m?.coding.value?.code, m?.acquiredDisposed.value, m?.pricePerShare.value?.toFixed(), m?.ownedAfter.value?.amount.toFixed()], ['M', 'A', '4.1', '65500']);
    assert.deepEqual([s?.coding.value?.code, s?.acquiredDisposed.value, s?.pricePerShare.value?.toFixed(), s?.ownedAfter.value?.amount.toFixed()], ['S', 'D', '18.3654', '55500']);
    assert.deepEqual(s?.pricePerShare.refs.map((r) => r.id), [2]);
    assert.deepEqual(s?.coding.refs.map((r) => r.id), [1]);
    const option = filing.derivativeTable?.rows[0];
    assert.deepEqual([option?.disposedShares.value?.amount.toFixed(), option?.underlyingShares.value?.amount.toFixed()], ['10000', '10000']);
  });

  test('without a plan: the plan references removed, the weighted average as footnote (1)', () => {
    clean(draft2024({
      tableI: expand('form4-exercise-sale', { 3: '', 8: '1' }),
      tableII: [line('form4-exercise-option', { 4: '' })],
      footnotes: [line('form4-weighted-average-footnote', { 1: '1' })],
    }));
  });

  test('other consistent figures: 5,000 exercised at $12.50, sold at $30.2311 within $30.00 to $30.50', () => {
    clean(draft2024({
      box10b51: BOX_CHECKED,
      tableI: expand('form4-exercise-sale', { 1: 'Class A Common Stock', 2: '06/11/2024', 4: '5,000', 5: '$12.50', 6: '20,000', 7: '$30.2311', 9: '15,000' }),
      tableII: [line('form4-exercise-option', { 2: '$12.50', 5: '5,000', 8: 'Class A Common Stock', 10: '15,000' })],
      footnotes: [line('form4-10b5-1-footnote', { 2: 'December 1, 2023' }), line('form4-weighted-average-footnote', { 2: '30.00', 3: '30.50' })],
    }));
  });

  test('the mirrors: one date, title and amount for both Table I rows', () => {
    const [m, s] = expand('form4-exercise-sale', { 1: 'Class A Common Stock', 2: '06/10/2024', 4: '7,500' });
    for (const row of [m, s]) {
      assert.match(row ?? '', /^\| Class A Common Stock \| 06\/10\/2024 \| \| [MS] \(1\) \| \| 7,500 \|/);
    }
  });

  test('figures that do not reconcile are found (the tests above can fail)', () => {
    const parts = {
      box10b51: BOX_CHECKED,
      tableII: [line('form4-exercise-option')],
      footnotes: [line('form4-10b5-1-footnote'), line('form4-weighted-average-footnote')],
    };
    assert.deepEqual(check(draft2024({ ...parts, tableI: expand('form4-exercise-sale', { 9: '56,500' }) })).map((f) => f.rule), ['holdings-mismatch']);
    assert.deepEqual(check(draft2024({ ...parts, tableI: expand('form4-exercise-sale', { 7: '$18.90' }) })).map((f) => f.rule), ['weighted-average']);
    assert.deepEqual(check(draft2024({ ...parts, tableI: expand('form4-exercise-sale', { 5: '$4.20' }) })).map((f) => f.rule), ['exercise-mismatch']);
  });
});

// ---- RSU vesting ---------------------------------------------------------------------------------

describe('form4-rsu-vest with form4-rsu-units and the RSU footnotes', () => {
  test('as inserted: no finding; balances 12,500 then 11,516', () => {
    const text = draft2024({
      tableI: expand('form4-rsu-vest'),
      tableII: [line('form4-rsu-units')],
      footnotes: [line('form4-rsu-footnote'), line('form4-vesting-footnote')],
    });
    clean(text);
    const { filing } = parseDraft(text);
    const [m, f] = filing.nonDerivativeTable?.rows ?? [];
    assert.deepEqual([m?.coding.value?.code, m?.acquiredDisposed.value, m?.pricePerShare.value?.toFixed(), m?.ownedAfter.value?.amount.toFixed()], ['M', 'A', '0', '12500']);
    assert.deepEqual([f?.coding.value?.code, f?.acquiredDisposed.value, f?.ownedAfter.value?.amount.toFixed()], ['F', 'D', '11516']);
    const units = filing.derivativeTable?.rows[0];
    assert.equal(units?.exercisePrice.text, '', 'an RSU has no exercise price');
    assert.deepEqual(units?.exercisePrice.refs.map((r) => r.id), [1]);
    assert.deepEqual(units?.exerciseDate.refs.map((r) => r.id), [2]);
    assert.deepEqual(units?.expirationDate.refs.map((r) => r.id), [2], 'the vesting footnote number is mirrored');
  });

  test('other consistent figures', () => {
    clean(draft2024({
      tableI: expand('form4-rsu-vest', { 1: 'Class A Common Stock', 3: '1,250', 4: '31,250', 5: '492', 6: '$48.02', 7: '30,758' }),
      tableII: [line('form4-rsu-units', { 4: '1,250', 6: 'Class A Common Stock', 7: '3,750' })],
      footnotes: [line('form4-rsu-footnote', { 2: 'Class A common stock' }), line('form4-vesting-footnote', { 2: 'sixteen equal quarterly installments beginning on September 11, 2023' })],
    }));
  });

  test('withholding more than vested is found', () => {
    const text = draft2024({
      tableI: expand('form4-rsu-vest', { 5: '2,600', 7: '9,900' }),
      tableII: [line('form4-rsu-units')],
      footnotes: [line('form4-rsu-footnote'), line('form4-vesting-footnote')],
    });
    assert.deepEqual(check(text).map((f) => f.rule), ['withholding-unpaired']);
  });
});

// ---- footnotes -----------------------------------------------------------------------------------

describe('footnote snippets', () => {
  test('form4-footnote describes a J transaction', () => {
    const row = filledRow({ 4: 'J (1)', 7: '$0' });
    clean(draft2024({ tableI: [row], footnotes: [line('form4-footnote', { 2: 'Shares transferred to a former spouse under a domestic relations order.' })] }));
    assert.deepEqual(check(draft2024({ tableI: [row] })).map((f) => f.rule), ['footnote-undefined']);
  });

  test('form4-10b5-1-footnote gives the adoption date the checked box needs', () => {
    const row = filledRow({ 4: 'S (1)' });
    clean(draft2024({ box10b51: BOX_CHECKED, tableI: [row], footnotes: [line('form4-10b5-1-footnote')] }));
    clean(draft2024({ box10b51: BOX_CHECKED, tableI: [row], footnotes: [line('form4-10b5-1-footnote', { 2: 'March 4, 2024' })] }));
    assert.deepEqual(check(draft2024({ box10b51: BOX_UNCHECKED, tableI: [row], footnotes: [line('form4-10b5-1-footnote')] })).map((f) => f.rule), ['10b5-1-unchecked']);
    assert.deepEqual(check(draft2024({ box10b51: BOX_CHECKED, tableI: [row], footnotes: [line('form4-10b5-1-footnote', { 2: 'soon' })] })).map((f) => f.rule), ['10b5-1-adoption']);
  });

  test('form4-weighted-average-footnote: a price within its range and the undertaking', () => {
    const row = filledRow({ 7: '$18.40 (1)' });
    clean(draft2024({ tableI: [row], footnotes: [line('form4-weighted-average-footnote', { 1: '1' })] }));
    const outside = check(draft2024({ tableI: [filledRow({ 7: '$17.99 (1)' })], footnotes: [line('form4-weighted-average-footnote', { 1: '1' })] }));
    assert.deepEqual(outside.map((f) => [f.rule, f.severity]), [['weighted-average', 'error']]);
  });

  test('form4-rsu-footnote and form4-vesting-footnote explain the blank RSU cells', () => {
    const units = line('form4-rsu-units');
    const tableI = expand('form4-rsu-vest');
    clean(draft2024({ tableI, tableII: [units], footnotes: [line('form4-rsu-footnote'), line('form4-vesting-footnote')] }));
    const bare = units.replace('(1)', '').replace(/\(2\)/g, '');
    assert.deepEqual(
      check(draft2024({ tableI, tableII: [bare] })).map((f) => f.rule),
      ['missing-value', 'missing-value', 'missing-value'],
      'without the footnotes, the blank cells are missing values',
    );
  });
});
