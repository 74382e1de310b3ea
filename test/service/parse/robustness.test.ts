/**
 * The parser is total: it never throws, always finishes, and every range it returns lies inside
 * the draft. Checked on empty and blank drafts, every line-break style, a 2 MB draft, very long
 * lines of `|`, `(`, `<sup>` and other syntax characters, half-typed rows, random text, and a
 * deterministic fuzz loop of mutations of the Wilson example.
 *
 * Long inputs run in a worker thread with a generous limit, so that a regression fails the test
 * instead of hanging the suite. The inputs that once made the parser backtrack are sized so that
 * the old code took minutes on each (the fixed parser takes well under a second). No timing is
 * asserted beyond that limit (a separate benchmark measures speed).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { parseDraft, type ParsedDraft } from '../../../server/src/service/parse/draft/parser';
import { cellProblems, type DraftView, example, headingOf, lineOfSpan, r, rangeProblems } from './helpers';

/** The Wilson example, or a short stand-in when the shared folder is not beside the project. */
const WILSON =
  example('qualys-wilson-2013.form4')?.text ??
  [
    '1. Name and Address of Reporting Person: Wilson John N, 1600 BRIDGE PARKWAY, REDWOOD CITY, CA 94065',
    '2. Issuer Name and Ticker or Trading Symbol: QUALYS, INC. [QLYS]',
    '3. Date of Earliest Transaction: 08/06/2013',
    'Table I - Non-Derivative Securities',
    '| Common Stock | 08/06/2013 | | M ⁽¹⁾ | | 10,000 | A | \\$4.1 | 65,500 | D | |',
    'Table II - Derivative Securities',
    '| Stock Option (right to buy) | \\$4.1 | 08/06/2013 | | M ⁽¹⁾ | | | 10,000 | (3) | 11/05/2020 | Common Stock | 10,000 | \\$0 | 140,591 | D | |',
    'Explanation of Responses:',
    '- The first.',
    '/s/ Bruce Posey',
    '08/07/2013',
  ].join('\n');

/** Parses and checks the invariants: no exception, every range inside the draft, every cell's parts inside the cell. */
function parseSafely(text: string): DraftView {
  let parsed: ParsedDraft | undefined;
  assert.doesNotThrow(() => {
    parsed = parseDraft(text);
  });
  assert.ok(parsed);
  assert.deepEqual(rangeProblems(text, parsed.filing), []);
  assert.deepEqual(cellProblems(parsed.filing), []);
  const d = parsed;
  return { ...d.filing, boxes: d.boxes, sections: d.sections, signatureLabelLine: d.signatureLabelLine, explanation: d.explanation, tables: d.tables, problems: d.problems };
}

function emptyFiling(f: DraftView): void {
  assert.deepEqual(f.boxes, []);
  assert.deepEqual(f.reportingOwners, []);
  assert.equal(f.nonDerivativeTable, undefined);
  assert.equal(f.derivativeTable, undefined);
  assert.deepEqual(f.footnotes, []);
  assert.deepEqual(f.signatures, []);
  assert.deepEqual(f.sections, []);
  assert.equal(f.documentType, '4');
}

/** mulberry32: a small seeded PRNG, so that the fuzz inputs are the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Summary {
  readonly error?: string;
  readonly problems: string[];
  readonly boxes: string[];
  readonly issuer?: string;
  readonly symbol?: string;
  readonly owners: string[];
  readonly rowsI: number;
  readonly rowsII: number;
  readonly footnotes: number;
  readonly signatures: number;
  readonly remarksLength?: number;
  readonly relationship?: { isDirector: boolean; isOfficer: boolean; officerTitle?: string };
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { parseDraft } = require(workerData.parser);
const { cellProblems, rangeProblems } = require(workerData.helpers);
const summaries = workerData.texts.map((text) => {
  try {
    const d = parseDraft(text);
    const f = d.filing;
    const rel = f.relationships[0];
    return {
      problems: [...rangeProblems(text, f), ...cellProblems(f)],
      boxes: d.boxes.map((b) => b.kind),
      issuer: f.issuer && f.issuer.name.text,
      symbol: f.issuer && f.issuer.tradingSymbol.value,
      owners: f.reportingOwners.map((o) => o.name.text),
      rowsI: f.nonDerivativeTable ? f.nonDerivativeTable.rows.length : -1,
      rowsII: f.derivativeTable ? f.derivativeTable.rows.length : -1,
      footnotes: f.footnotes.length,
      signatures: f.signatures.length,
      remarksLength: f.remarks && f.remarks.text.length,
      relationship: rel && { isDirector: rel.isDirector, isOfficer: rel.isOfficer, officerTitle: rel.officerTitle.value },
    };
  } catch (e) {
    return { error: String((e && e.stack) || e), problems: [], boxes: [], owners: [], rowsI: -1, rowsII: -1, footnotes: 0, signatures: 0 };
  }
});
parentPort.postMessage(summaries);
`;

/** Minutes of backtracking would be a bug; this limit only turns a hang into a failure. */
const LIMIT_MS = 30_000;

