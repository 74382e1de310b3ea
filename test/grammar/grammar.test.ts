// Tests of the TextMate grammar syntaxes/form4.tmLanguage.json: exact tokens and scopes for each construct
// of the draft format (../shared/FORMAT.md), the two reference drafts, and long garbage lines.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import {
  colourLine,
  grammarPath,
  loadGrammar,
  projectRoot,
  ROOT_SCOPE,
  type ThemeRule,
  TIME_LIMIT_MS,
  type Token,
  tokenize,
  tokenizeLines,
  tokenizeText,
} from './tokenize';

// ---- scopes -------------------------------------------------------------------------------
const SEP = 'punctuation.separator.table.form4';
const LABEL = 'keyword.other.box-label.form4';
const COLON = 'punctuation.separator.key-value.form4';
const TAG = 'punctuation.definition.tag.form4';
const UNDERLINE = 'markup.underline.form4';
const TICKER = 'constant.language.ticker.form4';
const CHECKED = 'constant.language.checkbox.checked.form4';
const UNCHECKED = 'constant.language.checkbox.unchecked.form4';
const DATE = 'constant.numeric.date.form4';
const AMOUNT = 'constant.numeric.amount.form4';
const PRICE = 'constant.numeric.price.form4';
const ESCAPE = 'constant.character.escape.form4';
/** The `\\$` of an escaped price: a constant inside the price, so that themes colour it like the price. */
const DOLLAR = 'constant.other.currency.escaped.form4';
const COLUMN = 'markup.heading.column-title.form4';
const CODE = 'keyword.other.transaction-code.form4';
const AD = 'constant.language.acquired-disposed.form4';
const OWNERSHIP = 'constant.language.ownership-form.form4';
const VOLUNTARY = 'constant.language.voluntary.form4';
const REF = 'markup.underline.link.footnote-ref.form4';
const HEADING = 'markup.heading.form4';
const HEADING_MARK = 'punctuation.definition.heading.form4';
const SECTION = 'entity.name.section.form4';
const BOLD = 'markup.bold.form4';
const BOLD_MARK = 'punctuation.definition.bold.form4';
const EXPLANATION = 'meta.explanation.form4';
const ITEM_NUMBER = 'markup.list.numbered.form4';
const BULLET = 'punctuation.definition.list.form4';
const PRICE_RANGE = 'meta.price-range.form4';
const SIGNATURE = 'meta.signature.form4';
const SIGNATURE_TEXT = 'markup.italic.signature.form4';
const SIGNATURE_MARK = 'punctuation.definition.signature.form4';
const COMMENT = 'comment.block.form4';

// ---- expected tokens ----------------------------------------------------------------------
/** A token: its text and its scopes (outermost first), the root text.form4 left out. */
function t(text: string, ...scopes: string[]): Token {
  return [text, scopes];
}
type Part = string | Token;

/** Tokens from parts (a string is plain text), merging neighbours with the same scopes as the helper does. */
function tokens(parts: readonly Part[], outer: readonly string[] = []): Token[] {
  const out: Token[] = [];
  for (const part of parts) {
    const [text, scopes] = typeof part === 'string' ? [part, []] : part;
    const full = [...outer, ...scopes];
    const last = out[out.length - 1];
    if (last !== undefined && last[1].join(' ') === full.join(' ')) {
      last[0] += text;
    } else if (text !== '') {
      out.push([text, full]);
    }
  }
  return out;
}

/** The tokens of a pipe row `| a | b |`: each cell is written with one space either side of its parts. */
function pipeRow(cells: readonly (readonly Part[])[]): Token[] {
  const parts: Part[] = [t('|', SEP)];
  for (const cell of cells) {
    parts.push(' ', ...cell, cell.length > 0 ? ' ' : '', t('|', SEP));
  }
  return tokens(parts);
}

/** The tokens of a tab-separated row. */
function tabRow(cells: readonly (readonly Part[])[]): Token[] {
  const parts: Part[] = [];
  cells.forEach((cell, i) => {
    if (i > 0) {
      parts.push('\t');
    }
    parts.push(...cell);
  });
  return tokens(parts);
}

function textOf(expected: readonly Token[]): string {
  return expected.map(([text]) => text).join('');
}

/** Asserts the exact tokens of `line` (tokenized after `context`), and that the expectation spells the line. */
async function expectTokens(line: string, expected: readonly Token[], context: readonly string[] = []): Promise<void> {
  assert.equal(textOf(expected), line, 'the expected tokens must spell the line');
  assert.deepEqual(await tokenize(line, context), expected);
}

const EXPLANATION_CONTEXT = ['Explanation of Responses:', ''];
const sharedExamples = path.resolve(projectRoot, '..', 'shared', 'examples');

// ---- the grammar file ---------------------------------------------------------------------
test('the grammar file declares text.form4 and every token carries it as its root scope', async () => {
  const raw = JSON.parse(fs.readFileSync(grammarPath, 'utf8')) as { scopeName?: unknown };
  assert.equal(raw.scopeName, ROOT_SCOPE);
  const grammar = await loadGrammar();
  const result = grammar.tokenizeLine('| Common Stock | 08/06/2013 |', null);
  assert.ok(result.tokens.length > 1);
  for (const token of result.tokens) {
    assert.equal(token.scopes[0], ROOT_SCOPE);
  }
});

