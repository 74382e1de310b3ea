/**
 * Holdings chains. A holding is one line of ownership: same table, same title, same ownership
 * form and nature, same footnotes on the ownership cells, and in Table II the same exercise
 * price, expiration date and underlying title. Along a holding, each row's amount owned must
 * follow from the previous row's: previous + acquired, or − disposed.
 */
import { formatDate, formatIsoDate, sameDate } from '../model/calendarDate';
import { type Decimal, formatDecimal } from '../model/decimal';
import { type Field, type Filing, type TableRow, titleKey } from '../model/filing';

export interface HoldingStep {
  readonly row: TableRow;
  readonly key: string;
  /** The previous row of the same holding, if any. */
  readonly previous?: TableRow;
  /** What column 5/9 should say, when it can be computed from the previous row. */
  readonly expected?: Decimal;
  /** What the holding was before this row, from the previous row or worked back from this one. */
  readonly before?: Decimal;
  /** The amount this row adds (+) or removes (−), when known. */
  readonly change?: Decimal;
  /**
   * The row does not follow from its previous row but reads as a lot of its own: a Table II
   * transaction with the previous row's code and date whose amount owned follows from its own
   * amount (two grants of one option series exercised the same day, two series rows of one
   * preferred stock converted to 0). Then what it held before is `ownBefore`.
   */
  readonly ownBefore?: Decimal;
}

export interface Holdings {
  readonly steps: ReadonlyMap<TableRow, HoldingStep>;
  /** The next row of the same holding, when there is one. */
  readonly next: ReadonlyMap<TableRow, TableRow>;
}

function refIds(field: Field<unknown>): string {
  const refs = field.refs;
  if (refs.length === 0) return '';
  if (refs.length === 1) return String(refs[0]?.id);
  return refs.map((r) => r.id).sort((a, b) => a - b).join(',');
}

/** A footnoted-only value is told apart by its footnotes, a written one by its value. */
function valueKey(field: Field<unknown>, value: string | undefined): string {
  return value !== undefined ? value : field.text !== '' ? `?${titleKey(field.text)}` : `fn:${refIds(field)}`;
}

/** The holding a row belongs to, or undefined when the row cannot be placed (no title or form). */
export function holdingKey(row: TableRow): string | undefined {
  const title = row.securityTitle.value;
  const form = row.directOrIndirect.value;
  if (title === undefined || form === undefined) return undefined;
  const parts = [
    row.table,
    titleKey(title),
    form,
    titleKey(row.nature.value),
    refIds(row.directOrIndirect),
    refIds(row.nature),
  ];
  if (row.table === 'II') {
    parts.push(
      valueKey(row.exercisePrice, row.exercisePrice.value?.toFixed()),
      valueKey(row.expirationDate, row.expirationDate.value ? formatIsoDate(row.expirationDate.value) : undefined),
      titleKey(row.underlyingTitle.value),
      // The date exercisable tells grants apart too: RSU tranches have no exercise price and
      // no expiration date, only their vesting schedule (a different footnote in column 6 for
      // each grant). Without it, a correct filing of four tranches exercised on one day read
      // as one holding and each tranche was reported as a mismatch of the one before.
      valueKey(row.exerciseDate, row.exerciseDate.value ? formatIsoDate(row.exerciseDate.value) : undefined),
    );
  }
  return parts.join('\u0000');
}

/** The signed change a transaction row makes, when its amount and direction are read. */
export function signedChange(row: TableRow): Decimal | undefined {
  if (row.kind !== 'transaction') return undefined;
  const shares = row.shares.value;
  const direction = row.acquiredDisposed.value;
  if (!shares || shares.dollars || !direction) return undefined;
  return direction === 'A' ? shares.amount : shares.amount.negated();
}

/**
 * How a step's expected figure is computed, for messages: "65,500 − 10,000 disposed on
 * 08/06/2013". Made when a message needs it, not for every row.
 */
export function computationOf(step: HoldingStep): string | undefined {
  if (step.expected === undefined || step.before === undefined) return undefined;
  if (step.row.kind === 'holding' || !step.change) return `${formatDecimal(step.before)}, as the previous row of this holding`;
  return `${formatDecimal(step.before)} ${step.change.isNegative() ? '\u2212' : '+'} ${describeChange(step.row, step.change)}`;
}

function describeChange(row: TableRow, change: Decimal): string {
  const verb = change.isNegative() ? 'disposed' : 'acquired';
  const date = row.transactionDate.value;
  return `${formatDecimal(change.abs())} ${verb}${date ? ` on ${formatDate(date)}` : ''}`;
}

