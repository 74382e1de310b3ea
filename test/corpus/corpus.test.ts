/**
 * The checker and the import on real data: the Form 4 filings of ../shared/corpus (ownership
 * XML, bare or inside an EDGAR full-submission .txt), read as XML, imported as drafts
 * (`importOwnershipXml`), and both checked. Read from the shared folder at test time, never
 * copied into the project; skipped without it. docs/corpus.md describes each filing, what it
 * exercises and the verdict on each of its findings.
 *
 * For each filing:
 * - it reads without exception, as XML and as its imported draft, and no rule throws;
 * - every round trip keeps every fact (`filingFacts`, test/support/facts.ts). The round trips
 *   are the steps of ROUND_TRIPS, each a function of the imported draft: the draft itself, and
 *   the draft exported as XML again (XML → draft → XML), which must also be valid against the
 *   SEC's schema;
 * - the XML and every document of the round trips check with the same findings (rule,
 *   severity, message; the lines differ, and the `xml-*` rules judge only XML);
 * - those findings are exactly the true ones of EXPECTED, each verified by hand against the
 *   XML (the reason is in `why`). Anything else fails the test: a false positive, to be fixed
 *   at its cause (the rule, or the import);
 * - the import's notes are only of the kinds a real filing may need (KNOWN_NOTES).
 * A summary test prints the table of findings, true and false positives.
 *
 * `edgartools__374WaterForm4.rendered.html` is EDGAR's HTML rendering of a filing already in the
 * corpus as XML, not a filing: it is not imported.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkDocument } from '../../server/src/service/check';
import type { SourceDocument } from '../../server/src/service/document';
import { exportOwnershipXml } from '../../server/src/service/export/ownershipXml';
import { importOwnershipXml, type ImportedDraft } from '../../server/src/service/import/importXml';
import { parseOwnershipXml } from '../../server/src/service/parse/xml/reader';
import type { Filing } from '../../server/src/service/model/filing';
import { parseDraft, type ParsedDraft } from '../../server/src/service/parse/draft/parser';
import { toRange } from '../../server/src/service/text/range';
import type { Finding } from '../../server/src/service/rules/types';
import { filingFacts } from '../support/facts';
import { CORPUS, PROJECT_ROOT } from '../support/paths';
import { NO_XSD, validateMany } from '../support/xsd';

/** A true finding: rule, severity, and a piece of its message that says it is the right one. */
type Expected = readonly [rule: string, severity: string, message?: string];

interface Expectation {
  readonly findings: readonly Expected[];
  /** What was verified by hand, and why each finding is true. */
  readonly why: string;
}

const FOOTNOTE_ORDER_INFO: Expected = ['footnote-order', 'information'];

/**
 * Every corpus filing and its true findings, verified by hand against the XML (running balances
 * recomputed, prices against their footnoted ranges, dates against the deadline, exercise pairs).
 */
