/**
 * What a fix changes, said in terms of the model: set this field's amount, flip (A)/(D), add
 * footnote n, remove footnote n, add a box. Rules say what to fix; each front end turns a change
 * into text edits in its own syntax (a pipe cell of a draft, a `<value>` of an XML file), or
 * says it cannot (then the fix is not offered).
 */
import type { CalendarDate } from './calendarDate';
import type { Decimal } from './decimal';
import type { Field, Footnote, TableRow } from './filing';

export type Change =
  /** Write an amount into a field (an amount owned), keeping its footnote references. */
  | { readonly kind: 'setAmount'; readonly field: Field<unknown>; readonly amount: Decimal }
  /** Write a date into a field (box 3), keeping its footnote references. */
  | { readonly kind: 'setDate'; readonly field: Field<unknown>; readonly date: CalendarDate }
  /** (A) becomes (D) or the reverse: the letter of Table I, the amount's column of Table II. */
  | { readonly kind: 'flipDirection'; readonly row: TableRow }
  /** A new footnote, where the source's footnotes are read. */
  | { readonly kind: 'addFootnote'; readonly id: number; readonly text: string }
  | { readonly kind: 'removeFootnote'; readonly footnote: Footnote }
  /** Box 3, when the source has none. */
  | { readonly kind: 'addPeriodOfReport'; readonly date: CalendarDate }
  /** The Rule 10b5-1(c) box, when the source has none. */
  | { readonly kind: 'addAff10b5One'; readonly checked: boolean };

/** A fix as a rule proposes it. */
export interface ModelFix {
  readonly title: string;
  readonly changes: readonly Change[];
  /** The one right fix, applied by fix-all and offered first. */
  readonly preferred: boolean;
}
