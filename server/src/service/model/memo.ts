/**
 * Readings of values memoized by their text. A draft repeats itself: the same dates, the same
 * share counts, the same codes and titles on row after row. A value read once is immutable, so
 * every cell with the same text can share it: fewer objects for the garbage collector to copy,
 * and no second parse. The memo is bounded: when it is full it starts over, so that a draft of
 * a million distinct values costs no more memory than reading them.
 */
const CAPACITY = 4096;

export class TextMemo<V> {
  private readonly map = new Map<string, V>();

  get(text: string, compute: (text: string) => V): V {
    let value = this.map.get(text);
    if (value === undefined) {
      value = compute(text);
      if (this.map.size >= CAPACITY) this.map.clear();
      this.map.set(text, value);
    }
    return value;
  }
}