// ---- header boxes -------------------------------------------------------------------------
test('numbered box labels of a hand-written header (FORMAT.md §1)', async () => {
  await expectTokens(
    '1. Name and Address of Reporting Person: Wilson John N, C/O QUALYS, INC., 1600 BRIDGE PARKWAY, REDWOOD CITY, CA 94065',
    tokens([t('1. Name and Address of Reporting Person', LABEL), t(':', COLON), ' Wilson John N, C/O QUALYS, INC., 1600 BRIDGE PARKWAY, REDWOOD CITY, CA 94065']),
  );
  await expectTokens(
    '2. Issuer Name and Ticker or Trading Symbol: QUALYS, INC. [QLYS]',
    tokens([t('2. Issuer Name and Ticker or Trading Symbol', LABEL), t(':', COLON), ' QUALYS, INC. ', t('[QLYS]', TICKER)]),
  );
  await expectTokens(
    '3. Date of Earliest Transaction: 08/06/2013',
    tokens([t('3. Date of Earliest Transaction', LABEL), t(':', COLON), ' ', t('08/06/2013', DATE)]),
  );
  await expectTokens('4. If Amendment, Date of Original Filed:', tokens([t('4. If Amendment, Date of Original Filed', LABEL), t(':', COLON)]));
  await expectTokens(
    '5. Relationship of Reporting Person(s) to Issuer: Officer (EVP, Worldwide Field Ops)',
    tokens([t('5. Relationship of Reporting Person(s) to Issuer', LABEL), t(':', COLON), ' Officer (EVP, Worldwide Field Ops)']),
  );
  await expectTokens(
    '6. Individual or Joint/Group Filing: Form filed by One Reporting Person',
    tokens([t('6. Individual or Joint/Group Filing', LABEL), t(':', COLON), ' Form filed by One Reporting Person']),
  );
  await expectTokens(
    'Rule 10b5-1(c) Transaction Indication: [ ]',
    tokens([t('Rule 10b5-1(c) Transaction Indication', LABEL), t(':', COLON), ' ', t('[ ]', UNCHECKED)]),
  );
});

test('box labels ignore case, extra spaces, "*" and the (Month/Day/Year) hint', async () => {
  await expectTokens(
    '3.  DATE OF EARLIEST  TRANSACTION (Month/Day/Year): 8/6/2013',
    tokens([t('3.  DATE OF EARLIEST  TRANSACTION (Month/Day/Year)', LABEL), t(':', COLON), ' ', t('8/6/2013', DATE)]),
  );
  await expectTokens(
    '1. Name and Address of Reporting Person* POSEY BRUCE K',
    tokens([t('1. Name and Address of Reporting Person*', LABEL), ' POSEY BRUCE K']),
  );
  // the OCR'd box 2 label with <b> tags inside it
  await expectTokens(
    '\t2. Issuer Name <b>and</b> Ticker or Trading Symbol QUALYS, INC. [QLYS]\t',
    tokens([
      '\t',
      t('2. Issuer Name ', LABEL),
      t('<b>', LABEL, TAG),
      t('and', LABEL),
      t('</b>', LABEL, TAG),
      t(' Ticker or Trading Symbol', LABEL),
      ' QUALYS, INC. ',
      t('[QLYS]', TICKER),
      '\t',
    ]),
  );
  // a word that only resembles a label is plain text
  await expectTokens('1. Title of Security (Instr. 3)', tokens(['1. Title of Security (Instr. 3)']));
});

test('short box labels at the start of a line or cell', async () => {
  await expectTokens('Reporting Person: Wilson John N', tokens([t('Reporting Person', LABEL), t(':', COLON), ' Wilson John N']));
  await expectTokens('Issuer: QUALYS, INC. [QLYS]', tokens([t('Issuer', LABEL), t(':', COLON), ' QUALYS, INC. ', t('[QLYS]', TICKER)]));
  await expectTokens('Earliest Transaction : 08/06/2013', tokens([t('Earliest Transaction', LABEL), ' ', t(':', COLON), ' ', t('08/06/2013', DATE)]));
  await expectTokens('Amendment:', tokens([t('Amendment', LABEL), t(':', COLON)]));
  await expectTokens('Relationship: Director, 10% Owner', tokens([t('Relationship', LABEL), t(':', COLON), ' Director, 10% Owner']));
  await expectTokens('| Filing: Individual |', tokens([t('|', SEP), ' ', t('Filing', LABEL), t(':', COLON), ' Individual ', t('|', SEP)]));
  // not at the start of a line: prose, not a label
  await expectTokens('the Issuer: none', tokens(['the Issuer: none']));
});

test('the exit box and the 10b5-1 box with their check marks', async () => {
  await expectTokens(
    '[x] Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue.',
    tokens([t('[x]', CHECKED), ' ', t('Check this box if no longer subject to Section 16', LABEL), '. Form 4 or Form 5 obligations may continue.']),
  );
  await expectTokens(
    'Rule 10b5-1(c) Transaction Indication: [X]',
    tokens([t('Rule 10b5-1(c) Transaction Indication', LABEL), t(':', COLON), ' ', t('[X]', CHECKED)]),
  );
  // "Rule 10b5-1" in prose is not the box
  await expectTokens('a Rule 10b5-1 trading plan', tokens(['a Rule 10b5-1 trading plan']));
});