const EXPECTED: Readonly<Record<string, Expectation>> = {
  'datamule__000089924319022340__doc4.xml': {
    findings: [],
    why: 'J distribution in kind with its footnote on the amount; indirect fund row with its nature; direct holding; signed 2 business days after.',
  },
  'datamule__000089924321026830__doc4.xml': {
    findings: [],
    why: 'X warrant exercise paired in Table II (warrant D, Class B A, 4,502,447 each); F withholding 1,171,643 of the same Class B that day; 4,502,447 − 1,171,643 = 3,330,804; holdings told apart by their footnotes.',
  },
  'datamule__000089924321043382__doc4.xml': {
    // True by RULES.md (information): the filer numbered the footnotes in another order than the
    // form reads. Table I row 2 refers to (4) on its code before (3) on its amount and (2) on its
    // nature; Table II row 3 (the warrants, J) refers to (13) before rows 4–7 refer to (7)…(12).
    // One finding per footnote first referred to late, as the rule is written.
    findings: Array.from({ length: 8 }, () => FOOTNOTE_ORDER_INFO),
    why: 'SPAC combination: A, M paired with the Class B D/M rows (6,883,086), D forfeiture, J warrants with footnote; all chains start fresh; signed 2 business days after. Only footnote numbering is out of reading order.',
  },
  'datamule__000089924322012864__doc4.xml': {
    findings: [],
    why: 'Holdings only (no transaction, so no deadline, no box 3 check); four joint filers each with 10% Owner, Other (See Remarks) and a signature; remarks 1,918 characters (limit 2,000), footnote 975 (limit 1,000).',
  },
  'datamule__000120919112054358__doc4.xml': {
    findings: [],
    why: 'C Class B → Class A paired (25,000), same-day S of the 25,000 (25,000 − 25,000 = 0); weighted-average footnote without a range (nothing to compare); signed 2 business days after.',
  },
  'datamule__000120919113014365__doc4.xml': {
    findings: [
      // The real error: an S row (5,494 shares at $176.4992) coded A.
      ['code-direction', 'error', 'S (sale) disposes of shares, but the row says A'],
      // The same row: 8,991 + 5,494 ≠ 3,497 as written; 8,991 − 5,494 = 3,497 is what the filer
      // meant. RULES.md asks for this report and its "(A)/(D) looks flipped" (difference 2 × amount).
      ['holdings-mismatch', 'error', '(A)/(D) may be flipped'],
    ],
    why: 'C pair 83,334; the other sales reconcile (83,334 → 61,917 → 8,991 → [3,497] → 2,500 → 200 → 0); 10b5-1 footnote of 2013 predates the box.',
  },
  'datamule__000144181622000130__wf-form4_165662431604842.xml': {
    findings: [],
    why: 'Gifts G reported early (V, transactionFormType 5): not Form 4 transactions, so neither box 3 (06/28/2022, the earliest A) nor the deadline counts them; direct 758 → 1,545 → 1,699 → 941 and indirect 242,814 → 243,572 reconcile.',
  },
  'datamule__000162828024026836__wk-form4_1717618445.xml': {
    findings: [],
    why: '10b5-1 box checked, adoption 12/14/2023 in footnote (1); $28.8164 within $28.57–$29.51 with the undertaking; 82,999 − 100 = 82,899; signed 2 business days after.',
  },
  'dsgorthy-Form4__0001493152-25-015819.txt': {
    // The real error: the box is checked and the filing has no footnote at all. (Its price of
    // $22,625 for a $2 stock is a real error too, but no rule of RULES.md is about prices.)
    findings: [['10b5-1-adoption', 'error', 'no footnote gives the date the plan was adopted']],
    why: 'Deemed date 09/26/2025 one business day after the trade; signed the next day; By Spouse for I.',
  },
  'edgartools-cassette__0000320193-22-000061.txt': {
    findings: [],
    why: 'Seven S rows, each price within its footnoted range with the undertaking; the chain 468,198 → … → 452,334 reconciles; 10b5-1 plan of 2021 and sales of 2022 predate the box.',
  },
  'edgartools__374WaterForm4.xml': {
    // The real error: the Table II grant of 757,576 options leaves 757,756 owned.
    findings: [['holdings-mismatch', 'warning', 'two digits swapped']],
    why: 'Table I A of 757,756 RSUs owning 757,756; option expiring 04/29/2035, exercisable by footnote; box unchecked, no plan footnote; signed 2 business days after.',
  },
  'edgartools__form4.snow.xml': {
    // The real error: the Table II M row puts the 200,000 options in column 5 (A). RULES.md:
    // exercise-unpaired, a warning (an acquisition without its Table II disposal), reported once
    // at that row (the correct Table I M row is its related location).
    findings: [['exercise-unpaired', 'warning', 'marked A (acquired)']],
    why: 'M then five S: 301,097 → 227,927 → 153,020 → 111,034 → 105,538 → 101,097; each price within its range, one undertaking for all; eight trust holdings told apart by footnotes.',
  },
  'krymer15-edgar-app__0000921895-25-001190.txt': {
    findings: [],
    why: 'Three joint filers; four P over three dates reconcile (8,536,067 → 8,552,914 → 8,652,914 → 8,687,914); 04/24 due 04/28, signed 04/28; box stated, unchecked.',
  },
  'krymer15-edgar-app__0001610717-23-000035.xml': {
    findings: [],
    why: 'M 200,000 at $1.16 paired with the option (exercise price $1.16), S 33,000 at $52.8208 within $52.43–$53.26; 05/11 due 05/15, signed 05/15.',
  },
  'secform4project__RSU_with_disposal.xml': {
    // The real discrepancy: 1,169,089 − 33,148 = 1,135,941, but 1,138,960 is owned; footnote (2)
    // on the cell explains the 3,019 ESPP shares, so RULES.md makes it information.
    findings: [['holdings-mismatch', 'information', 'A footnote on the cell may explain it']],
    why: 'Four RSU tranches M paired one to one (told apart by their vesting footnotes); F 33,148 of 60,732 acquired that day; Saturday 03/15 due Tuesday 03/18, signed 03/18.',
  },
  'secform4project__draftking_multi_disposal.xml': {
    findings: [],
    why: '10b5-1 box checked and footnote (1) dates the "pre-arranged program … adopted on December 13, 2024 pursuant to Rule 10b5-1"; prices within $36.98–$37.97 and $37.99–$38.14, undertaking in (2); 759,397 chain reconciles.',
  },
  'secform4project__multi_standard_acquisition.xml': {
    findings: [],
    why: 'A, F, F, A on one day: 69,064 → 66,110 → 64,213 → 74,213; withholding 4,851 of 20,000 acquired; signed the next day.',
  },
  'secform4project__softbank_derivative_acquisition.xml': {
    // The real error: the conversion of 12/09/2024 was due 12/11/2024 and is signed 03/07/2025.
    findings: [['late-filing', 'warning', 'was due by 12/11/2024']],
    why: 'Eight joint filers (limit 10), eight signatures; C Class B → Class A paired (628,553); price only by footnote.',
  },
  'secform4project__workday_standard_disposal.xml': {
    findings: [],
    why: 'F withholding with no acquisition row, but its footnote speaks of the vesting it pays for; trust holding with nature and footnote; signed 2 business days after.',
  },
};

