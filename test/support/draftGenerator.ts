/**
 * Test support: a fast-check generator of valid Form 4 drafts, for property tests of anything
 * that reads or writes a whole filing (the exporter, and round trips draft → XML → draft).
 *
 * A generated draft is complete for EDGAR: CIKs on detail lines, a trading symbol, a relationship
 * for each owner (with its title or text), one or two signatures with their dates, the address in
 * parts with a state of Appendix A; rows of both tables, transactions and holdings, with codes in
 * their directions, amounts with up to four decimals (some in dollars in Table II), an early (V)
 * or late (L) row now and then, equity swaps (K), footnote references in many cells and values
 * given only by footnote where the schema allows it (cm(8)); footnotes each referred to from a
 * cell; remarks. Texts carry what the XML must escape (`&`, quotes) and characters beyond ASCII.
 *
 * It is not built to check clean: the amounts owned need not follow from row to row, and box 3
 * need not be the earliest date. What it guarantees is what EDGAR's schema asks, so that an
 * exporter may report no problem on it. `spec` holds the facts it was made from.
 */
import fc from 'fast-check';
import { TRANSACTION_CODES } from '../../server/src/service/model/codes';
import { STATE_CODES } from '../../server/src/service/model/edgar';

export interface GeneratedDraft {
  readonly text: string;
  readonly spec: DraftSpec;
}

export interface OwnerSpec {
  readonly name: string;
  readonly cik: string;
  readonly address: { readonly street?: string; readonly city: string; readonly state: string; readonly zip: string } | undefined;
  readonly relationship: { readonly director: boolean; readonly tenPercent: boolean; readonly officer?: string; readonly other?: string };
}

export interface RowSpec {
  readonly table: 'I' | 'II';
  readonly kind: 'transaction' | 'holding';
  /** The row's cells, as written, footnote references included. */
  readonly cells: readonly string[];
}

export interface DraftSpec {
  readonly owners: readonly OwnerSpec[];
  readonly issuer: { readonly name: string; readonly ticker: string; readonly cik: string };
  readonly box3: string;
  readonly box4: string | undefined;
  readonly exit: boolean | undefined;
  readonly tenB51: boolean | undefined;
  readonly rows: readonly RowSpec[];
  readonly footnotes: readonly string[];
  readonly remarks: string | undefined;
  readonly signatures: readonly { readonly name: string; readonly date: string }[];
}

// ---- pieces ------------------------------------------------------------------------------------------

const WORDS = ['Common', 'Stock', 'Class', 'A', 'B', 'Preferred', 'Series', 'Ordinary', 'Shares', 'Units', 'Restricted', 'Performance', 'Depositary', 'Warrants', 'Notes', 'Convertible', 'Senior', 'Limited', 'Partnership', 'Interests'];
const SPECIALS = ['&', "'s", '"Plan"', 'é', '’', '%', '-', '/', 'Société', 'Müller', 'Ünïcödé', '😀'];
const PROSE = ['the', 'shares', 'were', 'held', 'by', 'a', 'trust', 'for', 'the', 'benefit', 'of', 'family', 'members', 'granted', 'under', 'equity', 'plan', 'vesting', 'in', 'annual', 'installments', 'price', 'range', 'issuer', 'reporting', 'person', 'disclaims', 'beneficial', 'ownership', 'except', 'to', 'extent', 'pecuniary', 'interest'];
const NAMES = ['Wilson', 'Posey', "O'Brien", 'Nguyen', 'García', 'Smith', 'Okafor', 'Lindqvist', 'Chen', 'Dubois'];
const FIRST = ['John', 'Bruce', 'Mary', 'Ana', 'Wei', 'Chidi', 'Ingrid', 'Zoë', 'Luc', 'Priya'];
const CODE_LETTERS = TRANSACTION_CODES.map((c) => c.code);
const STATES = [...STATE_CODES.values()].filter((s) => !s.obsolete).map((s) => s.code);