test('the EDGAR-rendered header table row of the Wilson example', async () => {
  const line =
    '| 1. Name and Address of Reporting Person * <u>Wilson John N</u> (Last) (First) (Middle) <u>C/O QUALYS, INC.</u> <u>1600 BRIDGE PARKWAY</u> (Street) <u>REDWOOD CITY CA 94065</u> (City) (State) (Zip) | 2. Issuer Name and Ticker or Trading Symbol <u>QUALYS, INC. [QLYS]</u> | 5. Relationship of Reporting Person(s) to Issuer (Check all applicable) Director 10% Owner <input checked="" type="checkbox"/> Officer (give title below) Other (specify below) <u>EVP, Worldwide Field Ops</u> |';
  const u = (value: string): Part[] => [t('<u>', TAG), t(value, UNDERLINE), t('</u>', TAG)];
  await expectTokens(
    line,
    pipeRow([
      [
        t('1. Name and Address of Reporting Person *', LABEL),
        ' ',
        ...u('Wilson John N'),
        ' (Last) (First) (Middle) ',
        ...u('C/O QUALYS, INC.'),
        ' ',
        ...u('1600 BRIDGE PARKWAY'),
        ' (Street) ',
        ...u('REDWOOD CITY CA 94065'),
        ' (City) (State) (Zip)',
      ],
      [
        t('2. Issuer Name and Ticker or Trading Symbol', LABEL),
        ' ',
        t('<u>', TAG),
        t('QUALYS, INC. ', UNDERLINE),
        t('[QLYS]', UNDERLINE, TICKER),
        t('</u>', TAG),
      ],
      [
        t('5. Relationship of Reporting Person(s) to Issuer (Check all applicable)', LABEL),
        ' Director 10% Owner ',
        t('<input checked="" type="checkbox"/>', CHECKED),
        ' Officer (give title below) Other (specify below) ',
        ...u('EVP, Worldwide Field Ops'),
      ],
    ]),
  );
  await expectTokens(
    '| | 3. Date of Earliest Transaction (Month/Day/Year) <u>08/06/2013</u> | |',
    pipeRow([[], [t('3. Date of Earliest Transaction (Month/Day/Year)', LABEL), ' ', t('<u>', TAG), t('08/06/2013', UNDERLINE, DATE), t('</u>', TAG)], []]),
  );
  await expectTokens('<input type="checkbox"/> Director', tokens([t('<input type="checkbox"/>', UNCHECKED), ' Director']));
});

// ---- tables -------------------------------------------------------------------------------
test('a Table I pipe row: code, V, amount, (A)/(D), price, holding, ownership form', async () => {
  await expectTokens(
    '| Common Stock | 08/06/2013 | | M ⁽¹⁾ | | 10,000 | A | \\$4.1 | 65,500 | D | |',
    pipeRow([
      ['Common Stock'],
      [t('08/06/2013', DATE)],
      [],
      [t('M', CODE), ' ', t('⁽¹⁾', REF)],
      [],
      [t('10,000', AMOUNT)],
      [t('A', AD)],
      [t('\\$', PRICE, DOLLAR), t('4.1', PRICE)],
      [t('65,500', AMOUNT)],
      [t('D', OWNERSHIP)],
      [],
    ]),
  );
  // code A (a grant) in the code column, V flag, indirect ownership with its nature, J(K) with <sup>
  await expectTokens(
    '| Common Stock | 02/01/2024 | | A | V | 1,000 | A | $0 | 66,500 | I | By Spouse (4) |',
    pipeRow([
      ['Common Stock'],
      [t('02/01/2024', DATE)],
      [],
      [t('A', CODE)],
      [t('V', VOLUNTARY)],
      [t('1,000', AMOUNT)],
      [t('A', AD)],
      [t('$0', PRICE)],
      [t('66,500', AMOUNT)],
      [t('I', OWNERSHIP)],
      ['By Spouse ', t('(4)', REF)],
    ]),
  );
  await expectTokens(
    '| Common Stock | 02/01/2024 | | J(K) <sup>3</sup> | | 10 | D | $1,234.5 | 66,490 | D | |',
    pipeRow([
      ['Common Stock'],
      [t('02/01/2024', DATE)],
      [],
      [t('J(K)', CODE), ' ', t('<sup>', REF, TAG), t('3', REF), t('</sup>', REF, TAG)],
      [],
      [t('10', AMOUNT)],
      [t('D', AD)],
      [t('$1,234.5', PRICE)],
      [t('66,490', AMOUNT)],
      [t('D', OWNERSHIP)],
      [],
    ]),
  );
});

test('values that are not well formed stay plain', async () => {
  // an unknown code, an impossible date, a malformed amount, (A)/(D) and D/I cells with other letters
  await expectTokens(
    '| Common Stock | 13/45/2013 | | Q | | 1,00 | X | 4.1 | 65,500 | Z | |',
    pipeRow([['Common Stock'], ['13/45/2013'], [], ['Q'], [], ['1,00'], ['X'], [t('4.1', AMOUNT)], [t('65,500', AMOUNT)], ['Z'], []]),
  );
});

test('a Table II pipe row (16 cells)', async () => {
  await expectTokens(
    '| Stock Option (right to buy) | \\$4.1 | 08/06/2013 | | M ⁽¹⁾ | | | 10,000 | (3) | 11/05/2020 | Common Stock | 10,000 | \\$0 | 140,591 | D | |',
    pipeRow([
      ['Stock Option (right to buy)'],
      [t('\\$', PRICE, DOLLAR), t('4.1', PRICE)],
      [t('08/06/2013', DATE)],
      [],
      [t('M', CODE), ' ', t('⁽¹⁾', REF)],
      [],
      [],
      [t('10,000', AMOUNT)],
      [t('(3)', REF)],
      [t('11/05/2020', DATE)],
      ['Common Stock'],
      [t('10,000', AMOUNT)],
      [t('\\$', PRICE, DOLLAR), t('0', PRICE)],
      [t('140,591', AMOUNT)],
      [t('D', OWNERSHIP)],
      [],
    ]),
  );
});

test('tab-separated rows: the clean Table II row of the OCR example and a Table I row', async () => {
  await expectTokens(
    'Stock Option (right to buy)\t\\$25.56\t06/20/2024\t\tM <sup>(1)</sup>\t\t\t1,000\t(6)\t04/28/2026\tCommon Stock\t1,000\t\\$25.56\t4,000\tD\t',
    tabRow([
      ['Stock Option (right to buy)'],
      [t('\\$', PRICE, DOLLAR), t('25.56', PRICE)],
      [t('06/20/2024', DATE)],
      [],
      [t('M', CODE), ' ', t('<sup>', REF, TAG), t('(1)', REF), t('</sup>', REF, TAG)],
      [],
      [],
      [t('1,000', AMOUNT)],
      [t('(6)', REF)],
      [t('04/28/2026', DATE)],
      ['Common Stock'],
      [t('1,000', AMOUNT)],
      [t('\\$', PRICE, DOLLAR), t('25.56', PRICE)],
      [t('4,000', AMOUNT)],
      [t('D', OWNERSHIP)],
      [],
    ]),
  );
  await expectTokens(
    'Common Stock\t08/06/2013\t\tS (1)\t\t10,000\tD\t$18.3654 (2)\t55,500\tI\tBy Spouse',
    tabRow([
      ['Common Stock'],
      [t('08/06/2013', DATE)],
      [],
      [t('S', CODE), ' ', t('(1)', REF)],
      [],
      [t('10,000', AMOUNT)],
      [t('D', AD)],
      [t('$18.3654', PRICE), ' ', t('(2)', REF)],
      [t('55,500', AMOUNT)],
      [t('I', OWNERSHIP)],
      ['By Spouse'],
    ]),
  );
});