/** The notes a real filing's import may have: facts EDGAR writes and a draft does not keep. */
const KNOWN_NOTES = [
  /^The schema version \(schemaVersion "X0\d{3}"\) is not carried\. /,
  /^The state description "[A-Z ]+" of reporting owner \d+ \(rptOwnerStateDescription\) is not carried\. /,
];

function corpusFiles(): string[] {
  return readdirSync(CORPUS)
    .filter((f) => /\.(?:xml|txt)$/i.test(f))
    .sort();
}

/** A filing read as XML and imported: the XML's reading, the draft, and the draft read back. */
interface Imported {
  readonly imported: ImportedDraft;
  readonly draft: ParsedDraft;
}

const cache = new Map<string, Imported>();

function importFile(file: string): Imported {
  let found = cache.get(file);
  if (!found) {
    const result = importOwnershipXml(readFileSync(join(CORPUS, file), 'utf8'));
    if (result.kind !== 'draft') throw new Error(`${file} was refused: ${result.reason}`);
    found = { imported: result, draft: parseDraft(result.draft) };
    cache.set(file, found);
  }
  return found;
}

/**
 * The round trips, each a document made from the imported draft; every one must hold the facts
 * of the XML and check as it does. The export of the imported draft must also be valid against
 * the schema (asserted below, with libxml2).
 */
const ROUND_TRIPS: readonly { readonly name: string; readonly document: (imported: Imported) => SourceDocument }[] = [
  { name: 'XML → draft', document: ({ draft }) => draft },
  { name: 'XML → draft → XML', document: ({ draft }) => parseOwnershipXml(exportOwnershipXml(draft.filing).xml) },
];

function findingsOf(document: SourceDocument): readonly Finding[] {
  const result = checkDocument(document);
  assert.deepEqual(result.failures, [], 'no rule throws');
  return result.findings.filter((f) => !f.rule.startsWith('xml-'));
}

const brief = (f: Finding): string => `${f.rule} ${f.severity}: ${f.message}`;

/** The findings the test judges: the imported draft's (equal to the XML's, asserted apart). */
function checkFile(file: string): readonly Finding[] {
  return findingsOf(importFile(file).draft);
}

/** Findings against the expectation: which are true (expected), which are false positives. */
function classify(found: readonly Finding[], expected: readonly Expected[]): { truePositives: Finding[]; falsePositives: Finding[]; missed: Expected[] } {
  const left = [...expected];
  const truePositives: Finding[] = [];
  const falsePositives: Finding[] = [];
  for (const f of found) {
    const i = left.findIndex(([rule, severity, message]) => rule === f.rule && severity === f.severity && (message === undefined || f.message.includes(message)));
    if (i === -1) {
      falsePositives.push(f);
    } else {
      truePositives.push(f);
      left.splice(i, 1);
    }
  }
  return { truePositives, falsePositives, missed: left };
}

const available = existsSync(CORPUS);
const SKIP = `${CORPUS} is not beside the project`;

describe('corpus: every filing imports, and every round trip keeps every fact', () => {
  for (const file of Object.keys(EXPECTED)) {
    test(file, (t) => {
      if (!available) return t.skip(SKIP);
      if (!existsSync(join(CORPUS, file))) return t.skip(`${file} is not in the corpus`);
      const trip = importFile(file);
      const source: Filing = trip.imported.source.filing;
      assert.ok(trip.imported.source.document, 'an ownershipDocument');
      for (const step of ROUND_TRIPS) assert.deepEqual(filingFacts(step.document(trip).filing), filingFacts(source), step.name);
      const unknown = trip.imported.notes.map((n) => n.message).filter((m) => !KNOWN_NOTES.some((re) => re.test(m)));
      assert.deepEqual(unknown, [], 'notes of a kind a real filing should not need');
    });
  }
});