/** Parses each text in one worker thread, failing if they have not all finished within LIMIT_MS. */
function parseAllInWorker(texts: readonly string[]): Promise<Summary[]> {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { texts, parser: require.resolve('../../../server/src/service/parse/draft/parser'), helpers: require.resolve('./helpers') },
  });
  return new Promise<Summary[]>((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error(`the parser did not finish within ${LIMIT_MS / 1000} s`));
    }, LIMIT_MS);
    worker.once('message', (summaries: Summary[]) => {
      clearTimeout(timer);
      void worker.terminate();
      const failed = summaries.find((x) => x.error !== undefined);
      if (failed) reject(new Error(failed.error));
      else resolve(summaries);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

async function parseInWorker(text: string): Promise<Summary> {
  const [summary] = await parseAllInWorker([text]);
  assert.ok(summary);
  return summary;
}

describe('empty and blank drafts', () => {
  test('empty text', () => {
    const parsed = parseDraft('');
    assert.equal(parsed.lines.length, 1);
    emptyFiling({ ...parsed.filing, boxes: parsed.boxes, sections: parsed.sections, signatureLabelLine: parsed.signatureLabelLine, explanation: parsed.explanation, tables: parsed.tables, problems: parsed.problems });
  });

  test('only whitespace, only tabs, only line breaks', () => {
    for (const text of [' ', '   \n\t\n  ', '\t\t\t', '\t\n\t\t\n\t', '\n\n\n', '\r\n\r\n', '\r\r', '\u00a0\u3000']) {
      emptyFiling(parseSafely(text));
    }
  });
});

describe('line breaks', () => {
  const lf = WILSON.replace(/\r\n?/g, '\n');

  test('\\r\\n and \\r give the same model as \\n (same lines, same ranges)', () => {
    const expected = parseSafely(lf);
    for (const eol of ['\r\n', '\r']) {
      const text = lf.replace(/\n/g, eol);
      const parsed = parseDraft(text);
      assert.equal(parsed.lines.length, lf.split('\n').length);
      const { boxes: _b, sections: _s, signatureLabelLine: _l, explanation: _e, tables: _t, problems: _p, ...model } = expected;
      assert.deepEqual(parsed.filing, model, JSON.stringify(eol));
      assert.deepEqual(rangeProblems(text, parsed.filing), []);
    }
  });

  test('mixed line breaks: ranges stay on the right lines', () => {
    const lines = ['3. Date of Earliest Transaction: 08/06/2013', 'Table I', '| Common Stock | 08/06/2013 | | P | | 100 | A | $1 | 200 | D | |', 'Explanation of Responses:', '(1) Note.'];
    const text = `${lines[0]}\r\n${lines[1]}\r${lines[2]}\n${lines[3]}\r\n${lines[4]}`;
    const f = parseSafely(text);
    assert.deepEqual(f.periodOfReport?.valueSpan, r(0, 33, 43));
    assert.equal(headingOf(lines, 'I'), 1);
    assert.equal(lineOfSpan(f.nonDerivativeTable?.rows[0]?.span ?? { start: -1 }), 2);
    assert.deepEqual(f.nonDerivativeTable?.rows[0]?.transactionDate.valueSpan, r(2, 17, 27));
    assert.deepEqual(f.footnotes.map((n) => [n.id, lineOfSpan(n.span), n.span]), [[1, 4, r(4, 0, 9)]]);
  });
});

describe('large drafts', () => {
  test('a 2 MB draft (the Wilson example, repeated)', () => {
    const copies = Math.ceil((2 * 1024 * 1024) / WILSON.length);
    const text = Array.from({ length: copies }, () => WILSON).join('\n');
    assert.ok(text.length >= 2 * 1024 * 1024);
    const f = parseSafely(text);
    // The first copy is read as the draft; every later /s/ line is one more signature.
    assert.equal(f.nonDerivativeTable?.rows.length, WILSON.includes('| Common Stock | 08/06/2013 | | S') ? 2 : 1);
    assert.equal(f.signatures.length, copies);
  });

  test('a Table I of 5,000 rows', () => {
    const row = '| Common Stock | 08/06/2013 | | S (1) | | 10 | D | \\$18.3654 ⁽²⁾ | 55,500 | D | |';
    const text = ['Table I', ...Array.from({ length: 5000 }, () => row)].join('\n');
    const f = parseSafely(text);
    assert.equal(f.nonDerivativeTable?.rows.length, 5000);
    assert.equal(f.nonDerivativeTable?.rows[4999]?.ordinal, 5000);
    assert.equal(f.nonDerivativeTable?.rows[4999]?.pricePerShare.value?.toFixed(), '18.3654');
  });
});

describe('long lines of one syntax character', () => {
  test('200,000 `|`: in the header and in a table, no box and no row', async () => {
    const pipes = '|'.repeat(200_000);
    const header = await parseInWorker(pipes);
    assert.deepEqual(header.boxes, []);
    assert.deepEqual(header.problems, []);
    const table = await parseInWorker(`Table I\n${pipes}`);
    assert.equal(table.rowsI, 0);
    assert.deepEqual(table.problems, []);
  });

  test('100,000 `(`: in the header, a table cell, a footnote', async () => {
    const parens = '('.repeat(100_000);
    const all = await parseAllInWorker([parens, `Table I\n| Common Stock | ${parens} |`, `Explanation of Responses:\n- ${parens}`, `2. Issuer: ${parens}`]);
    assert.deepEqual(all.map((s) => s.problems), [[], [], [], []]);
    const f = parseSafely(`Table I\n| Common Stock | ${parens} |`);
    assert.deepEqual(f.nonDerivativeTable?.rows[0]?.fields[1]?.refs, []);
  });

  test('10,000 `<sup>` without closing', async () => {
    const sups = '<sup>'.repeat(10_000);
    const all = await parseAllInWorker([sups, `Table I\n| Common Stock | ${sups}1 |`, `Table I\n| Common Stock | <sup>${'1 '.repeat(20_000)}|`, `Explanation of Responses:\n${sups}`]);
    assert.deepEqual(all.map((s) => s.problems), [[], [], [], []]);
    const f = parseSafely(`Table I\n| Common Stock | ${sups}1 |`);
    assert.deepEqual(f.nonDerivativeTable?.rows[0]?.fields[1]?.refs, []);
  });

  test('other long runs: `\\`, `<`, `&`, `[`, `*`, `-`, `#`, tabs, spaces, superscripts', async () => {
    const units = ['\\', '<', '&', '[', ']', '*', '-', '#', '\t', ' ', '\u207d\u00b9', '$', '/', '1,', '<u>', '<input ', '&nbsp'];
    const texts = units.flatMap((unit) => {
      const run = unit.repeat(Math.ceil(50_000 / unit.length));
      return [run, `Table I\n| x | ${run} |`, `5. Relationship of Reporting Person(s) to Issuer: ${run}`];
    });
    const all = await parseAllInWorker(texts);
    assert.deepEqual(all.map((s) => s.problems), texts.map(() => []));
  });
});

describe('inputs that once backtracked for minutes (regressions)', () => {
  const SPACES = ' '.repeat(400_000);

  test('a short label followed by a long run of spaces and no colon', async () => {
    const labels = ['Issuer', 'Reporting Person', 'Filing', 'Earliest Transaction', '1', '4. If Amendment, Date', '2 . Issuer Name and Ticker'];
    const all = await parseAllInWorker(labels.map((label) => `${label}${SPACES}x`));
    assert.deepEqual(all.map((s) => s.boxes), labels.map(() => []));
    // A full label needs no colon: after the spaces comes its value.
    const full = await parseInWorker(`3 . Date of Earliest Transaction (Month/Day/Year)${SPACES}x`);
    assert.deepEqual(full.boxes, ['earliestTransaction']);
    // With the colon after the spaces, it is a box.
    const s = await parseInWorker(`Issuer${' *'.repeat(200_000)}: ACME [ACM]`);
    assert.deepEqual(s.boxes, ['issuer']);
    assert.equal(s.symbol, 'ACM');
  });

  test('a box 2 value of 400,000 `[` and no `]`', async () => {
    const s = await parseInWorker(`2. Issuer: ACME ${'['.repeat(400_000)}`);
    assert.equal(s.issuer, `ACME ${'['.repeat(400_000)}`);
    assert.equal(s.symbol, undefined);
  });

  test('a signature followed by a date and a long run of spaces', async () => {
    const s = await parseInWorker(`/s/ Jane Doe 1/1/2024${SPACES}x`);
    assert.equal(s.signatures, 1);
  });

  test('remarks of 200,000 lines', async () => {
    const s = await parseInWorker(`Explanation of Responses:\n1. x\nRemarks:\n${'A line of remarks.\n'.repeat(200_000)}`);
    assert.equal(s.remarksLength, 'A line of remarks. '.repeat(200_000).length - 1);
  });

  test('unclosed `<input` and `<u>` tags in the rendered boxes', async () => {
    // Kept at 20,000: every unclosed `<` also costs text/cleanText.ts a scan to the end of the line.
    const inputs = await parseInWorker(`5. Relationship of Reporting Person(s) to Issuer (Check all applicable) ${'<input type="checkbox" '.repeat(20_000)}`);
    assert.deepEqual(inputs.boxes, ['relationship']);
    const underlines = await parseInWorker(`1. Name and Address of Reporting Person <u>Doe Jane</u> ${'<u>'.repeat(400_000)}`);
    assert.deepEqual(underlines.owners, ['Doe Jane']);
  });

  test('an address of 400,000 commas', async () => {
    const s = await parseInWorker(`1. Name and Address of Reporting Person <u>Doe Jane</u> <u>${', '.repeat(400_000)}x</u>`);
    assert.deepEqual(s.owners, ['Doe Jane']);
  });
});

describe('half-typed and damaged rows', () => {
  test('| Common Stock | 08/0: kept, not well-formed, the date reported', () => {
    const f = parseSafely('Table I\n| Common Stock | 08/0');
    const row = f.nonDerivativeTable?.rows[0];
    assert.equal(f.problems[0]?.rule, 'row-shape');
    assert.match(f.problems[0]?.message ?? '', /has 2 cells/);
    assert.equal(row?.damaged, true);
    assert.equal(row?.securityTitle.value, 'Common Stock');
    assert.equal(row?.transactionDate.problem, '"08/0" is not a date: expected a date as MM/DD/YYYY');
    assert.deepEqual(row?.transactionDate.valueSpan, r(1, 17, 21));
    assert.deepEqual(row?.span, r(1, 0, 21));
  });

  test('rows cut anywhere: every prefix of a row parses', () => {
    const row = '| Stock Option (right to buy) | \\$4.1 | 08/06/2013 | | M <sup>(1)</sup> | | | 10,000 | (3) | 11/05/2020 | Common Stock | 10,000 | \\$0 | 140,591 | D | |';
    for (let n = 0; n <= row.length; n++) {
      const f = parseSafely(`Table II\n${row.slice(0, n)}`);
      assert.ok((f.derivativeTable?.rows.length ?? 0) <= 1);
    }
    const tab = 'Common Stock\t06/20/2024\t\tM (1)\t\t1,000\tD\t\\$25.56\t60,616\tD\t';
    for (let n = 0; n <= tab.length; n++) parseSafely(`Table I\n${tab.slice(0, n)}`);
  });

  test('every prefix of the Wilson example parses', () => {
    const step = Math.max(1, Math.floor(WILSON.length / 1500));
    for (let n = 0; n <= WILSON.length; n += step) parseSafely(WILSON.slice(0, n));
  });

  test('lines of only tabs in every part of a draft', () => {
    const f = parseSafely(
      ['\t\t', '3. Date of Earliest Transaction: 08/06/2013', '\t', 'Table I', '\t\t\t', '| Common Stock | 08/06/2013 | | P | | 100 | A | $1 | 200 | D | |', '\t\t', 'Explanation of Responses:', '\t', '1. Note.', '\t\t', '/s/ A', '\t', '01/02/2024'].join('\n'),
    );
    assert.deepEqual(f.boxes.map((b) => b.kind), ['earliestTransaction']);
    assert.deepEqual(f.nonDerivativeTable?.rows.map((row) => lineOfSpan(row.span)), [5]);
    assert.deepEqual(f.footnotes.map((n) => [n.id, n.text]), [[1, 'Note.']]);
    assert.deepEqual(f.signatures[0]?.date?.value, { year: 2024, month: 1, day: 2 });
  });
});

describe('random text', () => {
  test('random UTF-16 code units, lone surrogates included (seeded)', () => {
    const random = prng(0xf04);
    for (let k = 0; k < 200; k++) {
      const length = Math.floor(random() * 3000);
      let text = '';
      for (let i = 0; i < length; i++) text += String.fromCharCode(Math.floor(random() * 0x10000));
      parseSafely(text);
    }
  });

  test('random bytes read as Latin-1 and as UTF-8 (seeded)', () => {
    const random = prng(4);
    for (let k = 0; k < 200; k++) {
      const bytes = Buffer.alloc(Math.floor(random() * 3000));
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
      parseSafely(bytes.toString('latin1'));
      parseSafely(bytes.toString('utf8'));
    }
  });

  test('random sequences of the draft\'s own syntax (seeded)', () => {
    const random = prng(1013);
    const tokens = ['|', '\t', '\n', '(', ')', '(1)', '<sup>', '</sup>', '1', ',', '/', '$', '\\', '*', '- ', '[x]', ' ', 'Table I', 'Table II', '/s/', 'Remarks:', 'Explanation of Responses', '08/06/2013', 'Issuer:', '<u>', '</u>'];
    for (let k = 0; k < 300; k++) {
      const parts: string[] = [];
      const count = Math.floor(random() * 400);
      for (let i = 0; i < count; i++) parts.push(tokens[Math.floor(random() * tokens.length)] ?? '');
      parseSafely(parts.join(''));
    }
  });
});

describe('fuzz: mutations of the Wilson example (seeded, deterministic)', () => {
  const TOKENS = [
    '|', '||', '\t', '(', ')', '(1)', '(1, 2)', '(1,000)', '\u207d\u00b9\u207e', '\u00b9', '\u207d', '<sup>', '</sup>', '<sup>1,2</sup>', '<u>', '</u>',
    '<input checked type="checkbox"/>', '<input', '[x]', '[ ]', '\\', '\\$', '\\|', '\\*', '$', '*', '**', '/s/ ', '08/06/2013', '1/5/2024', '13/45/2024',
    ',', '.', '-', '- ', '- 1. ', '(2) ', '1. ', '\n', '\r\n', '\r', ' ', '  ', '#', '## ', 'Table I', 'Table II', 'Explanation of Responses:', 'Remarks:',
    'Reminder: ', '** Signature of Reporting Person', 'Issuer:', 'Filing:', '10,000', '&nbsp;', '&', '<', '>', '\ud800', '\udc00', 'x', 'A', 'D', 'M', 'V', '0',
  ];

  function mutate(text: string, random: () => number): string {
    const pick = (n: number): number => Math.floor(random() * n);
    let t = text;
    const ops = 1 + pick(6);
    for (let k = 0; k < ops; k++) {
      const at = pick(t.length + 1);
      const lines = t.split('\n');
      switch (pick(16)) {
        case 0:
          t = t.slice(0, at) + (TOKENS[pick(TOKENS.length)] ?? '') + t.slice(at);
          break;
        case 1:
          t = t.slice(0, at) + t.slice(at + 1 + pick(40));
          break;
        case 2:
          t = t.slice(0, at) + (TOKENS[pick(TOKENS.length)] ?? '') + t.slice(at + 1);
          break;
        case 3: {
          const i = pick(lines.length);
          lines.splice(i, 0, lines[i] ?? '');
          t = lines.join('\n');
          break;
        }
        case 4:
          lines.splice(pick(lines.length), 1 + pick(3));
          t = lines.join('\n');
          break;
        case 5: {
          const i = pick(lines.length);
          const j = pick(lines.length);
          const a = lines[i] ?? '';
          lines[i] = lines[j] ?? '';
          lines[j] = a;
          t = lines.join('\n');
          break;
        }
        case 6:
          t = t.slice(0, at);
          break;
        case 7:
          // Swap pipes and tabs on one line: a pasted row.
          t = lines.map((line, i) => (i === pick(lines.length) ? line.replace(/\s*\|\s*/g, '\t') : line)).join('\n');
          break;
        default:
          // One character replaced by one of the same kind: digits, letters, punctuation.
          t = t.slice(0, at) + (/\d/.test(t[at] ?? '') ? String(pick(10)) : (TOKENS[pick(TOKENS.length)] ?? '')) + t.slice(at + 1);
      }
    }
    return t;
  }

  test('3,000 mutations: no exception, every range inside the draft', () => {
    const random = prng(20130807);
    let text = WILSON;
    let withRows = 0;
    for (let k = 0; k < 3000; k++) {
      // Chains of up to 5 mutations, then back to the clean example.
      text = k % 5 === 0 ? WILSON : text;
      text = mutate(text, random);
      const f = parseSafely(text);
      if ((f.nonDerivativeTable?.rows.length ?? 0) > 0) withRows++;
    }
    // The mutations damage, they do not destroy: most drafts still have Table I rows.
    assert.ok(withRows > 1000, `only ${withRows} of 3,000 mutated drafts kept a Table I row`);
  });
});