test('rows of another shape: only cells that can only be codes are codes', async () => {
  // a damaged OCR row (13 cells): M is a code, the lone D is not classified
  await expectTokens(
    'Common Stock\t\t\t024\t\tM <sup>(1)</sup>\tv\t1,000\t(D)\t\\$25.56\tTransaction(s)\tD\t(Instr. 4)',
    tabRow([
      ['Common Stock'],
      [],
      [],
      [t('024', AMOUNT)],
      [],
      [t('M', CODE), ' ', t('<sup>', REF, TAG), t('(1)', REF), t('</sup>', REF, TAG)],
      ['v'],
      [t('1,000', AMOUNT)],
      ['(D)'],
      [t('\\$', PRICE, DOLLAR), t('25.56', PRICE)],
      ['Transaction(s)'],
      ['D'],
      ['(Instr. 4)'],
    ]),
  );
  // a pipe row with 4 cells: S and P are codes wherever they stand alone; A is not
  await expectTokens('| S | A | P(K) | SA |', pipeRow([[t('S', CODE)], ['A'], [t('P(K)', CODE)], ['SA']]));
});

test('separator rows, header rows and table titles', async () => {
  await expectTokens('|---|:--:|--|', tokens([t('|---|:--:|--|', SEP)]));
  await expectTokens(
    '| | | | Code | V | Amount | (A) or (D) | Price | | | |',
    pipeRow([[], [], [], [t('Code', COLUMN)], [t('V', COLUMN)], [t('Amount', COLUMN)], [t('(A) or (D)', COLUMN)], [t('Price', COLUMN)], [], [], []]),
  );
  await expectTokens(
    'Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned',
    tokens([t('Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned', HEADING, SECTION)]),
  );
  await expectTokens(
    'Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned (e.g., puts, calls)',
    tokens([t('Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned (e.g., puts, calls)', HEADING, SECTION)]),
  );
  // the OCR title, preceded by a tab, a dash and a tab
  await expectTokens('\t-\tTable I - Non-Deri\tivativ', tokens([t('\t-\t', HEADING), t('Table I - Non-Deri\tivativ', HEADING, SECTION)]));
  await expectTokens(
    '## Table II - Derivative Securities',
    tokens([t('##', HEADING, HEADING_MARK), t(' ', HEADING), t('Table II - Derivative Securities', HEADING, SECTION)]),
  );
  // "Table I" in prose is not a title
  await expectTokens('reported in column 4 of Table I represents', tokens(['reported in column 4 of Table I represents']));
});

test('column-title rows are titles, not values: pipe rows of both tables and the OCR tab rows', async () => {
  // Table I's numbered column titles (11 cells): no value scope anywhere, (D) and (I) included
  await expectTokens(
    '| 1. Title of Security (Instr. 3) | 2. Transaction Date (Month/Day/Year) | 3. Transaction Code (Instr. 8) | | 6. Ownership Form: Direct (D) or Indirect (I) (Instr. 4) |',
    pipeRow([
      [t('1. Title of Security (Instr. 3)', COLUMN)],
      [t('2. Transaction Date (Month/Day/Year)', COLUMN)],
      [t('3. Transaction Code (Instr. 8)', COLUMN)],
      [],
      [t('6. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)', COLUMN)],
    ]),
  );
  // Table II's second header row (16 cells): V, (A) and (D) are titles here
  await expectTokens(
    '| | | | | Code | V | (A) | (D) | Date Exercisable | Expiration Date | | | | | | Title |',
    pipeRow([
      [], [], [], [],
      [t('Code', COLUMN)],
      [t('V', COLUMN)],
      [t('(A)', COLUMN)],
      [t('(D)', COLUMN)],
      [t('Date Exercisable', COLUMN)],
      [t('Expiration Date', COLUMN)],
      [], [], [], [], [],
      [t('Title', COLUMN)],
    ]),
  );
  // a tab-separated header of the OCR example: "(1)" in "(1) (111341. 4)" (OCR for "(Instr. 4)") is no reference
  await expectTokens(
    '\t\t\t\t(\tCode\tv\tAmount\t(A) or (D)\tPrice\tReported Transaction(s) (Instr. 3 and 4)\t(1) (111341. 4)\t(Instr. 4)',
    tabRow([
      [], [], [], [],
      [t('(', COLUMN)],
      [t('Code', COLUMN)],
      [t('v', COLUMN)],
      [t('Amount', COLUMN)],
      [t('(A) or (D)', COLUMN)],
      [t('Price', COLUMN)],
      [t('Reported Transaction(s) (Instr. 3 and 4)', COLUMN)],
      [t('(1) (111341. 4)', COLUMN)],
      [t('(Instr. 4)', COLUMN)],
    ]),
  );
  // tags and escapes in a title keep their own scopes
  await expectTokens(
    '| <b>Price</b> | Amount\\* |',
    pipeRow([[t('<b>', TAG), t('Price', COLUMN), t('</b>', TAG)], [t('Amount', COLUMN), t('\\*', ESCAPE)]]),
  );
});

