/**
 * The implementation of `Field` shared by the front ends, in two representations behind one
 * interface (`SourceField`), made by `sourceField`:
 *
 * - a field on one line (every cell of a draft) keeps its line and four columns: small integers,
 *   which V8 stores inside the object;
 * - a field across lines (an XML element, a box with continuation lines) keeps four positions.
 *
 * Why two: a packed position (`line * 2^26 + column`) is above V8's small-integer range from line
 * 16 on, so each one stored in an object is a separate heap number. A draft of 10,000 rows has
 * about 130,000 fields; with four positions each, that was 520,000 heap numbers (8 MB, and a third
 * of the parser's allocation time, measured). `span` and `valueSpan` are made only when asked for.
 */
import { LINE, type Pos, type Span } from '../text/position';
import type { Field, FootnoteRef } from './filing';

export const NO_REFS: readonly FootnoteRef[] = [];

/** A field as the front ends build it: the readers complete `value` or `problem` in place. */
export interface SourceField<T> extends Field<T> {
  value: T | undefined;
  problem: string | undefined;
  /** The whole cell or element. */
  readonly start: Pos;
  readonly end: Pos;
  /** The value; an empty range where a value would be typed when it is blank. */
  readonly valueStart: Pos;
  readonly valueEnd: Pos;
}

class LineField<T> implements SourceField<T> {
  value: T | undefined = undefined;
  problem: string | undefined = undefined;

  constructor(
    readonly text: string,
    readonly line: number,
    private readonly startColumn: number,
    private readonly endColumn: number,
    private readonly valueStartColumn: number,
    private readonly valueEndColumn: number,
    readonly refs: readonly FootnoteRef[],
  ) {}

  get start(): Pos {
    return this.line * LINE + this.startColumn;
  }

  get end(): Pos {
    return this.line * LINE + this.endColumn;
  }

  get valueStart(): Pos {
    return this.line * LINE + this.valueStartColumn;
  }

  get valueEnd(): Pos {
    return this.line * LINE + this.valueEndColumn;
  }

  get span(): Span {
    const base = this.line * LINE;
    return { start: base + this.startColumn, end: base + this.endColumn };
  }

  get valueSpan(): Span {
    const base = this.line * LINE;
    return { start: base + this.valueStartColumn, end: base + this.valueEndColumn };
  }
}

class SpanField<T> implements SourceField<T> {
  value: T | undefined = undefined;
  problem: string | undefined = undefined;

  constructor(
    readonly text: string,
    readonly start: Pos,
    readonly end: Pos,
    readonly valueStart: Pos,
    readonly valueEnd: Pos,
    readonly refs: readonly FootnoteRef[],
  ) {}

  get span(): Span {
    return { start: this.start, end: this.end };
  }

  get valueSpan(): Span {
    return { start: this.valueStart, end: this.valueEnd };
  }
}

/** A field of `text` at the given positions, blank until a reader completes it. */
export function sourceField<T>(text: string, start: Pos, end: Pos, valueStart: Pos, valueEnd: Pos, refs: readonly FootnoteRef[] = NO_REFS): SourceField<T> {
  const base = start - (start % LINE);
  if (end - base < LINE && valueStart >= base && valueStart - base < LINE && valueEnd >= base && valueEnd - base < LINE) {
    return new LineField<T>(text, base / LINE, start - base, end - base, valueStart - base, valueEnd - base, refs);
  }
  return new SpanField<T>(text, start, end, valueStart, valueEnd, refs);
}

/** A field of a draft's cell: `line` and columns, the common case built without any division. */
export function cellField<T>(text: string, line: number, start: number, end: number, valueStart: number, valueEnd: number, refs: readonly FootnoteRef[] = NO_REFS): SourceField<T> {
  return new LineField<T>(text, line, start, end, valueStart, valueEnd, refs);
}

/** A field that is not in the source at all: blank, placed at `at`. */
export function absentField<T>(at: Pos): SourceField<T> {
  return sourceField<T>('', at, at, at, at);
}

/** A copy of a field with some of its parts changed (another span, another reading). */
export function copyField<T>(
  field: Field<unknown>,
  changes: { text?: string; value?: T | undefined; problem?: string | undefined; span?: Span; refs?: readonly FootnoteRef[] },
): Field<T> {
  const span = changes.span ?? field.span;
  const valueSpan = field.valueSpan;
  const copy = sourceField<T>(changes.text ?? field.text, span.start, span.end, valueSpan.start, valueSpan.end, changes.refs ?? field.refs);
  copy.value = 'value' in changes ? changes.value : (field.value as T | undefined);
  copy.problem = 'problem' in changes ? changes.problem : field.problem;
  return copy;
}

/** Whether a value is a field made by `sourceField` or `cellField` (for tests that walk a model). */
export function isSourceField(value: unknown): value is SourceField<unknown> {
  return value instanceof LineField || value instanceof SpanField;
}
