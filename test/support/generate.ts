/**
 * Test support: realistic Form 4 drafts of any size, deterministic from a seed, for the benchmark
 * (test/bench) and for property and fuzz tests.
 *
 * A generated draft is what an insider's filing agent writes, only longer: a complete header
 * (boxes 1 to 6 and the Rule 10b5-1(c) line), then Table I and Table II rows made of events that
 * reconcile:
 * - option exercises under a 10b5-1 plan: Table II M disposing of the options, Table I M
 *   acquiring the shares at the exercise price, then same-day sales (S) at weighted-average
 *   prices whose footnote gives the range and the undertaking;
 * - RSU vests: Table II M, Table I M at $0, then F withholding part of it;
 * - plan sales, purchases by the spouse, sales by the trust;
 * - gifts: G, D, $0 from the direct holding, and G, A, $0 into the trust holding (I, By Trust);
 * - new option grants (Table II A); with `tables: 'I'`, restricted stock awards (A then F);
 * - holdings rows for positions with no transaction.
 * Each amount owned follows from the previous row of its holding, footnotes are numbered in the
 * order they are first referred to and every one is referred to, and the draft is signed on the
 * second business day after the first transaction. So the draft checks clean: no finding at all
 * but `too-many-rows` (EDGAR's limit of 30 rows per table, which a large draft exceeds by design).
 *
 * `broken` plants errors in a fraction of rows, each chosen so that it makes exactly one finding
 * on its own row (listed in `planted`), for fuzz tests that check recall and precision together.
 *
 * Nothing here imports the product: the generator must not share the checker's mistakes.
 */

export type GeneratedTables = 'both' | 'I' | 'II';

/** An error the generator can plant, by the rule that must report it. */
export type BrokenKind =
  | 'invalid-number'
  | 'invalid-date'
  | 'unknown-code'
  | 'invalid-choice'
  | 'row-shape'
  | 'missing-value'
  | 'weighted-average'
  | 'gift-price'
  | 'holdings-mismatch';

export const BROKEN_KINDS: readonly BrokenKind[] = [
  'invalid-number', 'invalid-date', 'unknown-code', 'invalid-choice', 'row-shape', 'missing-value', 'weighted-average', 'gift-price', 'holdings-mismatch',
];

/** The rule each planted error makes a finding of. */
export const RULE_OF_KIND: Readonly<Record<BrokenKind, string>> = {
  'invalid-number': 'invalid-number',
  'invalid-date': 'invalid-date',
  'unknown-code': 'unknown-code',
  'invalid-choice': 'invalid-choice',
  'row-shape': 'row-shape',
  'missing-value': 'missing-value',
  'weighted-average': 'weighted-average',
  'gift-price': 'code-direction',
  'holdings-mismatch': 'holdings-mismatch',
};

export interface GenerateOptions {
  /** Data rows in all, both tables together (holdings rows included). */
  readonly rows: number;
  /** Any integer; the same seed and options give the same draft. Default 1. */
  readonly seed?: number;
  /** Which tables to fill. Default 'both'. */
  readonly tables?: GeneratedTables;
  /** Plant errors in about `fraction` of the rows (at least one when above 0), of these kinds. */
  readonly broken?: { readonly fraction: number; readonly kinds?: readonly BrokenKind[] };
}

/** What a generated row is, for tests and benchmarks that edit or break rows. */
export type RowRole =
  | 'exercise-option' | 'exercise-shares' | 'sale' | 'trust-sale' | 'purchase'
  | 'vest-units' | 'vest-shares' | 'withholding' | 'gift-given' | 'gift-received'
  | 'award' | 'grant' | 'holding';

export interface GeneratedRow {
  readonly table: 'I' | 'II';
  /** 0-based line of the row in `text`. */
  readonly line: number;
  readonly role: RowRole;
  /** The row's cells as written (11 or 16, fewer for a planted `row-shape`). */
  readonly cells: readonly string[];
}

export interface PlantedError {
  readonly kind: BrokenKind;
  /** The rule whose finding the error makes. */
  readonly rule: string;
  readonly table: 'I' | 'II';
  /** 0-based line of the broken row in `text`. */
  readonly line: number;
}

export interface GeneratedDraft {
  readonly text: string;
  readonly header: readonly string[];
  readonly tableI: readonly string[];
  readonly tableII: readonly string[];
  readonly footnotes: readonly string[];
  readonly signature: readonly string[];
  /** Every data row, Table I then Table II, in the order of the text. */
  readonly rows: readonly GeneratedRow[];
  readonly planted: readonly PlantedError[];
  /** MM/DD/YYYY */
  readonly transactionDates: readonly string[];
  readonly signatureDate: string;
}

// ---- randomness --------------------------------------------------------------------------------

/** A small seeded generator (32-bit state, xorshift steps mixed by a multiply). */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = (Math.imul(seed | 0, 0x9e3779b1) ^ 0x5bd1e995) >>> 0 || 0x1234567;
  }

  /** A float in [0, 1). */
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return (Math.imul(this.state, 0x2c1b3c6d) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---- formatting --------------------------------------------------------------------------------

function withCommas(n: number): string {
  const s = String(n);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (i > 0 && (s.length - i) % 3 === 0) out += ',';
    out += s[i];
  }
  return out;
}