const join = (parts: readonly string[]): string => parts.join(' ').replace(/\s+/g, ' ').trim();

/** Words, now and then one the XML must escape or write as a character reference. */
function phrase(words: readonly string[], min: number, max: number, maxLength: number): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...words) }, { weight: 1, arbitrary: fc.constantFrom(...SPECIALS) }), { minLength: min, maxLength: max })
    .map((w) => join(w).slice(0, maxLength).trim())
    .filter((t) => t !== '' && !/^\d/.test(t));
}

const title = phrase(WORDS, 1, 6, 60);
const nature = phrase(['By', 'Trust', 'Spouse', 'LLC', 'Fund', 'Family', 'Partnership', 'IRA', '401(k)', 'Plan', 'Children'], 1, 5, 100).map((t) => (t.startsWith('By') ? t : `By ${t}`));
const relationshipText = fc.array(fc.constantFrom('Chief', 'Executive', 'Financial', 'Officer', 'EVP', 'SVP', 'General', 'Counsel', 'Sales', 'Operations', '&', 'Member', 'of', 'Group'), { minLength: 1, maxLength: 4 })
  .map((w) => join(w).slice(0, 30).trim())
  .filter((t) => t !== '' && t !== '&');
const digits = (min: number, max: number): fc.Arbitrary<string> => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));

const date = fc.record({ year: fc.integer({ min: 2003, max: 2030 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ year, month, day }) => `${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}/${year}`);

/** A non-negative decimal with up to 4 decimals, as a draft writes it (grouped or not). */
const amount = fc
  .record({ whole: fc.oneof(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99_999_999 }), fc.constant(999_999_999_999)), fraction: digits(0, 4), grouped: fc.boolean() })
  .map(({ whole, fraction, grouped }) => {
    const w = grouped ? whole.toLocaleString('en-US') : String(whole);
    return fraction === '' ? w : `${w}.${fraction}`;
  });
const price = amount.map((a) => `$${a}`);

/** A cell: its value, then its references. */
function cell(value: string, refs: readonly number[]): string {
  return [value, ...refs.map((r) => `(${r})`)].filter((p) => p !== '').join(' ');
}

// ---- rows --------------------------------------------------------------------------------------------

interface RowDraft {
  readonly table: 'I' | 'II';
  readonly kind: 'transaction' | 'holding';
  /** Values; refs are added once the footnotes are known. */
  readonly values: string[];
  /** Columns that may take a reference; those that must (a blank cm(8) value) first. */
  readonly mustRef: number[];
  readonly mayRef: number[];
}

const direction = (code: string): fc.Arbitrary<'A' | 'D'> => {
  const implies = TRANSACTION_CODES.find((c) => c.code === code)?.implies;
  return implies ? fc.constant(implies) : fc.constantFrom('A', 'D');
};

const ownership = fc.oneof(fc.constant<[string, string]>(['D', '']), nature.map((n): [string, string] => ['I', n]));

const rowI: fc.Arbitrary<RowDraft> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({
        title,
        date,
        deemed: fc.option(date, { freq: 5 }),
        code: fc.constantFrom(...CODE_LETTERS),
        swap: fc.boolean(),
        v: fc.constantFrom('', '', '', 'V', 'L'),
        shares: amount,
        price: fc.option(price, { freq: 6 }),
        owned: amount,
        ownership,
      })
      .chain((r) => direction(r.code).map((ad) => ({ ...r, ad })))
      .map((r): RowDraft => ({
        table: 'I',
        kind: 'transaction',
        values: [r.title, r.date, r.deemed ?? '', r.swap ? `${r.code}(K)` : r.code, r.v, r.shares, r.ad, r.price ?? '', r.owned, r.ownership[0], r.ownership[1]],
        mustRef: [...(r.price === null ? [7] : []), ...(r.swap ? [3] : [])],
        mayRef: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].filter((i) => i !== 4 || r.v !== '').filter((i) => i !== 10 || r.ownership[1] !== ''),
      })),
  },
  {
    weight: 1,
    arbitrary: fc.record({ title, owned: amount, ownership }).map((r): RowDraft => ({
      table: 'I',
      kind: 'holding',
      values: [r.title, '', '', '', '', '', '', '', r.owned, r.ownership[0], r.ownership[1]],
      mustRef: [],
      mayRef: [0, 8, 9, ...(r.ownership[1] !== '' ? [10] : [])],
    })),
  },
);

