/**
 * What the browser test reads from a rendered page in Chromium, as plain data: each table's
 * column titles (the two header rows resolved into one title per column, as a reader of the
 * printed form names them), its body cells as the browser lays them out (innerText, the column
 * each cell is under by its position in the grid), and whether the page fits the printable width.
 *
 * The function runs in the page: it is a string so that the project's TypeScript, which has no
 * DOM types, does not type-check browser code it never runs in Node.
 */

export interface CellLayout {
  /** The cell's text as shown. */
  readonly text: string;
  /** The text without the footnote marks. */
  readonly value: string;
  readonly colspan: number;
  /** The footnote marks, in order: `(1)`. */
  readonly sups: readonly string[];
}

export interface TableLayout {
  readonly titles: readonly string[];
  /** Body rows: each cell's text and the number of columns it spans. */
  readonly rows: readonly (readonly CellLayout[])[];
  /** The table's width in CSS pixels. */
  readonly width: number;
}

export interface PageLayout {
  readonly tables: Readonly<Record<'I' | 'II', TableLayout>>;
  readonly footnotes: readonly string[];
  /** The document's full width and the viewport's. */
  readonly scrollWidth: number;
  readonly clientWidth: number;
  /** Computed `break-inside` of a body row (print media makes it `avoid`). */
  readonly rowBreakInside: string;
}

export const READ_LAYOUT = `(() => {
  const clean = (s) => s.replace(/\\s+/g, ' ').trim();
  const table = (id) => {
    const t = document.querySelector('table[data-table="' + id + '"]');
    const [first, second] = t.tHead.rows;
    const subs = Array.from(second.cells);
    const titles = [];
    let next = 0;
    for (const th of Array.from(first.cells)) {
      if (th.rowSpan === 2) { titles.push(clean(th.innerText)); continue; }
      for (let i = 0; i < th.colSpan; i++) titles.push(clean(th.innerText) + ' / ' + clean(subs[next++].innerText));
    }
    const valueOf = (td) => {
      const copy = td.cloneNode(true);
      for (const sup of Array.from(copy.querySelectorAll('sup'))) sup.remove();
      return clean(copy.textContent);
    };
    const rows = Array.from(t.tBodies[0].rows).map((tr) => Array.from(tr.cells).map((td) => ({
      text: clean(td.innerText),
      value: valueOf(td),
      colspan: td.colSpan,
      sups: Array.from(td.querySelectorAll('sup')).map((s) => clean(s.innerText)),
    })));
    return { titles, rows, width: t.getBoundingClientRect().width };
  };
  const firstRow = document.querySelector('tbody tr');
  return {
    tables: { I: table('I'), II: table('II') },
    footnotes: Array.from(document.querySelectorAll('li.footnote')).map((li) => clean(li.innerText)),
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    rowBreakInside: firstRow ? getComputedStyle(firstRow).breakInside : 'none',
  };
})()`;