/** Money held as an integer number of ten-thousandths of a dollar. */
function money(tenThousandths: number, decimals: 2 | 4): string {
  const dollars = Math.floor(tenThousandths / 10_000);
  const fraction = String(tenThousandths % 10_000).padStart(4, '0').slice(0, decimals);
  return `$${withCommas(dollars)}.${fraction}`;
}

interface Day {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

function addDays(day: Day, n: number): Day {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function mdy(day: Day): string {
  return `${String(day.m).padStart(2, '0')}/${String(day.d).padStart(2, '0')}/${day.y}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function prose(day: Day): string {
  return `${MONTHS[day.m - 1]} ${day.d}, ${day.y}`;
}

// ---- the people and the issuer -----------------------------------------------------------------

const LAST = ['Halvorsen', 'Okafor', 'Lindqvist', 'Marchetti', 'Achebe', 'Whitcombe', 'Tanaka', 'Delacroix', 'Brennan', 'Castellanos'];
const FIRST = ['Margaret', 'Daniel', 'Priya', 'Thomas', 'Elena', 'Robert', 'Aiko', 'Samuel', 'Grace', 'Martin'];
const MIDDLE = ['A', 'J', 'K', 'L', 'R', 'T', ''];
const ISSUERS: readonly (readonly [string, string, string, string])[] = [
  ['NORTHWIND SYSTEMS, INC.', 'NWND', '400 HARBOR WAY', 'SAN MATEO, CA 94401'],
  ['BLUE HERON THERAPEUTICS, INC.', 'BHRN', '75 BINNEY STREET', 'CAMBRIDGE, MA 02142'],
  ['CASCADE LOGISTICS CORP', 'CSLG', '1200 FIFTH AVENUE', 'SEATTLE, WA 98101'],
  ['GRANITE PEAK SOFTWARE, INC.', 'GPSW', '3300 N. CAPITAL OF TEXAS HWY', 'AUSTIN, TX 78746'],
  ['MERIDIAN FOODS CO', 'MRDF', '18 WACKER DRIVE', 'CHICAGO, IL 60606'],
];
const TITLES = ['Chief Executive Officer', 'Chief Financial Officer', 'EVP, Worldwide Field Operations', 'Chief Legal Officer', 'SVP, Engineering', 'Chief Operating Officer'];

// ---- the draft's rows, before footnote numbers and balances are known --------------------------

/** A cell: its text, then footnote keys (numbered later, in order of first reference). */
interface CellModel {
  text: string;
  refs: string[];
}

interface RowModel {
  readonly table: 'I' | 'II';
  readonly role: RowRole;
  readonly cells: CellModel[];
  /** The holding the row belongs to and the signed change it makes to it. */
  readonly holding: string;
  readonly change: number;
  /** Index of the transaction date in the draft's dates (none for a holdings row). */
  readonly date?: number;
  /** Filled in when balances are worked out. */
  owned?: number;
  /** For sales: the range its price must stay in, in ten-thousandths. */
  range?: { low: number; high: number };
  broken?: BrokenKind;
}

const c = (text: string, ...refs: string[]): CellModel => ({ text, refs });

interface Holding {
  /** Rows of the table the holding lives in, for its balance and its holdings row. */
  readonly title: string;
  readonly table: 'I' | 'II';
  readonly form: 'D' | 'I';
  readonly nature: CellModel;
  /** Table II: the option's or unit's terms. */
  readonly terms?: { price: CellModel; exercisable: CellModel; expiration: CellModel };
  /** What is held beyond what the rows need (so that no row disposes of more than was held). */
  cushion: number;
}

const COMMON = 'Common Stock';

class Builder {
  readonly rowsI: RowModel[] = [];
  readonly rowsII: RowModel[] = [];
  readonly holdings = new Map<string, Holding>();
  readonly footnoteText = new Map<string, string>();
  readonly dates: Day[];
  /** Per date and band: the weighted-average ranges, in ten-thousandths. */
  readonly bands: { low: number; high: number }[][];
  readonly closing: number[];
  readonly optionSeries: string[] = [];
  readonly rsuSeries: string[] = [];
  private grants = 0;

  constructor(readonly random: Random, readonly monday: Day, readonly planAdopted: Day, readonly issuerShort: string, readonly trustName: string) {
    this.dates = [monday, addDays(monday, 1), addDays(monday, 2)];
    const base = random.int(15, 240) * 10_000 + random.int(0, 99) * 100;
    this.closing = [];
    this.bands = this.dates.map((_, i) => {
      const dayBase = base + i * random.int(-150, 150) * 100;
      this.closing.push(dayBase + random.int(0, 80) * 100);
      const count = random.int(3, 6);
      const bands: { low: number; high: number }[] = [];
      for (let b = 0; b < count; b++) {
        const low = dayBase + b * random.int(40, 90) * 100;
        bands.push({ low, high: low + random.int(25, 100) * 100 }); // at most $1.00 wide
      }
      return bands;
    });
    this.footnoteText.set('plan', `The transactions reported on this Form 4 were effected pursuant to a Rule 10b5-1 trading plan adopted by the Reporting Person on ${prose(planAdopted)}.`);
    this.footnoteText.set('rsu', 'Each restricted stock unit represents a contingent right to receive one share of the Issuer\'s common stock.');
    this.footnoteText.set('withholding', 'Represents shares withheld by the Issuer to satisfy tax withholding obligations in connection with the vesting and settlement of restricted stock units.');
    this.footnoteText.set('award-withholding', 'Represents shares withheld by the Issuer to satisfy tax withholding obligations upon the vesting of restricted stock.');
    this.footnoteText.set('gift', `The Reporting Person made a bona fide gift of these shares, for no consideration, to ${trustName}.`);
    this.footnoteText.set('trust', `The shares are held by ${trustName}, of which the Reporting Person and the Reporting Person's spouse are trustees.`);
    this.footnoteText.set('401k', `Represents shares held in the ${issuerShort} 401(k) Plan, based on a plan statement dated ${prose(addDays(monday, -31))}.`);
    this.footnoteText.set('llc', 'The shares are held by an LLC of which the Reporting Person is the sole managing member. The Reporting Person disclaims beneficial ownership of these shares except to the extent of the Reporting Person\'s pecuniary interest therein.');
    this.footnoteText.set('spouse', 'The shares are held directly by the Reporting Person\'s spouse. The Reporting Person disclaims beneficial ownership of these shares except to the extent of the Reporting Person\'s pecuniary interest therein.');
    for (const [i, bands] of this.bands.entries()) {
      for (const [b, band] of bands.entries()) {
        this.footnoteText.set(`wa:${i}:${b}`, `The price reported in Column 4 is a weighted average price. These shares were sold in multiple transactions at prices ranging from ${money(band.low, 2)} to ${money(band.high, 2)}, inclusive. The Reporting Person undertakes to provide to the Issuer, any security holder of the Issuer, or the staff of the Securities and Exchange Commission, upon request, full information regarding the number of shares sold at each separate price within the range set forth in this footnote.`);
      }
    }
  }

  holding(key: string, make: () => Holding): string {
    if (!this.holdings.has(key)) this.holdings.set(key, make());
    return key;
  }

  direct(): string {
    return this.holding('I:direct', () => ({ title: COMMON, table: 'I', form: 'D', nature: c(''), cushion: this.random.int(5, 400) * 250 }));
  }

  trust(): string {
    return this.holding('I:trust', () => ({ title: COMMON, table: 'I', form: 'I', nature: c('By Trust', 'trust'), cushion: this.random.int(2, 80) * 500 }));
  }

  spouse(): string {
    return this.holding('I:spouse', () => ({ title: COMMON, table: 'I', form: 'I', nature: c('By Spouse', 'spouse'), cushion: this.random.int(1, 40) * 100 }));
  }

  /** Exercise price and expiration of each option holding, to keep holdings apart. */
  private readonly optionTerms = new Set<string>();

  /** An option grant: its exercise price, dates and remaining options; `fresh` is granted now. */
  option(index: number, fresh = false): string {
    const key = `II:option:${index}`;
    return this.holding(key, () => {
      const price = this.random.int(500, 30_000) * 100;
      const granted = fresh ? this.monday : addDays(this.monday, -this.random.int(400, 3_000));
      let expiration = addDays(granted, 3_650);
      while (this.optionTerms.has(`${price}:${mdy(expiration)}`)) expiration = addDays(expiration, -1);
      this.optionTerms.add(`${price}:${mdy(expiration)}`);
      return {
        title: 'Stock Option (right to buy)', table: 'II', form: 'D', nature: c(''),
        terms: { price: c(money(price, 2)), exercisable: c(mdy(addDays(granted, 365))), expiration: c(mdy(expiration)) },
        cushion: fresh ? 0 : this.random.int(0, 120) * 500,
      };
    });
  }

  rsu(index: number): string {
    const key = `II:rsu:${index}`;
    return this.holding(key, () => {
      const start = addDays(this.monday, -365 * this.random.int(1, 3));
      const schedule = this.random.pick(['four equal annual', 'sixteen equal quarterly', 'three equal annual']);
      this.footnoteText.set(`vest:${index}`, `The restricted stock units vest in ${schedule} installments beginning on ${prose(start)}, subject to the Reporting Person's continued service through each vesting date. Restricted stock units have no expiration date.`);
      return {
        title: 'Restricted Stock Units', table: 'II', form: 'D', nature: c(''),
        terms: { price: c('', 'rsu'), exercisable: c('', `vest:${index}`), expiration: c('', `vest:${index}`) },
        cushion: this.random.int(1, 60) * 250,
      };
    });
  }

  rowI(role: RowRole, holding: string, date: number, code: CellModel, shares: number, direction: 'A' | 'D', price: CellModel): RowModel {
    const h = this.holdings.get(holding) as Holding;
    const row: RowModel = {
      table: 'I', role, holding, date, change: direction === 'A' ? shares : -shares,
      cells: [c(h.title), c(mdy(this.dates[date] as Day)), c(''), code, c(''), c(withCommas(shares)), c(direction), price, c(''), c(h.form), { ...h.nature, refs: [...h.nature.refs] }],
    };
    this.rowsI.push(row);
    return row;
  }

  rowII(role: RowRole, holding: string, date: number, code: CellModel, shares: number, direction: 'A' | 'D'): RowModel {
    const h = this.holdings.get(holding) as Holding;
    const t = h.terms as NonNullable<Holding['terms']>;
    const row: RowModel = {
      table: 'II', role, holding, date, change: direction === 'A' ? shares : -shares,
      cells: [
        c(h.title), { ...t.price }, c(mdy(this.dates[date] as Day)), c(''), code, c(''),
        c(direction === 'A' ? withCommas(shares) : ''), c(direction === 'D' ? withCommas(shares) : ''),
        { ...t.exercisable }, { ...t.expiration }, c(COMMON), c(withCommas(shares)), c('$0'), c(''), c(h.form), { ...h.nature },
      ],
    };
    this.rowsII.push(row);
    return row;
  }

  private readonly drawn = new Map<string, Set<number>>();

  /**
   * A value not drawn before for `bucket`: two rows identical in every cell are a finding
   * (duplicate-row), and an exercise sold the same day brings the balance back where it was,
   * so amounts are kept apart per date and security. Gives up after a few tries on a full bucket.
   */
  fresh(bucket: string, draw: () => number): number {
    let used = this.drawn.get(bucket);
    if (!used) this.drawn.set(bucket, (used = new Set()));
    let value = draw();
    for (let i = 0; i < 64 && used.has(value); i++) value = draw();
    used.add(value);
    return value;
  }

  /** A sale at a weighted-average price strictly inside one of the day's ranges. */
  sale(holding: string, date: number, shares: number, role: RowRole = 'sale'): void {
    const bands = this.bands[date] as { low: number; high: number }[];
    const b = this.random.int(0, bands.length - 1);
    const band = bands[b] as { low: number; high: number };
    // Two ten-thousandths inside each end, so that an edit of the last digit stays in the range.
    const price = this.fresh(`s:${date}:${b}:${shares}`, () => band.low + 2 + this.random.int(0, band.high - band.low - 4));
    const row = this.rowI(role, holding, date, c('S', 'plan'), shares, 'D', c(money(price, 4), `wa:${date}:${b}`));
    row.range = band;
  }

  exercise(date: number, lots: number): void {
    const option = this.random.pick(this.optionSeries);
    const price = this.holdings.get(option)?.terms?.price.text ?? '$0';
    const shares = this.fresh(`x:${date}:${price}`, () => this.random.int(2, 2_000) * 10);
    this.rowII('exercise-option', option, date, c('M', 'plan'), shares, 'D');
    this.rowI('exercise-shares', this.direct(), date, c('M', 'plan'), shares, 'A', c(price));
    let left = shares;
    for (let i = 0; i < lots; i++) {
      const lot = i === lots - 1 ? left : Math.max(1, Math.floor((left * this.random.int(30, 60)) / 100));
      left -= lot;
      this.sale(this.direct(), date, lot);
    }
  }

  vest(date: number): void {
    const series = this.random.int(0, this.rsuSeries.length - 1);
    const units = this.fresh(`v:${date}`, () => this.random.int(20, 6_000));
    const withheld = this.fresh(`f:${date}`, () => Math.max(1, Math.floor((units * this.random.int(28, 45)) / 100)));
    this.rowII('vest-units', this.rsuSeries[series] as string, date, c('M'), units, 'D');
    this.rowI('vest-shares', this.direct(), date, c('M'), units, 'A', c('$0'));
    this.rowI('withholding', this.direct(), date, c('F', 'withholding'), withheld, 'D', c(money(this.closing[date] as number, 2)));
  }

  award(date: number): void {
    const shares = this.fresh(`a:${date}`, () => this.random.int(20, 6_000));
    const withheld = this.fresh(`f:${date}`, () => Math.max(1, Math.floor((shares * this.random.int(28, 45)) / 100)));
    this.rowI('award', this.direct(), date, c('A'), shares, 'A', c('$0'));
    this.rowI('withholding', this.direct(), date, c('F', 'award-withholding'), withheld, 'D', c(money(this.closing[date] as number, 2)));
  }

  gift(date: number): void {
    const shares = this.fresh(`g:${date}`, () => this.random.int(1, 2_000) * 5);
    this.rowI('gift-given', this.direct(), date, c('G', 'gift'), shares, 'D', c('$0'));
    this.rowI('gift-received', this.trust(), date, c('G', 'gift'), shares, 'A', c('$0'));
  }

  purchase(date: number): void {
    const price = (this.closing[date] as number) + this.random.int(-50, 50) * 100;
    this.rowI('purchase', this.spouse(), date, c('P'), this.fresh(`p:${date}:${price}`, () => this.random.int(1, 1_000) * 5), 'A', c(money(price, 2)));
  }

  grant(date: number, units: boolean): void {
    if (units) {
      const series = this.random.int(0, this.rsuSeries.length - 1);
      this.rowII('grant', this.rsuSeries[series] as string, date, c('A'), this.fresh(`u:${date}:${series}`, () => this.random.int(10, 20_000) * 5), 'A');
      return;
    }
    // A new option grant: a holding of its own (its own exercise price and dates).
    const option = this.option(1_000 + this.grants++, true);
    this.rowII('grant', option, date, c('A'), this.random.int(10, 2_000) * 10, 'A');
  }

  /** A holdings row: title, amount owned, ownership form and nature; the rest empty. */
  holdingRow(key: string): RowModel {
    const h = this.holdings.get(key) as Holding;
    if (h.table === 'I') {
      const row: RowModel = { table: 'I', role: 'holding', holding: key, change: 0, cells: [c(h.title), c(''), c(''), c(''), c(''), c(''), c(''), c(''), c(''), c(h.form), { ...h.nature }] };
      this.rowsI.push(row);
      return row;
    }
    const t = h.terms as NonNullable<Holding['terms']>;
    const row: RowModel = {
      table: 'II', role: 'holding', holding: key, change: 0,
      cells: [c(h.title), { ...t.price }, c(''), c(''), c(''), c(''), c(''), c(''), { ...t.exercisable }, { ...t.expiration }, c(COMMON), c(''), c(''), c(''), c(h.form), { ...h.nature }],
    };
    this.rowsII.push(row);
    return row;
  }
}

// ---- the events, and the numbers that follow from them -----------------------------------------

type EventKind = 'exercise' | 'vest' | 'sale' | 'trust-sale' | 'gift' | 'purchase' | 'award' | 'grant-option' | 'grant-units';

/** The rows an event takes (an exercise, its two rows: its sales come on top). */
const SIZE: Readonly<Record<EventKind, number>> = { exercise: 2, vest: 3, sale: 1, 'trust-sale': 1, gift: 2, purchase: 1, award: 2, 'grant-option': 1, 'grant-units': 1 };

const MIX: Readonly<Record<GeneratedTables, readonly (readonly [EventKind, number, number])[]>> = {
  // kind, weight, the fewest rows it takes
  both: [['exercise', 30, 3], ['vest', 22, 3], ['sale', 20, 1], ['gift', 10, 2], ['purchase', 6, 1], ['trust-sale', 7, 1], ['grant-option', 5, 1]],
  I: [['sale', 45, 1], ['award', 20, 2], ['gift', 15, 2], ['purchase', 10, 1], ['trust-sale', 10, 1]],
  II: [['grant-option', 50, 1], ['grant-units', 50, 1]],
};

function pickEvent(random: Random, tables: GeneratedTables, room: number): EventKind {
  const fitting = MIX[tables].filter(([, , size]) => size <= room);
  const choices = fitting.length > 0 ? fitting : MIX[tables].filter(([kind]) => kind === 'sale' || kind === 'grant-option');
  const total = choices.reduce((n, [, w]) => n + w, 0);
  let r = random.next() * total;
  for (const [kind, w] of choices) {
    r -= w;
    if (r < 0) return kind;
  }
  return (choices[0] as readonly [EventKind, number, number])[0];
}

/** Whether a and b are the same digits with two neighbours swapped (the checker warns of it). */
function transposed(a: number, b: number): boolean {
  const x = String(a);
  const y = String(b);
  if (x === y || x.length !== y.length) return false;
  const diff = [...x].map((ch, i) => (ch === y[i] ? -1 : i)).filter((i) => i !== -1);
  return diff.length === 2 && diff[1] === (diff[0] as number) + 1 && x[diff[0] as number] === y[diff[1] as number] && x[diff[1] as number] === y[diff[0] as number];
}

/** Works out each row's amount owned: every holding starts with what its rows need plus a cushion. */
function settleBalances(b: Builder): void {
  for (const rows of [b.rowsI, b.rowsII]) {
    const byHolding = new Map<string, RowModel[]>();
    for (const r of rows) {
      const list = byHolding.get(r.holding);
      if (list) list.push(r);
      else byHolding.set(r.holding, [r]);
    }
    for (const [key, list] of byHolding) {
      const h = b.holdings.get(key) as Holding;
      let sum = 0;
      let lowest = 0;
      for (const r of list) {
        sum += r.change;
        lowest = Math.min(lowest, sum);
      }
      let start = -lowest + h.cushion;
      const first = list[0] as RowModel;
      while (first.change > 0 && transposed(first.change, start + first.change)) start += 1;
      let owned = start;
      for (const r of list) {
        owned += r.change;
        r.owned = owned;
      }
      if (list.every((r) => r.role === 'holding') && owned === 0) for (const r of list) r.owned = h.cushion || 1_000;
    }
  }
}

// ---- broken rows ---------------------------------------------------------------------------------

const KINDS_BY_ROLE: Partial<Record<RowRole, readonly BrokenKind[]>> = {
  sale: ['invalid-number', 'invalid-date', 'unknown-code', 'invalid-choice', 'row-shape', 'missing-value', 'weighted-average', 'holdings-mismatch'],
  'trust-sale': ['invalid-number', 'invalid-date', 'unknown-code', 'invalid-choice', 'missing-value', 'weighted-average', 'holdings-mismatch'],
  'gift-given': ['gift-price', 'holdings-mismatch'],
  purchase: ['invalid-number', 'invalid-date', 'unknown-code', 'missing-value', 'holdings-mismatch'],
  grant: ['invalid-number', 'invalid-date', 'unknown-code', 'missing-value'],
};

function plant(b: Builder, random: Random, fraction: number, kinds: readonly BrokenKind[], total: number): void {
  const all = [...b.rowsI, ...b.rowsII];
  const seen = new Set<string>();
  const candidates = all.filter((r) => {
    const firstOfHolding = !seen.has(r.holding);
    seen.add(r.holding);
    return (KINDS_BY_ROLE[r.role] ?? []).some((k) => kinds.includes(k) && (k !== 'holdings-mismatch' || !firstOfHolding));
  });
  let wanted = Math.min(candidates.length, Math.max(1, Math.round(total * fraction)));
  // A holdings mismatch shifts the rest of its holding; a broken neighbour would hide it.
  const taken = new Set<RowModel>();
  const firstOf = new Map<string, RowModel>();
  for (const r of all) if (!firstOf.has(r.holding)) firstOf.set(r.holding, r);
  while (wanted > 0 && candidates.length > 0) {
    const i = random.int(0, candidates.length - 1);
    const row = candidates[i] as RowModel;
    candidates.splice(i, 1);
    const options = (KINDS_BY_ROLE[row.role] ?? []).filter((k) => kinds.includes(k) && (k !== 'holdings-mismatch' || firstOf.get(row.holding) !== row));
    if (options.length === 0 || taken.has(row)) continue;
    row.broken = random.pick(options);
    taken.add(row);
    wanted--;
  }
  // A holdings mismatch is seen only against a previous row whose amount owned is read: not
  // one with a blank amount owned, nor one forgotten behind a damaged row (the checker restarts
  // every holding after a row of the wrong shape). Such a mismatch becomes an error of a kind
  // that needs no neighbour, or is not planted.
  const harmless = kinds.filter((k) => k !== 'holdings-mismatch' && k !== 'row-shape' && k !== 'missing-value');
  for (const rows of [b.rowsI, b.rowsII]) {
    const last = new Map<string, { row: RowModel; at: number }>();
    let damagedAt = -1;
    rows.forEach((r, i) => {
      if (r.broken === 'holdings-mismatch') {
        const previous = last.get(r.holding);
        const seen = previous !== undefined && previous.row.broken !== 'missing-value' && previous.at > damagedAt;
        if (!seen) {
          const instead = harmless.filter((k) => KINDS_BY_ROLE[r.role]?.includes(k));
          r.broken = instead.length > 0 ? random.pick(instead) : undefined;
        }
      }
      if (r.broken === 'row-shape') damagedAt = i;
      last.set(r.holding, { row: r, at: i });
    });
  }
  // Apply in table order, so that a shifted balance carries on to the later rows of its holding.
  for (const rows of [b.rowsI, b.rowsII]) {
    const shift = new Map<string, number>();
    for (const r of rows) {
      const s = shift.get(r.holding) ?? 0;
      if (r.broken === 'holdings-mismatch') {
        const more = s + random.int(1, 9) * 100 + 1;
        shift.set(r.holding, more);
      }
      r.owned = (r.owned ?? 0) + (shift.get(r.holding) ?? 0);
    }
  }
}

/** Changes the cells of a row to carry its planted error. */
function breakCells(row: RowModel): CellModel[] {
  const cells = row.cells.map((cell) => ({ text: cell.text, refs: [...cell.refs] }));
  const I = row.table === 'I';
  const amount = cells[I ? 5 : 6] as CellModel;
  switch (row.broken) {
    case 'invalid-number': {
      const n = Number(amount.text.replace(/,/g, ''));
      amount.text = n >= 100 ? `${Math.floor(n / 100)},${String(n % 100).padStart(2, '0')}` : `${n},0`;
      break;
    }
    case 'invalid-date': {
      const date = cells[I ? 1 : 2] as CellModel;
      date.text = date.text.replace(/^(\d\d)\/\d\d\//, '$1/32/');
      break;
    }
    case 'unknown-code':
      (cells[I ? 3 : 4] as CellModel).text = 'Q';
      break;
    case 'invalid-choice':
      (cells[6] as CellModel).text = 'Sold';
      break;
    case 'row-shape':
      cells.splice(4, 1);
      break;
    case 'missing-value':
      (cells[I ? 8 : 13] as CellModel).text = '';
      break;
    case 'weighted-average': {
      const price = cells[7] as CellModel;
      const high = row.range?.high ?? 0;
      price.text = money(high + 2_500, 4);
      break;
    }
    case 'gift-price':
      (cells[7] as CellModel).text = '$25.00';
      break;
    default:
      break;
  }
  return cells;
}

// ---- the whole draft -----------------------------------------------------------------------------

const TABLE_I_TITLES = '| 1. Title of Security | 2. Transaction Date | 2A. Deemed Execution Date, if any | 3. Transaction Code | V | 4. Amount | (A) or (D) | Price | 5. Amount Beneficially Owned Following Reported Transaction(s) | 6. Ownership Form: Direct (D) or Indirect (I) | 7. Nature of Indirect Beneficial Ownership |';
const TABLE_II_TITLES = '| 1. Title of Derivative Security | 2. Conversion or Exercise Price | 3. Transaction Date | 3A. Deemed Execution Date | 4. Code | V | 5. Number Acquired (A) | 5. Number Disposed of (D) | 6. Date Exercisable | 6. Expiration Date | 7. Title of Underlying Security | 7. Amount of Underlying Securities | 8. Price of Derivative Security | 9. Number Owned Following Reported Transaction(s) | 10. Ownership Form (D/I) | 11. Nature of Indirect Beneficial Ownership |';

/** A Monday in March, April or August (months without a federal holiday) whose Wednesday is in the same month. */
function pickMonday(random: Random): Day {
  const y = random.pick([2024, 2025]);
  const m = random.pick([3, 4, 8]);
  const mondays: Day[] = [];
  for (let d = 1; d <= 29; d++) {
    const day = { y, m, d };
    if (new Date(Date.UTC(y, m - 1, d)).getUTCDay() === 1 && addDays(day, 2).m === m) mondays.push(day);
  }
  return random.pick(mondays);
}

export function generateDraft(options: GenerateOptions): GeneratedDraft {
  const total = Math.max(0, Math.floor(options.rows));
  const tables = options.tables ?? 'both';
  const random = new Random(options.seed ?? 1);
  const monday = pickMonday(random);
  const [issuer, ticker, street, city] = random.pick(ISSUERS);
  const last = random.pick(LAST);
  const first = random.pick(FIRST);
  const middle = random.pick(MIDDLE);
  const issuerShort = issuer.replace(/,? (INC\.|CORP|CO)$/, '').replace(/\b([A-Z])([A-Z]+)\b/g, (_, a: string, b: string) => a + b.toLowerCase());
  const trustName = `the ${last} Family Trust`;
  const planAdopted = addDays(monday, -random.int(120, 300));
  const b = new Builder(random, monday, planAdopted, issuerShort, trustName);
  const seriesCount = total > 30 ? 4 : total > 8 ? 2 : 1;
  if (tables !== 'I') {
    for (let i = 0; i < seriesCount; i++) b.optionSeries.push(b.option(i));
    for (let i = 0; i < seriesCount; i++) b.rsuSeries.push(b.rsu(i));
  }

  // Positions held with no transaction, listed after the transactions of their table.
  const holdingsRows: string[] = [];
  if (tables !== 'II' && total >= 8) {
    holdingsRows.push(b.holding('I:401k', () => ({ title: COMMON, table: 'I', form: 'I', nature: c('By 401(k) Plan', '401k'), cushion: random.int(10, 900) * 10 })));
  }
  if (tables !== 'II' && total >= 20) {
    holdingsRows.push(b.holding('I:llc', () => ({ title: COMMON, table: 'I', form: 'I', nature: c(`By ${last} Holdings LLC`, 'llc'), cushion: random.int(10, 400) * 1_000 })));
  }
  if (tables !== 'I' && total >= 12) holdingsRows.push(b.option(99));

  // Events in date order: the first third of them on Monday, then Tuesday, then Wednesday.
  const budget = total - holdingsRows.length;
  const planned: { kind: EventKind; lots: number }[] = [];
  for (let used = 0; used < budget;) {
    const room = budget - used;
    const kind = pickEvent(random, tables, room);
    // An exercise is its two rows and one to three same-day sales.
    const lots = kind === 'exercise' ? Math.min(random.int(1, 3), room - 2) : 0;
    planned.push({ kind, lots });
    used += SIZE[kind] + lots;
  }
  const days = Math.min(3, Math.max(1, planned.length));
  planned.forEach(({ kind, lots }, i) => {
    const date = Math.floor((i * days) / planned.length);
    switch (kind) {
      case 'exercise': b.exercise(date, lots); break;
      case 'vest': b.vest(date); break;
      case 'sale': b.sale(b.direct(), date, random.int(1, 300) * 10); break;
      case 'trust-sale': b.sale(b.trust(), date, random.int(1, 100) * 10, 'trust-sale'); break;
      case 'gift': b.gift(date); break;
      case 'purchase': b.purchase(date); break;
      case 'award': b.award(date); break;
      case 'grant-option': b.grant(date, false); break;
      case 'grant-units': b.grant(date, true); break;
    }
  });
  for (const key of holdingsRows) b.holdingRow(key);
  settleBalances(b);
  if (options.broken && options.broken.fraction > 0) plant(b, random, options.broken.fraction, options.broken.kinds ?? BROKEN_KINDS, total);

  // Footnotes are numbered in the order they are first referred to, Table I then Table II.
  const numbers = new Map<string, number>();
  const cellsOf = (row: RowModel): CellModel[] => {
    const cells = row.broken ? breakCells(row) : row.cells.map((cell) => ({ text: cell.text, refs: [...cell.refs] }));
    const ownedAt = row.table === 'I' ? 8 : 13;
    const owned = cells.length === row.cells.length ? cells[ownedAt] : undefined;
    if (owned && !(row.broken === 'missing-value')) owned.text = withCommas(row.owned ?? 0);
    // A Table II holding gives the shares underlying what it holds.
    if (row.table === 'II' && row.role === 'holding') (cells[11] as CellModel).text = withCommas(row.owned ?? 0);
    if (row.broken === 'row-shape') {
      const shifted = cells[ownedAt - 1];
      if (shifted) shifted.text = withCommas(row.owned ?? 0);
    }
    return cells;
  };
  const render = (cells: CellModel[]): { line: string; texts: string[] } => {
    const texts = cells.map((cell) => {
      const refs = cell.refs.map((key) => {
        let n = numbers.get(key);
        if (n === undefined) {
          n = numbers.size + 1;
          numbers.set(key, n);
        }
        return `(${n})`;
      });
      return [cell.text, ...refs].filter((t) => t !== '').join(' ');
    });
    return { line: `| ${texts.join(' | ')} |`, texts };
  };
  const renderedI = b.rowsI.map((r) => ({ model: r, ...render(cellsOf(r)) }));
  const renderedII = b.rowsII.map((r) => ({ model: r, ...render(cellsOf(r)) }));

  // Box 3 is the earliest date the checker can read: a planted bad date or row shape hides one.
  const datesOf = (rows: RowModel[]): string[] => {
    const used = new Set(rows.map((r) => r.date).filter((d) => d !== undefined));
    return b.dates.filter((_, i) => used.has(i)).map(mdy);
  };
  const allRows = [...b.rowsI, ...b.rowsII];
  const usedDates = datesOf(allRows);
  const box3 = datesOf(allRows.filter((r) => r.broken !== 'invalid-date' && r.broken !== 'row-shape'))[0] ?? usedDates[0] ?? mdy(monday);
  const signed = addDays(monday, 2);
  const planUsed = numbers.has('plan');
  const relationship = random.chance(0.3) ? `Director, Officer (${random.pick(TITLES)})` : `Officer (${random.pick(TITLES)})`;
  const header = [
    `1. Name and Address of Reporting Person: ${last} ${first}${middle ? ` ${middle}` : ''}, C/O ${issuer}, ${street}, ${city}`,
    `2. Issuer Name and Ticker or Trading Symbol: ${issuer} [${ticker}]`,
    `3. Date of Earliest Transaction (Month/Day/Year): ${box3}`,
    '4. If Amendment, Date of Original Filed (Month/Day/Year):',
    `5. Relationship of Reporting Person(s) to Issuer: ${relationship}`,
    '6. Individual or Joint/Group Filing: Form filed by One Reporting Person',
    `Rule 10b5-1(c) Transaction Indication: [${planUsed ? 'x' : ' '}]`,
  ];
  const footnotes = [...numbers.entries()].sort((x, y) => x[1] - y[1]).map(([key, n]) => `(${n}) ${b.footnoteText.get(key) ?? ''}`);
  const signer = `${first}${middle ? ` ${middle}.` : ''} ${last}`;
  const signature = [random.chance(0.5) ? `/s/ ${signer}` : `/s/ ${random.pick(FIRST)} ${random.pick(LAST)}, by power of attorney for ${signer}`, '', mdy(signed), '', '** Signature of Reporting Person', '', 'Date'];

  const lines: string[] = [
    'FORM 4', '',
    'UNITED STATES SECURITIES AND EXCHANGE COMMISSION', '',
    'STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP', '',
    'Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934 or Section 30(h) of the Investment Company Act of 1940', '',
    '[ ] Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue. See Instruction 1(b).', '',
    ...header, '',
  ];
  const rows: GeneratedRow[] = [];
  const planted: PlantedError[] = [];
  const addTable = (heading: string, titles: string, columns: number, rendered: typeof renderedI): void => {
    lines.push(heading, '', titles, `|${'---|'.repeat(columns)}`);
    for (const r of rendered) {
      rows.push({ table: r.model.table, line: lines.length, role: r.model.role, cells: r.texts });
      if (r.model.broken) planted.push({ kind: r.model.broken, rule: RULE_OF_KIND[r.model.broken], table: r.model.table, line: lines.length });
      lines.push(r.line);
    }
    lines.push('');
  };
  if (tables !== 'II' || renderedI.length > 0) addTable('Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned', TABLE_I_TITLES, 11, renderedI);
  if (tables !== 'I' || renderedII.length > 0) addTable('Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned (e.g., puts, calls, warrants, options, convertible securities)', TABLE_II_TITLES, 16, renderedII);
  if (footnotes.length > 0) lines.push('Explanation of Responses:', '', ...footnotes, '');
  lines.push(...signature, '');
  return {
    text: lines.join('\n'),
    header,
    tableI: renderedI.map((r) => r.line),
    tableII: renderedII.map((r) => r.line),
    footnotes,
    signature,
    rows,
    planted,
    transactionDates: usedDates,
    signatureDate: mdy(signed),
  };
}