test('rows that name a column but hold data stay data rows (as the parser decides)', async () => {
  // a date, a grouped amount, a price or a bare number makes a row data, whatever words it has
  await expectTokens(
    '| Code | 08/06/2013 |',
    pipeRow([['Code'], [t('08/06/2013', DATE)]]),
  );
  await expectTokens('| Amount | 10,000 |', pipeRow([['Amount'], [t('10,000', AMOUNT)]]));
  await expectTokens('| Price | $4 |', pipeRow([['Price'], [t('$4', PRICE)]]));
  await expectTokens('| Amount | 500 |', pipeRow([['Amount'], [t('500', AMOUNT)]]));
  // a column number such as "5." is not data
  await expectTokens('| 5. | Amount |', pipeRow([[t('5.', COLUMN)], [t('Amount', COLUMN)]]));
  // a header box table row is not a column-title row, even with "Title of" in it
  await expectTokens(
    '| 1. Name and Address of Reporting Person | Title of Security |',
    pipeRow([[t('1. Name and Address of Reporting Person', LABEL)], ['Title of Security']]),
  );
  // "Code" in prose, not in a row
  await expectTokens('The Code of Federal Regulations sets the price', tokens(['The Code of Federal Regulations sets the price']));
});

// ---- colours ------------------------------------------------------------------------------
// The rules of VS Code's default themes that reach the scopes of a draft (Light+ from light_vs.json
// and light_plus.json, Dark+ from dark_vs.json and dark_plus.json; Light Modern and Dark Modern
// include them): what a drafter sees, resolved by vscode-textmate's theme matching as VS Code does.
const LIGHT_PLUS: ThemeRule[] = [
  { scope: 'comment', settings: { foreground: '#008000' } },
  { scope: 'constant.language', settings: { foreground: '#0000FF' } },
  { scope: 'constant.numeric', settings: { foreground: '#098658' } },
  { scope: 'constant.character', settings: { foreground: '#0000FF' } },
  { scope: 'constant.character.escape', settings: { foreground: '#EE0000' } },
  { scope: 'invalid', settings: { foreground: '#CD3131' } },
  { scope: 'markup.heading', settings: { foreground: '#800000', fontStyle: 'bold' } },
  { scope: 'markup.bold', settings: { foreground: '#000080', fontStyle: 'bold' } },
  { scope: 'punctuation.definition.tag', settings: { foreground: '#800000' } },
  { scope: 'keyword', settings: { foreground: '#0000FF' } },
];
const DARK_PLUS: ThemeRule[] = [
  { scope: 'comment', settings: { foreground: '#6A9955' } },
  { scope: 'constant.language', settings: { foreground: '#569CD6' } },
  { scope: 'constant.numeric', settings: { foreground: '#B5CEA8' } },
  { scope: 'constant.character', settings: { foreground: '#569CD6' } },
  { scope: 'constant.character.escape', settings: { foreground: '#D7BA7D' } },
  { scope: 'invalid', settings: { foreground: '#F44747' } },
  { scope: 'markup.heading', settings: { foreground: '#569CD6', fontStyle: 'bold' } },
  { scope: 'punctuation.definition.tag', settings: { foreground: '#808080' } },
  { scope: 'keyword', settings: { foreground: '#569CD6' } },
];
const THEMES: [name: string, rules: ThemeRule[], numeric: string, heading: string, defaultForeground: string][] = [
  ['Light+', LIGHT_PLUS, '#098658', '#800000 bold', '#000000'],
  ['Dark+', DARK_PLUS, '#B5CEA8', '#569CD6 bold', '#D4D4D4'],
];

/** The colour and font style of `needle` in `line` (asserting it is one throughout). */
async function colourOf(rules: readonly ThemeRule[], line: string, needle: string, defaultForeground: string, context: readonly string[] = []): Promise<string> {
  const runs = await colourLine(rules, [...context, line], defaultForeground);
  const start = line.indexOf(needle);
  assert.ok(start >= 0, `${needle} in ${line}`);
  const colours = new Set<string>();
  let at = 0;
  for (const [text, colour] of runs) {
    if (at < start + needle.length && at + text.length > start) colours.add(colour);
    at += text.length;
  }
  assert.equal(colours.size, 1, `${needle} has one colour, not ${[...colours].join(', ')}`);
  return [...colours][0] ?? '';
}

