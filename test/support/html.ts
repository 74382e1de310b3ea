/**
 * Test support: the renderer's page read as a tree (it is well-formed XML by design), and the
 * queries the tests ask of it: elements by tag, class or attribute, and their text as a browser
 * shows it. A page that is not well-formed fails the test that reads it.
 */
import { SaxesParser } from 'saxes';

export interface Element {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly (Element | string)[];
  readonly parent: Element | undefined;
}

interface Building {
  name: string;
  attributes: Record<string, string>;
  children: (Building | string)[];
  parent: Building | undefined;
}

/** Reads the page; throws on markup that is not well formed. */
export function readPage(html: string): Element {
  const parser = new SaxesParser();
  const root: Building = { name: '#document', attributes: {}, children: [], parent: undefined };
  let current = root;
  parser.on('opentag', (tag) => {
    const element: Building = { name: tag.name, attributes: { ...(tag.attributes as Record<string, string>) }, children: [], parent: current };
    current.children.push(element);
    current = element;
  });
  parser.on('closetag', () => {
    current = current.parent ?? root;
  });
  parser.on('text', (text) => current.children.push(text));
  parser.on('cdata', (text) => current.children.push(text));
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(html).close();
  return root;
}

/** Every element under `root` (itself excluded) in document order. */
export function all(root: Element): Element[] {
  const out: Element[] = [];
  const walk = (e: Element): void => {
    for (const child of e.children) {
      if (typeof child === 'string') continue;
      out.push(child);
      walk(child);
    }
  };
  walk(root);
  return out;
}

export function classes(e: Element): string[] {
  return (e.attributes['class'] ?? '').split(/\s+/).filter((c) => c !== '');
}

export function hasClass(e: Element, name: string): boolean {
  return classes(e).includes(name);
}

/** The elements under `root` matching `test`. */
export function select(root: Element, test: (e: Element) => boolean): Element[] {
  return all(root).filter(test);
}

export function byClass(root: Element, name: string): Element[] {
  return select(root, (e) => hasClass(e, name));
}

export function byTag(root: Element, name: string): Element[] {
  return select(root, (e) => e.name === name);
}

/** The one element matching; throws when there is none or several. */
export function one(root: Element, test: (e: Element) => boolean, what: string): Element {
  const found = select(root, test);
  if (found.length !== 1) throw new Error(`expected one ${what}, found ${found.length}`);
  return found[0]!;
}

/** Elements a browser lays out as blocks or cells: their text is apart from their neighbours'. */
const BLOCKS = new Set(['div', 'p', 'li', 'td', 'th', 'tr', 'table', 'section', 'header', 'footer', 'caption', 'h1', 'ol', 'ul']);

/** The text, runs of white space as one space, blocks apart, trimmed: as a browser's innerText reads. */
export function text(e: Element): string {
  let out = '';
  const walk = (x: Element): void => {
    for (const child of x.children) {
      if (typeof child === 'string') out += child;
      else if (BLOCKS.has(child.name)) {
        out += ' ';
        walk(child);
        out += ' ';
      } else walk(child);
    }
  };
  walk(e);
  return out.replace(/\s+/g, ' ').trim();
}

/** The table of the page with `data-table` I or II. */
export function formTable(page: Element, id: 'I' | 'II'): Element {
  return one(page, (e) => e.name === 'table' && e.attributes['data-table'] === id, `table ${id}`);
}

/** The body rows of a table, each as its cells. */
export function bodyRows(table: Element): Element[][] {
  const body = one(table, (e) => e.name === 'tbody', 'tbody');
  return byTag(body, 'tr').map((tr) => tr.children.filter((c): c is Element => typeof c !== 'string' && c.name === 'td'));
}

/**
 * The table's columns from its two header rows, as a reader of the printed form names them:
 * a title over one column, or the title over sub-columns and the sub-column's own title.
 */
export function columnTitles(table: Element): string[] {
  const head = one(table, (e) => e.name === 'thead', 'thead');
  const [first, second] = byTag(head, 'tr');
  const seconds = second ? byTag(second, 'th') : [];
  const titles: string[] = [];
  let next = 0;
  for (const th of first ? byTag(first, 'th') : []) {
    const span = Number(th.attributes['colspan'] ?? '1');
    if (th.attributes['rowspan'] === '2' || span === 1) {
      titles.push(text(th));
      continue;
    }
    for (let i = 0; i < span; i++) titles.push(`${text(th)} / ${text(seconds[next++] ?? th)}`);
  }
  return titles;
}