const quantityII = fc.oneof({ weight: 4, arbitrary: amount }, { weight: 1, arbitrary: price });

/** The derivative columns both kinds share: exercise price, exercisable, expiration, underlying. */
const derivativeTerms = fc.record({
  exercise: fc.option(price, { freq: 4 }),
  exercisable: fc.option(date, { freq: 3 }),
  expiration: fc.option(date, { freq: 3 }),
  underlyingTitle: title,
  underlying: fc.option(quantityII, { freq: 5 }),
});

const rowII: fc.Arbitrary<RowDraft> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .record({ title, terms: derivativeTerms, date, deemed: fc.option(date, { freq: 5 }), code: fc.constantFrom(...CODE_LETTERS), swap: fc.boolean(), v: fc.constantFrom('', '', '', 'V', 'L'), shares: quantityII, price: fc.option(price, { freq: 5 }), owned: quantityII, ownership })
      .chain((r) => direction(r.code).map((ad) => ({ ...r, ad })))
      .map((r): RowDraft => {
        const t = r.terms;
        return {
          table: 'II',
          kind: 'transaction',
          values: [r.title, t.exercise ?? '', r.date, r.deemed ?? '', r.swap ? `${r.code}(K)` : r.code, r.v, r.ad === 'A' ? r.shares : '', r.ad === 'D' ? r.shares : '', t.exercisable ?? '', t.expiration ?? '', t.underlyingTitle, t.underlying ?? '', r.price ?? '', r.owned, r.ownership[0], r.ownership[1]],
          mustRef: [...(t.exercise === null ? [1] : []), ...(t.exercisable === null ? [8] : []), ...(t.expiration === null ? [9] : []), ...(t.underlying === null ? [11] : []), ...(r.price === null ? [12] : []), ...(r.swap ? [4] : [])],
          mayRef: [0, 1, 2, 3, 4, r.ad === 'A' ? 6 : 7, 8, 9, 10, 11, 12, 13, 14, ...(r.ownership[1] !== '' ? [15] : [])],
        };
      }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ title, terms: derivativeTerms, owned: quantityII, ownership }).map((r): RowDraft => {
      const t = r.terms;
      return {
        table: 'II',
        kind: 'holding',
        values: [r.title, t.exercise ?? '', '', '', '', '', '', '', t.exercisable ?? '', t.expiration ?? '', t.underlyingTitle, t.underlying ?? '', '', r.owned, r.ownership[0], r.ownership[1]],
        mustRef: [...(t.exercise === null ? [1] : []), ...(t.exercisable === null ? [8] : []), ...(t.expiration === null ? [9] : []), ...(t.underlying === null ? [11] : [])],
        mayRef: [0, 1, 8, 9, 10, 11, 13, 14, ...(r.ownership[1] !== '' ? [15] : [])],
      };
    }),
  },
);

// ---- the header ----------------------------------------------------------------------------------------

