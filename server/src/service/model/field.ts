/**
 * The one implementation of `Field`, shared by the front ends. A draft of 10,000 rows has about
 * 130,000 fields: each is one object with its spans as four numbers, and `span`/`valueSpan`
 * are made only when asked for (by a rule that reports, by a feature), which keeps the parser's
 * allocation (and the garbage collector's work) at a third of what span objects cost.
 */
import type { Span } from '../text/position';
import type { Field, FootnoteRef } from './filing';

export const NO_REFS: readonly FootnoteRef[] = [];

export class SourceField<T> implements Field<T> {
  value: T | undefined = undefined;
  problem: string | undefined = undefined;

  constructor(
    public text: string,
    /** The whole cell or element. */
    public start: number,
    public end: number,
    /** The value; an empty range where a value would be typed when it is blank. */
    public valueStart: number,
    public valueEnd: number,
    public refs: readonly FootnoteRef[] = NO_REFS,
  ) {}

  get span(): Span {
    return { start: this.start, end: this.end };
  }

  get valueSpan(): Span {
    return { start: this.valueStart, end: this.valueEnd };
  }
}

/** A field that is not in the source at all: blank, placed at `at`. */
export function absentField<T>(at: number): Field<T> {
  return new SourceField<T>('', at, at, at, at);
}

/** A copy of a field with some of its parts changed (another span, another reading). */
export function copyField<T>(
  field: Field<unknown>,
  changes: { text?: string; value?: T | undefined; problem?: string | undefined; span?: Span; refs?: readonly FootnoteRef[] },
): Field<T> {
  const span = changes.span ?? field.span;
  const valueSpan = field.valueSpan;
  const copy = new SourceField<T>(changes.text ?? field.text, span.start, span.end, valueSpan.start, valueSpan.end, changes.refs ?? field.refs);
  copy.value = 'value' in changes ? changes.value : (field.value as T | undefined);
  copy.problem = 'problem' in changes ? changes.problem : field.problem;
  return copy;
}
