/**
 * Test support: the fenced code blocks of a Markdown file, for the tests that check the
 * documentation's examples (docs/format.md here; the README's the same way). A draft example is
 * fenced as `form4`; the HTML comment on the lines just before it (blank lines allowed) says what
 * it must check as:
 *
 *     <!-- check: clean -->                        no finding at all
 *     <!-- check: findings rule-a, rule-b -->      exactly these findings (a rule once per finding)
 *     <!-- check: reads {"owners.0.cik.value": "0001234567"} -->
 *                                                  these facts (paths into filingFacts, JSON values)
 *
 * Clauses combine with `;` (`clean; reads {…}`).
 */
export interface FencedBlock {
  /** The fence's info string: `form4`, `sh`, `json`. */
  readonly language: string;
  /** The 1-based line of the opening fence. */
  readonly line: number;
  /** The block's text, with a final newline. */
  readonly body: string;
  /** The text of the `<!-- check: … -->` comment before the fence, when there is one. */
  readonly check: string | undefined;
}

/** The fenced blocks of `markdown` (``` fences), in order, with their check comments. */
export function fencedBlocks(markdown: string): FencedBlock[] {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  const blocks: FencedBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\S*)\s*$/.exec(lines[i] ?? '');
    if (!open) continue;
    const close = lines.findIndex((l, k) => k > i && /^```\s*$/.test(l));
    if (close === -1) throw new Error(`the fence on line ${i + 1} is not closed`);
    let k = i - 1;
    while (k >= 0 && (lines[k] ?? '').trim() === '') k--;
    const comment = /^<!--\s*check:\s*(.*?)\s*-->$/.exec(lines[k] ?? '');
    blocks.push({ language: open[1] ?? '', line: i + 1, body: `${lines.slice(i + 1, close).join('\n')}\n`, check: comment?.[1] });
    i = close;
  }
  return blocks;
}

export interface Check {
  /** `clean`: no finding. */
  readonly clean: boolean;
  /** `findings …`: the rule ids expected, once per finding, sorted. */
  readonly findings: readonly string[] | undefined;
  /** `reads {…}`: facts by path. */
  readonly reads: Readonly<Record<string, unknown>> | undefined;
}

/** Reads a check comment's text; throws on one it does not understand. */
export function readCheck(text: string): Check {
  let clean = false;
  let findings: string[] | undefined;
  let reads: Record<string, unknown> | undefined;
  for (const clause of text.split(/;\s*(?=clean\b|findings\b|reads\b)/)) {
    const c = clause.trim();
    if (c === 'clean') clean = true;
    else if (c.startsWith('findings ')) findings = c.slice('findings '.length).split(',').map((r) => r.trim()).filter((r) => r !== '').sort();
    else if (c.startsWith('reads ')) reads = JSON.parse(c.slice('reads '.length)) as Record<string, unknown>;
    else throw new Error(`a check clause it does not know: ${JSON.stringify(c)}`);
  }
  return { clean, findings, reads };
}

/** The value at a dotted path (`owners.0.cik.value`) of plain data. */
export function at(data: unknown, path: string): unknown {
  let value: unknown = data;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