const owner: fc.Arbitrary<OwnerSpec> = fc.record({
  name: fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...FIRST), fc.option(fc.constantFrom('A', 'B', 'N', 'K'), { nil: undefined })).map(([l, f, m]) => join([l, f, m ?? ''])),
  cik: digits(1, 10).filter((d) => /[1-9]/.test(d)),
  address: fc.option(
    fc.record({
      street: fc.option(phrase(['1600', 'Bridge', 'Parkway', 'Suite', '400', 'C/O', 'Main', 'Street', 'Avenue', 'Floor'], 1, 5, 40), { nil: undefined }),
      city: phrase(['Redwood', 'City', 'Foster', 'New', 'York', 'Austin', 'São', 'Paulo', 'Menlo', 'Park'], 1, 3, 30),
      state: fc.constantFrom(...STATES),
      zip: fc.oneof(digits(5, 5), fc.tuple(digits(5, 5), digits(4, 4)).map(([a, b]) => `${a}-${b}`), fc.constantFrom('SW1A 1AA', 'M5V 3L9', '#12')),
    }),
    { nil: undefined },
  ),
  relationship: fc
    .record({ director: fc.boolean(), tenPercent: fc.boolean(), officer: fc.option(relationshipText, { nil: undefined }), other: fc.option(relationshipText, { nil: undefined }) })
    .filter((r) => r.director || r.tenPercent || r.officer !== undefined || r.other !== undefined),
});

function relationshipLine(r: OwnerSpec['relationship']): string {
  const items = [...(r.director ? ['Director'] : []), ...(r.tenPercent ? ['10% Owner'] : []), ...(r.officer !== undefined ? [`Officer (${r.officer})`] : []), ...(r.other !== undefined ? [`Other (${r.other})`] : [])];
  return `5. Relationship of Reporting Person(s) to Issuer: ${items.join(', ')}`;
}

const footnote = fc
  .array(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...PROSE) }, { weight: 1, arbitrary: fc.constantFrom(...SPECIALS) }, { weight: 1, arbitrary: date }, { weight: 1, arbitrary: price }), { minLength: 3, maxLength: 40 })
  .map((w) => `${join(w).replace(/^./, (c) => c.toUpperCase())}.`);

// ---- the draft -------------------------------------------------------------------------------------------

/** A valid draft, and the facts it was made from. */
export const draftArbitrary: fc.Arbitrary<GeneratedDraft> = fc
  .record({
    owners: fc.uniqueArray(owner, { minLength: 1, maxLength: 3, selector: (o) => o.cik.replace(/^0+/, '') }),
    issuer: fc.record({
      name: phrase(['Qualys', 'Inc.', 'Acme', 'Holdings', 'Corp.', 'Société', 'Générale', '&', 'Co.', 'Ltd.', 'Group', 'Therapeutics'], 1, 4, 150),
      ticker: fc.array(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), { minLength: 1, maxLength: 5 }).map((c) => c.join('')),
      cik: digits(10, 10),
    }),
    box3: date,
    box4: fc.option(date, { freq: 4, nil: undefined }),
    exit: fc.option(fc.boolean(), { freq: 3, nil: undefined }),
    tenB51: fc.option(fc.boolean(), { freq: 2, nil: undefined }),
    tableI: fc.array(rowI, { maxLength: 5 }),
    tableII: fc.array(rowII, { maxLength: 4 }),
    footnotes: fc.array(footnote, { minLength: 1, maxLength: 6 }),
    refSeed: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 40, maxLength: 40 }),
    remarks: fc.option(footnote, { freq: 4, nil: undefined }),
    signatures: fc.array(fc.record({ name: fc.tuple(fc.constantFrom(...FIRST), fc.constantFrom(...NAMES)).map(([f, l]) => `${f} ${l}`), date }), { minLength: 1, maxLength: 2 }),
  })
  .filter((d) => d.tableI.length + d.tableII.length > 0 || d.exit === true)
  .map((d): GeneratedDraft => {
    const rows = [...d.tableI, ...d.tableII];
    const footnoteCount = rows.length === 0 ? 0 : d.footnotes.length;
    // References: every blank cm(8) cell gets one, other cells some; then every footnote is referred to.
    let seed = 0;
    const next = (): number => d.refSeed[seed++ % d.refSeed.length] ?? 0;
    const refs: number[][][] = rows.map((r) => r.values.map(() => []));
    const used = new Set<number>();
    rows.forEach((r, i) => {
      const add = (column: number, id: number): void => {
        const list = refs[i]?.[column];
        if (list && !list.includes(id)) list.push(id);
        used.add(id);
      };
      if (footnoteCount === 0) return;
      for (const column of r.mustRef) add(column, (next() % footnoteCount) + 1);
      for (const column of r.mayRef) if (next() % 7 === 0) add(column, (next() % footnoteCount) + 1);
    });
    for (let id = 1; id <= footnoteCount; id++) if (!used.has(id)) refs[0]?.[0]?.push(id);
    const rowSpecs: RowSpec[] = rows.map((r, i) => ({ table: r.table, kind: r.kind, cells: r.values.map((v, c) => cell(v, refs[i]?.[c] ?? [])) }));
    const spec: DraftSpec = {
      owners: d.owners,
      issuer: d.issuer,
      box3: d.box3,
      box4: d.box4,
      exit: d.exit,
      tenB51: d.tenB51,
      rows: rowSpecs,
      footnotes: d.footnotes.slice(0, footnoteCount),
      remarks: d.remarks,
      signatures: d.signatures,
    };
    return { text: render(spec), spec };
  });