/** Two transactions of one Table II holding with the same code on the same day. */
function readsAsOwnLot(row: TableRow, previous: TableRow): boolean {
  if (row.table !== 'II' || row.kind !== 'transaction' || previous.kind !== 'transaction') return false;
  const a = row.transactionDate.value;
  const b = previous.transactionDate.value;
  const code = row.coding.value?.code;
  return a !== undefined && b !== undefined && sameDate(a, b) && code !== undefined && code === previous.coding.value?.code;
}

/**
 * What a row contributes to its holding depends on the row and on its previous row only, and
 * rows are immutable: after an edit, every row the edit did not touch keeps its key and, when its
 * previous row is the same object, its step. The server re-checks a keystroke in a long draft
 * without recomputing a thousand steps.
 */
const keys = new WeakMap<TableRow, string | null>();
const cachedSteps = new WeakMap<TableRow, HoldingStep>();

function keyOf(row: TableRow): string | undefined {
  let key = keys.get(row);
  if (key === undefined) {
    key = holdingKey(row) ?? null;
    keys.set(row, key);
  }
  return key ?? undefined;
}

export function computeHoldings(filing: Filing): Holdings {
  const steps = new Map<TableRow, HoldingStep>();
  const next = new Map<TableRow, TableRow>();
  for (const table of [filing.nonDerivativeTable, filing.derivativeTable]) {
    if (!table) continue;
    // The last row of each holding seen so far; a damaged row could belong to any holding,
    // so it ends every chain of its table rather than let the next row be checked against a
    // row that may not be its predecessor.
    let last = new Map<string, TableRow>();
    for (const row of table.rows) {
      if (row.damaged) {
        last = new Map();
        continue;
      }
      const key = keyOf(row);
      if (key === undefined) continue;
      const previous = last.get(key);
      last.set(key, row);
      if (previous) next.set(previous, row);
      const cached = cachedSteps.get(row);
      if (cached && cached.previous === previous) {
        steps.set(row, cached);
        continue;
      }
      const change = row.kind === 'transaction' ? signedChange(row) : undefined;
      const owned = row.ownedAfter.value;
      const prevOwned = previous?.ownedAfter.value;
      const step: { -readonly [K in keyof HoldingStep]: HoldingStep[K] } = { row, key, previous, change };
      if (previous && prevOwned && !prevOwned.dollars && (!owned || !owned.dollars)) {
        step.before = prevOwned.amount;
        if (row.kind === 'holding') {
          step.expected = prevOwned.amount;
        } else if (change) {
          step.expected = prevOwned.amount.plus(change);
          if (owned && !owned.amount.equals(step.expected) && readsAsOwnLot(row, previous)) {
            const own = owned.amount.minus(change);
            if (!own.isNegative()) step.ownBefore = own;
          }
        }
      } else if (!previous && owned && !owned.dollars && change) {
        // The first row of a holding: what was held before it follows from this row.
        step.before = owned.amount.minus(change);
      }
      steps.set(row, step);
      cachedSteps.set(row, step);
    }
  }
  return { steps, next };
}

/**
 * The amounts owned to write when a row's amount owned becomes `owned`: that row's, and those of
 * the rows after it in the same holding that followed from the old figure (each still follows
 * from its predecessor once shifted by the same difference). A row that did not follow from its
 * predecessor before keeps its figure (it has a finding of its own), and the carry stops there.
 * Undefined when a figure would go below zero.
 */
export function carriedAmounts(holdings: Holdings, row: TableRow, owned: Decimal): { row: TableRow; amount: Decimal }[] | undefined {
  const found = row.ownedAfter.value;
  if (!found || found.dollars || owned.isNegative()) return undefined;
  const shift = owned.minus(found.amount);
  const amounts = [{ row, amount: owned }];
  let previousFound = found.amount;
  for (let r = holdings.next.get(row); r; r = holdings.next.get(r)) {
    const current = r.ownedAfter.value;
    const step = holdings.steps.get(r);
    if (!current || current.dollars || !step) break;
    const followed = r.kind === 'holding' ? previousFound : step.change ? previousFound.plus(step.change) : undefined;
    if (!followed || !followed.equals(current.amount)) break;
    const shifted = current.amount.plus(shift);
    if (shifted.isNegative()) return undefined;
    amounts.push({ row: r, amount: shifted });
    previousFound = current.amount;
  }
  return amounts;
}