describe('corpus: every imported draft exports as XML valid against the schema', () => {
  test('XML → draft → XML, validated by libxml2', async (t) => {
    if (!available) return t.skip(SKIP);
    if (NO_XSD) return t.skip(NO_XSD);
    const documents = corpusFiles().map((file) => ({ name: file.replace(/[^\w.-]/g, '_'), xml: exportOwnershipXml(importFile(file).draft.filing).xml }));
    const invalid = [...(await validateMany(documents))].filter(([, errors]) => errors.length > 0);
    assert.deepEqual(invalid, []);
    t.diagnostic(`${documents.length} exports valid`);
  });
});

describe('corpus: the XML and the imported draft check with the same findings', () => {
  for (const file of Object.keys(EXPECTED)) {
    test(file, (t) => {
      if (!available) return t.skip(SKIP);
      if (!existsSync(join(CORPUS, file))) return t.skip(`${file} is not in the corpus`);
      const trip = importFile(file);
      const xml = findingsOf(trip.imported.source).map(brief).sort();
      for (const step of ROUND_TRIPS) assert.deepEqual(findingsOf(step.document(trip)).map(brief).sort(), xml, step.name);
    });
  }
});

describe('corpus: the findings on each real filing are exactly the true ones', () => {
  test('every filing of the corpus has an expectation, and every expectation a filing', (t) => {
    if (!available) return t.skip(SKIP);
    assert.deepEqual(corpusFiles(), Object.keys(EXPECTED).sort());
  });

  for (const [file, expectation] of Object.entries(EXPECTED)) {
    test(file, (t) => {
      if (!available) return t.skip(SKIP);
      if (!existsSync(join(CORPUS, file))) return t.skip(`${file} is not in the corpus`);
      const found = checkFile(file);
      const { falsePositives, missed } = classify(found, expectation.findings);
      const show = (f: Finding): string => `${f.rule} ${f.severity} line ${toRange(f.span).start.line + 1}: ${f.message}`;
      assert.deepEqual(falsePositives.map(show), [], 'false positives');
      assert.deepEqual(missed, [], 'true findings not reported');
      assert.equal(found.length, expectation.findings.length);
    });
  }

  test('summary: findings by rule, true and false positives, per filing', (t) => {
    if (!available) return t.skip(SKIP);
    const rows: string[][] = [['file', 'findings by rule', 'true', 'false']];
    let totalTrue = 0;
    let totalFalse = 0;
    for (const file of corpusFiles()) {
      const found = checkFile(file);
      const { truePositives, falsePositives } = classify(found, EXPECTED[file]?.findings ?? []);
      const byRule = new Map<string, number>();
      for (const f of found) byRule.set(`${f.rule} (${f.severity})`, (byRule.get(`${f.rule} (${f.severity})`) ?? 0) + 1);
      const list = [...byRule].map(([rule, n]) => (n > 1 ? `${rule} ×${n}` : rule)).join(', ');
      rows.push([file, list === '' ? '–' : list, String(truePositives.length), String(falsePositives.length)]);
      totalTrue += truePositives.length;
      totalFalse += falsePositives.length;
    }
    rows.push([`${rows.length - 1} filings`, '', String(totalTrue), String(totalFalse)]);
    const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
    console.log(`\n${rows.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')).join('\n')}\n`);
    assert.equal(totalFalse, 0);
  });
});

describe('corpus: docs/corpus.md and the HTML rendering', () => {
  test('docs/corpus.md has a section for each filing, naming each rule that finds something in it', () => {
    const doc = readFileSync(join(PROJECT_ROOT, 'docs', 'corpus.md'), 'utf8');
    for (const [file, expectation] of Object.entries(EXPECTED)) {
      const start = doc.indexOf(`\n### \`${file}\`\n`);
      assert.notEqual(start, -1, `docs/corpus.md has no section for ${file}`);
      const end = doc.indexOf('\n##', start + 1);
      const section = doc.slice(start, end === -1 ? undefined : end);
      for (const [rule, severity] of expectation.findings) assert.ok(section.includes(`${rule} (${severity})`), `${file}: ${rule} (${severity})`);
      if (expectation.findings.length === 0) assert.match(section, /No\s+findings\./, file);
    }
  });

  test("EDGAR's HTML rendering of a filing is refused, with the reason", (t) => {
    const html = join(CORPUS, 'edgartools__374WaterForm4.rendered.html');
    if (!existsSync(html)) return t.skip(`${html} is not in the corpus`);
    const result = importOwnershipXml(readFileSync(html, 'utf8'));
    assert.equal(result.kind, 'refused');
    assert.match(result.kind === 'refused' ? result.reason : '', /not an EDGAR ownership document/);
  });
});