const TABLE_I_HEADER = [
  'Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned',
  '',
  '| Title | Date | Deemed | Code | V | Amount | (A) or (D) | Price | Owned After | D/I | Nature |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
];
const TABLE_II_HEADER = [
  'Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned',
  '',
  '| Title | Exercise Price | Date | Deemed | Code | V | (A) | (D) | Date Exercisable | Expiration Date | Underlying Title | Underlying Amount | Price | Owned After | D/I | Nature |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
];

/** The draft text of a spec. */
export function render(spec: DraftSpec): string {
  const lines: string[] = ['FORM 4', ''];
  if (spec.exit !== undefined) lines.push(`${spec.exit ? '[x]' : '[ ]'} Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue.`);
  for (const o of spec.owners) {
    lines.push(`1. Name and Address of Reporting Person: ${o.name}`, `   CIK: ${o.cik}`);
    if (o.address) {
      if (o.address.street !== undefined) lines.push(`   Street: ${o.address.street}`);
      lines.push(`   City: ${o.address.city}`, `   State: ${o.address.state}`, `   ZIP: ${o.address.zip}`);
    }
  }
  lines.push(`2. Issuer Name and Ticker or Trading Symbol: ${spec.issuer.name} [${spec.issuer.ticker}]`, `   CIK: ${spec.issuer.cik}`);
  lines.push(`3. Date of Earliest Transaction: ${spec.box3}`);
  if (spec.box4 !== undefined) lines.push(`4. If Amendment, Date of Original Filed: ${spec.box4}`);
  for (const o of spec.owners) lines.push(relationshipLine(o.relationship));
  lines.push(`6. Individual or Joint/Group Filing: ${spec.owners.length > 1 ? 'Form filed by More than One Reporting Person' : 'Form filed by One Reporting Person'}`);
  if (spec.tenB51 !== undefined) lines.push(`Rule 10b5-1(c) Transaction Indication: ${spec.tenB51 ? '[x]' : '[ ]'}`);
  lines.push('');
  const one = spec.rows.filter((r) => r.table === 'I');
  const two = spec.rows.filter((r) => r.table === 'II');
  if (one.length > 0) lines.push(...TABLE_I_HEADER, ...one.map((r) => `| ${r.cells.join(' | ')} |`), '');
  if (two.length > 0) lines.push(...TABLE_II_HEADER, ...two.map((r) => `| ${r.cells.join(' | ')} |`), '');
  if (spec.footnotes.length > 0) lines.push('Explanation of Responses:', '', ...spec.footnotes.map((f, i) => `(${i + 1}) ${f}`), '');
  if (spec.remarks !== undefined) lines.push(`Remarks: ${spec.remarks}`, '');
  for (const s of spec.signatures) lines.push(`/s/ ${s.name}`, '', s.date, '');
  return lines.join('\n');
}