test('the \\$ of an EDGAR-escaped price is coloured like the price, never like an error', async () => {
  const row = '| Common Stock | 08/06/2013 | | S (1) | | 10,000 | D | \\$18.3654 (2) | 55,500 | D | |';
  const footnote = '- The price ranged from \\$18.00 to \\$18.81 per share.';
  for (const [name, rules, numeric, , fg] of THEMES) {
    assert.equal(await colourOf(rules, row, '\\$18.3654', fg), numeric, `${name}: the escaped price in a row`);
    assert.equal(await colourOf(rules, row, '10,000', fg), numeric, `${name}: an amount, for comparison`);
    assert.equal(await colourOf(rules, footnote, '\\$18.00', fg, EXPLANATION_CONTEXT), numeric, `${name}: a price range in a footnote`);
    assert.equal(await colourOf(rules, footnote, '\\$18.81', fg, EXPLANATION_CONTEXT), numeric, `${name}: a price range in a footnote`);
  }
  // and no scope of the grammar is invalid.*: nothing in a draft is coloured as an error by the grammar
  const raw = fs.readFileSync(grammarPath, 'utf8');
  assert.doesNotMatch(raw, /"name": "invalid/);
});

test('column titles are coloured as headings, unlike the values below them', async () => {
  const header = '| | | | Code | V | Amount | (A) or (D) | Price | | | |';
  const data = '| Common Stock | 02/01/2024 | | A | V | 1,000 | A | $0 | 66,500 | D | |';
  for (const [name, rules, numeric, heading, fg] of THEMES) {
    for (const title of ['Code', 'V', 'Amount', '(A) or (D)', 'Price']) {
      assert.equal(await colourOf(rules, header, title, fg), heading, `${name}: ${title} in the header row`);
    }
    // Dark+ gives headings and constants the same blue: the heading is bold
    const vFlag = await colourOf(rules, data, 'V', fg);
    assert.notEqual(vFlag, heading, `${name}: the V flag of a data row is a value`);
    assert.equal(await colourOf(rules, data, '1,000', fg), numeric);
  }
});

test('the language configuration does not colour the form\'s parentheses as bracket pairs', () => {
  // Like VS Code's Markdown: brackets still match and auto-close, but "(Instr. 3)", "(A) or (D)",
  // "(Month/Day/Year)" and the footnote references "(1)" are prose, not nesting levels.
  const config = JSON.parse(fs.readFileSync(path.join(projectRoot, 'language-configuration.json'), 'utf8')) as {
    brackets?: unknown;
    colorizedBracketPairs?: unknown;
  };
  assert.deepEqual(config.colorizedBracketPairs, []);
  assert.deepEqual(config.brackets, [
    ['(', ')'],
    ['[', ']'],
  ]);
});

// ---- footnotes ----------------------------------------------------------------------------
test('footnote references in their four notations', async () => {
  await expectTokens('| M (1) |', pipeRow([[t('M', CODE), ' ', t('(1)', REF)]]));
  await expectTokens('| M ⁽¹²⁾ |', pipeRow([[t('M', CODE), ' ', t('⁽¹²⁾', REF)]]));
  await expectTokens('| S <sup>(1)</sup> |', pipeRow([[t('S', CODE), ' ', t('<sup>', REF, TAG), t('(1)', REF), t('</sup>', REF, TAG)]]));
  await expectTokens('| S <sup>1</sup> |', pipeRow([[t('S', CODE), ' ', t('<sup>', REF, TAG), t('1', REF), t('</sup>', REF, TAG)]]));
  // several references in one cell, and bare superscript digits
  await expectTokens(
    '| 55,500 (2)(3) | By Trust¹ |',
    pipeRow([[t('55,500', AMOUNT), ' ', t('(2)', REF), t('(3)', REF)], ['By Trust', t('¹', REF)]]),
  );
  await expectTokens('<sup>1, 2</sup>', tokens([t('<sup>', REF, TAG), t('1, 2', REF), t('</sup>', REF, TAG)]));
  // a letter or a number in parentheses is not a reference
  await expectTokens('Section 16(a) and (Instr. 3) and (650)', tokens(['Section 16(a) and (Instr. 3) and (650)']));
});

test('the Explanation of Responses heading and its item markers', async () => {
  await expectTokens(
    'Explanation of Responses:',
    tokens([t('Explanation of Responses', EXPLANATION, HEADING, SECTION), t(':', EXPLANATION, HEADING, COLON)]),
  );
  await expectTokens(
    '## **Explanation of Responses:**',
    tokens([
      t('##', EXPLANATION, HEADING, HEADING_MARK),
      t(' ', EXPLANATION, HEADING),
      t('**', EXPLANATION, HEADING, BOLD_MARK),
      t('Explanation of Responses', EXPLANATION, HEADING, SECTION),
      t(':', EXPLANATION, HEADING, COLON),
      t('**', EXPLANATION, HEADING, BOLD_MARK),
    ]),
  );
  const item = (parts: readonly Part[]): Token[] => tokens(parts, [EXPLANATION]);
  await expectTokens('(1) The first.', item([t('(1)', ITEM_NUMBER), ' The first.']), EXPLANATION_CONTEXT);
  await expectTokens('2. The second.', item([t('2.', ITEM_NUMBER), ' The second.']), EXPLANATION_CONTEXT);
  await expectTokens('- 3. The third.', item([t('-', BULLET), ' ', t('3.', ITEM_NUMBER), ' The third.']), EXPLANATION_CONTEXT);
  await expectTokens('- (4) The fourth.', item([t('-', BULLET), ' ', t('(4)', ITEM_NUMBER), ' The fourth.']), EXPLANATION_CONTEXT);
  await expectTokens('- An unnumbered item.', item([t('-', BULLET), ' An unnumbered item.']), EXPLANATION_CONTEXT);
  // the same lines outside the Explanation of Responses are not items
  await expectTokens('- An unnumbered item.', tokens(['- An unnumbered item.']));
  await expectTokens('(1) The first.', tokens([t('(1)', REF), ' The first.']));
});

test('a weighted-average price footnote: the price range, its prices and the dates', async () => {
  const line =
    '- 2. The sale price represents the weighted average price of the shares sold ranging from \\$132.65 to \\$133.23 per share, under a plan adopted on August 28, 2023 (see 06/20/2024).';
  await expectTokens(
    line,
    tokens(
      [
        t('-', BULLET),
        ' ',
        t('2.', ITEM_NUMBER),
        ' The sale price represents the weighted average price of the shares sold ',
        t('ranging from ', PRICE_RANGE),
        t('\\$', PRICE_RANGE, PRICE, DOLLAR),
        t('132.65', PRICE_RANGE, PRICE),
        t(' to ', PRICE_RANGE),
        t('\\$', PRICE_RANGE, PRICE, DOLLAR),
        t('133.23', PRICE_RANGE, PRICE),
        ' per share, under a plan adopted on ',
        t('August 28, 2023', DATE),
        ' (see ',
        t('06/20/2024', DATE),
        ').',
      ],
      [EXPLANATION],
    ),
    EXPLANATION_CONTEXT,
  );
  await expectTokens(
    'prices between $18.00 and $18.81.',
    tokens(['prices ', t('between ', PRICE_RANGE), t('$18.00', PRICE_RANGE, PRICE), t(' and ', PRICE_RANGE), t('$18.81', PRICE_RANGE, PRICE), '.'], [EXPLANATION]),
    EXPLANATION_CONTEXT,
  );
});

test('Remarks: ends the Explanation of Responses', async () => {
  const lines = await tokenizeLines(['Explanation of Responses:', '- A footnote.', 'Remarks: free text', '- not a footnote']);
  assert.deepEqual(
    lines.map((l) => l.tokens),
    [
      tokens([t('Explanation of Responses', EXPLANATION, HEADING, SECTION), t(':', EXPLANATION, HEADING, COLON)]),
      tokens([t('-', EXPLANATION, BULLET), t(' A footnote.', EXPLANATION)]),
      tokens([t('Remarks', HEADING, SECTION), t(':', HEADING, COLON), ' free text']),
      tokens(['- not a footnote']),
    ],
  );
});

// ---- signature ----------------------------------------------------------------------------
test('a /s/ line, the signature date on its own line, and a date line elsewhere', async () => {
  const lines = await tokenizeLines([
    'Explanation of Responses:',
    '- A footnote.',
    '',
    '/s/ Bruce Posey by power of attorney for John N. Wilson',
    '',
    '08/07/2013',
    '',
    '** Signature of Reporting Person',
    '08/08/2013',
  ]);
  assert.deepEqual(
    lines.slice(3).map((l) => l.tokens),
    [
      tokens([t('/s/', SIGNATURE, SIGNATURE_TEXT, SIGNATURE_MARK), t(' Bruce Posey by power of attorney for John N. Wilson', SIGNATURE, SIGNATURE_TEXT)]),
      [],
      tokens([t('08/07/2013', SIGNATURE, DATE)]),
      [],
      tokens(['** ', t('Signature of Reporting Person', LABEL)]),
      // a later date line is a date, no longer part of the signature
      tokens([t('08/08/2013', DATE)]),
    ],
  );
  await expectTokens('\\*\\* Signature of Reporting Person', tokens([t('\\*\\*', ESCAPE), ' ', t('Signature of Reporting Person', LABEL)]));
  await expectTokens('06/21/2024', tokens([t('06/21/2024', DATE)]));
});

test('a joint filing: each /s/ line takes the next date line', async () => {
  const lines = await tokenizeLines(['/s/ First Filer', '/s/ Second Filer', '08/07/2013']);
  assert.deepEqual(
    lines.map((l) => l.tokens),
    [
      tokens([t('/s/', SIGNATURE, SIGNATURE_TEXT, SIGNATURE_MARK), t(' First Filer', SIGNATURE, SIGNATURE_TEXT)]),
      tokens([t('/s/', SIGNATURE, SIGNATURE_TEXT, SIGNATURE_MARK), t(' Second Filer', SIGNATURE, SIGNATURE_TEXT)]),
      tokens([t('08/07/2013', SIGNATURE, DATE)]),
    ],
  );
});

// ---- Markdown and HTML --------------------------------------------------------------------
test('Markdown headings, bold, escapes, HTML tags and comments', async () => {
  await expectTokens(
    '## UNITED STATES SECURITIES AND EXCHANGE COMMISSION',
    tokens([t('##', HEADING, HEADING_MARK), t(' ', HEADING), t('UNITED STATES SECURITIES AND EXCHANGE COMMISSION', HEADING, SECTION)]),
  );
  await expectTokens(
    '**QUALYS, INC. [QLYS]** and \\*',
    tokens([t('**', BOLD, BOLD_MARK), t('QUALYS, INC. ', BOLD), t('[QLYS]', BOLD, TICKER), t('**', BOLD, BOLD_MARK), ' and ', t('\\*', ESCAPE)]),
  );
  await expectTokens(
    '<del>x</del> <b>and</b> <br/>',
    tokens([t('<del>', TAG), 'x', t('</del>', TAG), ' ', t('<b>', TAG), 'and', t('</b>', TAG), ' ', t('<br/>', TAG)]),
  );
  const lines = await tokenizeLines(['<!-- a note', 'still a note --> | S |']);
  assert.deepEqual(
    lines.map((l) => l.tokens),
    [
      tokens([t('<!--', COMMENT, 'punctuation.definition.comment.begin.form4'), t(' a note', COMMENT)]),
      tokens([t('still a note ', COMMENT), t('-->', COMMENT, 'punctuation.definition.comment.end.form4'), ' ', t('|', SEP), ' ', t('S', CODE), ' ', t('|', SEP)]),
    ],
  );
});

// ---- whole documents ----------------------------------------------------------------------
/** For each scope in `wanted`, the tokens carrying it as their innermost scope, as "line:text". */
function collect(lines: readonly { tokens: Token[] }[], wanted: readonly string[]): Record<string, string[]> {
  const found: Record<string, string[]> = Object.fromEntries(wanted.map((scope) => [scope, [] as string[]]));
  lines.forEach((line, i) => {
    for (const [text, scopes] of line.tokens) {
      const innermost = scopes[scopes.length - 1];
      if (innermost !== undefined) {
        found[innermost]?.push(`${i + 1}:${text}`);
      }
    }
  });
  return found;
}

test('the reference drafts of ../shared/examples tokenize completely', async (context) => {
  const wilson = path.join(sharedExamples, 'qualys-wilson-2013.form4');
  const posey = path.join(sharedExamples, 'qualys-posey-2024-ocr.form4');
  if (!fs.existsSync(wilson) || !fs.existsSync(posey)) {
    context.skip(`the reference drafts are not at ${sharedExamples}`);
    return;
  }
  const wilsonLines = await tokenizeText(fs.readFileSync(wilson, 'utf8'));
  const poseyLines = await tokenizeText(fs.readFileSync(posey, 'utf8'));
  for (const line of [...wilsonLines, ...poseyLines]) {
    assert.equal(line.stoppedEarly, false, `stopped early on ${JSON.stringify(line.line.slice(0, 60))}`);
    assert.equal(line.tokens.map(([text]) => text).join(''), line.line);
  }
  const scopes = [CODE, AD, OWNERSHIP, TICKER, REF, ITEM_NUMBER, BULLET, SIGNATURE_MARK, SECTION];
  assert.deepEqual(collect(wilsonLines, scopes), {
    [CODE]: ['25:M', '26:S', '33:M'],
    [AD]: ['25:A', '26:D'],
    [OWNERSHIP]: ['25:D', '26:D', '33:D'],
    [TICKER]: ['16:[QLYS]'],
    [REF]: ['25:⁽¹⁾', '26:⁽¹⁾', '26:⁽²⁾', '33:⁽¹⁾', '33:(3)'],
    [ITEM_NUMBER]: [],
    [BULLET]: ['37:-', '38:-', '39:-'],
    [SIGNATURE_MARK]: ['41:/s/'],
    [SECTION]: [
      '20:Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned',
      '28:Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned (e.g., puts, calls, warrants, options, convertible securities)',
      '35:Explanation of Responses',
    ],
  });
  assert.deepEqual(wilsonLines[42]?.tokens, tokens([t('08/07/2013', SIGNATURE, DATE)]), 'the Wilson signature date');
  assert.deepEqual(collect(poseyLines, [CODE, OWNERSHIP, TICKER, ITEM_NUMBER, SIGNATURE_MARK, PRICE_RANGE]), {
    [CODE]: ['29:M', '30:M', '34:M'],
    [OWNERSHIP]: ['34:D'],
    [TICKER]: ['14:[QLYS]'],
    [ITEM_NUMBER]: ['38:1.', '39:2.', '40:3.', '41:4.', '42:5.', '44:6.'],
    [SIGNATURE_MARK]: ['46:/s/'],
    [PRICE_RANGE]: ['39:ranging from ', '39: to ', '40:ranging from ', '40: to ', '41:ranging from ', '41: to ', '42:ranging from ', '42: to '],
  });
  assert.deepEqual(poseyLines[47]?.tokens, tokens([t('06/21/2024', SIGNATURE, DATE)]), 'the Posey signature date');
  // the column-title rows, and only they, are titles (1-based line numbers)
  const titleLines = (lines: readonly { tokens: Token[] }[]): number[] =>
    lines.flatMap((line, i) => (line.tokens.some(([, scopes]) => scopes.includes(COLUMN)) ? [i + 1] : []));
  assert.deepEqual(titleLines(wilsonLines), [22, 24, 30, 32]);
  assert.deepEqual(titleLines(poseyLines), [24, 26, 32, 33]);
  // and no token is scoped invalid.*
  for (const line of [...wilsonLines, ...poseyLines]) {
    for (const [text, scopes] of line.tokens) {
      assert.ok(!scopes.some((scope) => scope.startsWith('invalid')), `${text} is scoped invalid`);
    }
  }
});

// ---- robustness ---------------------------------------------------------------------------
const GARBAGE_LENGTH = 20_000;

function garbageLines(): Map<string, string> {
  let seed = 20130806;
  const random = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pieces = [
    '|', '\t', ' ', '1', '0', ',', '.', '$', '\\', '(', ')', '<', '>', '/', '*', '#', '-', ':', '[', ']', 'x', 'M', 'S', 'A', 'D', 'V',
    '⁽', '¹', '⁾', '<sup>', '</sup>', '<u>', '</u>', '08/06/2013', '\\$4.10', 'Table I', '1. Name and Address of Reporting Person',
    'ranging from ', ' to ', '**', '<!--', '-->', '(K)', '(1)', '<input checked>', 'Check this box', '/s/', 'Explanation of Responses',
  ];
  let mixed = '';
  while (mixed.length < GARBAGE_LENGTH) {
    mixed += pieces[Math.floor(random() * pieces.length)] ?? '';
  }
  const repeat = (unit: string): string => unit.repeat(Math.ceil(GARBAGE_LENGTH / unit.length)).slice(0, GARBAGE_LENGTH);
  const lines: [string, string][] = [
    ['mixed', mixed],
    ['pipes', repeat('|')],
    ['pipe cells', repeat('| ')],
    ['tabs', repeat('\t')],
    ['tab cells', repeat('\tM ')],
    ['digits and commas', repeat('1,')],
    ['a price that never ends', '\\$' + repeat('1,')],
    ['stars', repeat('*')],
    ['bold never closed', '**' + repeat('a ')],
    ['underline openers', repeat('<u>')],
    ['unclosed tags', repeat('<input ')],
    ['superscripts', repeat('⁽¹')],
    ['backslashes', repeat('\\')],
    ['label prefixes', repeat('1. Name and ')],
    ['price ranges', repeat('from \\$1 to ')],
    ['escaped pipes', '|' + repeat('\\|')],
    ['a row that is one cell too long', '|' + repeat(' x |')],
  ];
  return new Map(lines.map(([name, line]) => [name, line.slice(0, GARBAGE_LENGTH)]));
}

// The time limit only bounds the work between tokens; the test timeout catches a regex that never returns.
test('20,000-character garbage lines tokenize completely within the time limit, in every state', { timeout: 120_000 }, async () => {
  const states = new Map<string, string[]>([
    ['top level', []],
    ['in the Explanation of Responses', ['Explanation of Responses:']],
    ['after a /s/ line', ['/s/ Someone']],
    ['in a comment', ['<!--']],
  ]);
  for (const [stateName, context] of states) {
    for (const [name, line] of garbageLines()) {
      assert.equal(line.length, GARBAGE_LENGTH);
      // the first pass compiles the rules this line reaches; the second must finish within the limit
      await tokenizeLines([...context, line], TIME_LIMIT_MS);
      const result = (await tokenizeLines([...context, line], TIME_LIMIT_MS)).at(-1);
      assert.ok(result !== undefined);
      assert.equal(result.stoppedEarly, false, `${name} ${stateName}: stopped at the time limit`);
      assert.equal(result.tokens.map(([text]) => text).join(''), line, `${name} ${stateName}: tokens must cover the line`);
    }
  }
});
