/**
 * The editing features over the protocol: hover, completion, formatting, document symbols,
 * footnote rename / definition / references, inlay hints, folding.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  type CompletionItem,
  CompletionRequest,
  DefinitionRequest,
  type DocumentSymbol,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  type Hover,
  HoverRequest,
  InlayHintRequest,
  type Location,
  type MarkupContent,
  type Position,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
} from 'vscode-languageserver-protocol/node';
import { applyTextEdits, editsFor, EXAMPLES, HOOK, lineIndex, positionOf, rangeOf, SMALL_DRAFT, SUITE, TestServer, untitledUri } from './harness';

const WILSON = readFileSync(join(EXAMPLES, 'qualys-wilson-2013.form4'), 'utf8');
const WILSON_ROW1 = '| Common Stock | 08/06/2013 | | M ⁽¹⁾ | | 10,000 | A | \\$4.1 | 65,500 | D | |';
const WILSON_ROW2 = '| Common Stock | 08/06/2013 | | S ⁽¹⁾ | | 10,000 | D | \\$18.3654 ⁽²⁾ | 55,500 | D | |';
const MINUS = '\u2212';

function markdown(hover: Hover | null): string {
  assert.ok(hover, 'a hover');
  const contents = hover.contents as MarkupContent;
  assert.equal(contents.kind, 'markdown');
  return contents.value;
}

/** After the last character of the first line containing `needle`: where a row's hint stands. */
function rowEnd(text: string, needle: string): Position {
  const line = lineIndex(text, needle);
  return { line, character: (text.split('\n')[line] ?? '').length };
}

function after1(position: Position, by = 1): Position {
  return { line: position.line, character: position.character + by };
}

describe('language features', SUITE, () => {
  let server: TestServer;
  const wilson = untitledUri('wilson');
  before(async () => {
    server = await TestServer.start({ capabilities: {} });
    await server.openAndWait(wilson, WILSON);
  }, HOOK);
  after(async () => {
    assert.deepEqual(await server.stop(), { exitCode: 0, killed: false });
  }, HOOK);

  test('the rows the tests rely on are where they expect', () => {
    assert.equal(lineIndex(WILSON, '| Common Stock | 08/06/2013 | | M'), 24);
    assert.equal(WILSON.split('\n')[24], WILSON_ROW1);
    assert.equal(WILSON.split('\n')[25], WILSON_ROW2);
  });

  // ---- hover ---------------------------------------------------------------------------------

  test('hover on the M code of Table I row 1: the code meaning', async () => {
    const position = positionOf(WILSON, 'M ⁽¹⁾', WILSON_ROW1);
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: wilson }, position });
    const text = markdown(hover);
    assert.match(text, /^\*\*M\*\*: Exercise or conversion of derivative security exempted pursuant to Rule 16b-3\n/);
    assert.ok(text.includes('Exercise or conversion of derivative security'));
    assert.deepEqual(hover?.range, { start: position, end: after1(position) });
  });

  test('hover on the amount owned of row 2: how it follows from row 1', async () => {
    const range = rangeOf(WILSON, '55,500', WILSON_ROW2);
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: wilson }, position: after1(range.start, 2) });
    const text = markdown(hover);
    assert.ok(text.startsWith(`**55,500 = 65,500 ${MINUS} 10,000 disposed on 08/06/2013** (from Table I row 1)`), text);
    assert.ok(text.includes(`55,500 = 65,500 ${MINUS} 10,000`));
    assert.deepEqual(hover?.range, range);
  });

  test('hover on an amount owned that does not follow: nothing beside the diagnostic, which gives the computation', async () => {
    const lines = WILSON.split('\n');
    const wrong = WILSON_ROW2.replace('55,500', '54,500');
    lines[25] = wrong;
    const text = lines.join('\n');
    const uri = untitledUri('mismatch-hover');
    const published = await server.openAndWait(uri, text);
    const mismatch = published.diagnostics.filter((d) => d.code === 'holdings-mismatch');
    assert.equal(mismatch.length, 1);
    assert.match(String(mismatch[0]?.message), new RegExp(`55,500 \\(65,500 ${MINUS} 10,000 disposed on 08/06/2013\\)`));
    const range = rangeOf(text, '54,500', wrong);
    assert.deepEqual(mismatch[0]?.range, range);
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: after1(range.start, 2) });
    assert.equal(hover, null);
    // Beside it, the price cell without a finding still explains itself.
    const price = rangeOf(text, '\\$18.3654', wrong);
    assert.match(markdown(await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: after1(price.start, 3) })), /^\*\*Weighted average\*\*/);
    await server.close(uri);
  });

  test('hover on a footnote reference: the footnote', async () => {
    const range = rangeOf(WILSON, '⁽²⁾', WILSON_ROW2);
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: wilson }, position: after1(range.start) });
    assert.equal(
      markdown(hover),
      '**Footnote (2)**\n\nThe sale price for this transaction reported in column 4 of Table I represents the weighted average sale price of the shares sold, ranging from $18.00 to $18.81 per share. Upon request by the Commission staff, the Issuer or a security holder of the Issuer, the Reporting Person will provide full information regarding the number of shares sold at each separate price.',
    );
    assert.deepEqual(hover?.range, range);
  });

  test('hover on a transaction date: the filing deadline', async () => {
    const range = rangeOf(WILSON, '08/06/2013', WILSON_ROW1);
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: wilson }, position: after1(range.start, 3) });
    const text = markdown(hover);
    assert.ok(text.startsWith('**Form 4 due by Thursday 08/08/2013**: the second business day after Tuesday 08/06/2013.'), text);
    assert.deepEqual(hover?.range, range);
  });

  test('hover on free text: null', async () => {
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: wilson }, position: { line: 2, character: 5 } });
    assert.equal(hover, null);
  });

  // ---- completion ----------------------------------------------------------------------------

  test('completion in the empty code cell of a row being typed: the codes, with their meanings', async () => {
    const typing = '| Common Stock | 08/06/2013 | |  | | 100 | D | $1 | 55,400 | D | |';
    const lines = WILSON.split('\n');
    lines.splice(26, 0, typing);
    const text = lines.join('\n');
    const uri = untitledUri('typing');
    await server.openAndWait(uri, text);
    // The 4th cell is "  ": the cursor between its two spaces.
    const position = after1(positionOf(text, '|  |', typing), 2);
    assert.equal(position.line, 26);
    const items = (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })) as CompletionItem[];
    const byLabel = new Map(items.map((i) => [i.label, i]));
    // The codes of General Instruction 8 (V and K are not entered as codes).
    assert.deepEqual(items.map((i) => i.label).sort(), ['A', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'L', 'M', 'O', 'P', 'S', 'U', 'W', 'X', 'Z']);
    assert.equal(byLabel.get('S')?.detail, 'Open market or private sale of non-derivative or derivative security');
    assert.equal(byLabel.get('P')?.detail, 'Open market or private purchase of non-derivative or derivative security');
    assert.equal(byLabel.get('M')?.detail, 'Exercise or conversion of derivative security exempted pursuant to Rule 16b-3');
    // Usual Table I codes sort first: S, P, M.
    const sorted = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((i) => i.label);
    assert.deepEqual(sorted.slice(0, 3), ['S', 'P', 'M']);
    assert.deepEqual(byLabel.get('S')?.textEdit, { range: { start: position, end: position }, newText: 'S' });

    // Type "(" after a code: the footnote references, and the next new number.
    const edited = applyTextEdits(text, [{ range: { start: position, end: position }, newText: 'S (' }]);
    await server.change(uri, 2, [{ range: { start: position, end: position }, text: 'S (' }]);
    const afterParen = after1(position, 3);
    const refs = (await server.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: afterParen,
      context: { triggerKind: 2, triggerCharacter: '(' },
    })) as CompletionItem[];
    assert.equal(edited.split('\n')[26], '| Common Stock | 08/06/2013 | | S ( | | 100 | D | $1 | 55,400 | D | |');
    assert.deepEqual(
      refs.map((r) => r.label),
      ['(1)', '(2)', '(3)', '(4)'],
    );
    assert.deepEqual(
      refs.map((r) => r.detail),
      [
        'The transactions reported on this Form 4 were effected pu…',
        'The sale price for this transaction reported in column 4 …',
        'The option is subject to an early exercise provision and …',
        'a new footnote',
      ],
    );
    assert.deepEqual(refs[1]?.textEdit, { range: { start: after1(position, 2), end: afterParen }, newText: '(2)' });
  });

  // ---- formatting ----------------------------------------------------------------------------

  test('formatting aligns the table pipes, touches only table lines, and is idempotent', async () => {
    const uri = untitledUri('format');
    await server.openAndWait(uri, SMALL_DRAFT);
    const options = { tabSize: 2, insertSpaces: true };
    const edits = await server.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options });
    assert.ok(edits && edits.length > 0);
    const tableLines = [10, 11, 12, 13];
    assert.deepEqual(
      edits.map((e) => e.range.start.line),
      tableLines,
    );
    for (const e of edits) assert.equal(e.range.end.line, e.range.start.line);
    const formatted = applyTextEdits(SMALL_DRAFT, edits);
    const before = SMALL_DRAFT.split('\n');
    const afterLines = formatted.split('\n');
    assert.equal(afterLines.length, before.length);
    for (let i = 0; i < before.length; i++) if (!tableLines.includes(i)) assert.equal(afterLines[i], before[i], `line ${i} unchanged`);
    assert.deepEqual(afterLines.slice(10, 14), [
      '| Title        | Date       | Deemed | Code  | V   | Amount | (A) or (D) | Price  | Owned After | D/I | Nature |',
      '| ------------ | ---------- | ------ | ----- | --- | ------ | ---------- | ------ | ----------- | --- | ------ |',
      '| Common Stock | 08/06/2013 |        | P (1) |     | 1,000  | A          | $18.00 | 11,000      | D   |        |',
      '| Common Stock | 08/06/2013 |        | S (2) |     | 500    | D          | $18.50 | 10,500      | D   |        |',
    ]);
    await server.change(uri, 2, [{ text: formatted }]);
    const again = await server.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options });
    assert.deepEqual(again, []);
    // Formatting changed no finding.
    assert.deepEqual((await server.publishedFor(uri, 2)).diagnostics, []);
  });

  test('formatting Wilson is idempotent and changes no finding', async () => {
    const uri = untitledUri('wilson-format');
    await server.openAndWait(uri, WILSON);
    const options = { tabSize: 4, insertSpaces: true };
    const edits = await server.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options });
    assert.ok(edits);
    // Table I's title, separator, column-title and two data rows; Table II's four lines.
    assert.deepEqual(edits.map((e) => e.range.start.line), [21, 22, 23, 24, 25, 29, 30, 31, 32]);
    const formatted = applyTextEdits(WILSON, edits);
    await server.replace(uri, 2, formatted);
    assert.deepEqual((await server.publishedFor(uri, 2)).diagnostics, []);
    assert.deepEqual(await server.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options }), []);
    // The data rows read the same cells.
    assert.equal(formatted.split('\n')[25]?.replace(/ +/g, ' '), WILSON_ROW2);
  });

  // ---- symbols -------------------------------------------------------------------------------

  test('document symbols of Wilson: header, both tables, the footnotes, the signature', async () => {
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: wilson } })) as DocumentSymbol[];
    const outline = (list: readonly DocumentSymbol[]): unknown[] => list.map((s) => (s.children && s.children.length > 0 ? [s.name, s.detail, outline(s.children)] : [s.name, s.detail]));
    assert.deepEqual(outline(symbols), [
      [
        'Header',
        'QUALYS, INC. [QLYS]',
        [
          ['Exit box (Section 16)', 'no mark'],
          ['1. Reporting Person', 'Wilson John N'],
          ['2. Issuer', 'QUALYS, INC. [QLYS]'],
          ['5. Relationship', 'Officer (EVP, Worldwide Field Ops)'],
          ['3. Date of Earliest Transaction', '08/06/2013'],
          ['4. Amendment', ''],
        ],
      ],
      [
        'Table I',
        'Non-Derivative Securities',
        [
          ['1. Common Stock', 'M 10,000 A, 08/06/2013, owns 65,500'],
          ['2. Common Stock', 'S 10,000 D, 08/06/2013, owns 55,500'],
        ],
      ],
      ['Table II', 'Derivative Securities', [['1. Stock Option (right to buy)', 'M 10,000 D, 08/06/2013, owns 140,591']]],
      [
        'Explanation of Responses',
        '3 footnotes',
        [
          ['(1)', 'The transactions reported on this Form 4 were effected pursuant to a Rule 10b…'],
          ['(2)', 'The sale price for this transaction reported in column 4 of Table I represent…'],
          ['(3)', 'The option is subject to an early exercise provision and is immediately exerc…'],
        ],
      ],
      ['Signature', 'Bruce Posey by power of attorney for John N. Wilson, 08/07/2013'],
    ]);
    // Every selection range lies inside its range, as editors require.
    const inside = (s: DocumentSymbol): void => {
      const { range, selectionRange } = s;
      const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
      assert.ok(before(range.start, selectionRange.start) && before(selectionRange.end, range.end), `${s.name}: selection inside range`);
      for (const c of s.children ?? []) inside(c);
    };
    for (const s of symbols) inside(s);
    const tableI = symbols[1];
    assert.deepEqual(tableI?.children?.map((c) => c.range.start.line), [24, 25]);
  });

  // ---- footnotes: rename, definition, references ----------------------------------------------

  test('rename footnote 2 to 7 from a reference: the reference and the footnote number', async () => {
    const uri = untitledUri('rename');
    await server.openAndWait(uri, SMALL_DRAFT);
    const number = after1(positionOf(SMALL_DRAFT, '(2)', '| S (2)'));
    const prepared = await server.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: number });
    assert.deepEqual(prepared, { range: { start: number, end: after1(number) }, placeholder: '2' });
    const edit = await server.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: number, newName: '7' });
    const renamed = applyTextEdits(SMALL_DRAFT, editsFor(edit, uri));
    assert.equal(renamed, SMALL_DRAFT.replace('S (2)', 'S (7)').replace('(2) Sold in the open market.', '(7) Sold in the open market.'));

    await assert.rejects(
      server.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: number, newName: '1' }),
      (error: unknown) => {
        assert.ok(error instanceof ResponseError);
        assert.equal(error.code, -32803); // RequestFailed
        assert.equal(error.message, 'Footnote (1) already exists: rename it first, or pick another number.');
        return true;
      },
    );
    // Not on a footnote: nothing to rename.
    assert.equal(await server.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
  });

  test('rename in Wilson, whose footnotes are unnumbered bullets: every footnote gets its number', async () => {
    const uri = untitledUri('wilson-rename');
    await server.openAndWait(uri, WILSON);
    const edit = await server.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: after1(positionOf(WILSON, '⁽²⁾', WILSON_ROW2)), newName: '(5)' });
    const renamed = applyTextEdits(WILSON, editsFor(edit, uri));
    const expected = WILSON.replace('\\$18.3654 ⁽²⁾', '\\$18.3654 ⁽⁵⁾')
      .replace('- The transactions reported', '- (1) The transactions reported')
      .replace('- The sale price', '- (5) The sale price')
      .replace('- The option is subject', '- (3) The option is subject');
    assert.equal(renamed, expected);
    await server.replace(uri, 2, renamed);
    // Still every reference resolved; only the numbering order is noted.
    assert.deepEqual((await server.publishedFor(uri, 2)).diagnostics.map((d) => [d.code, d.severity, d.message]), [
      ['footnote-order', 3, 'Footnote (3) is first referred to after footnote (5). Number footnotes in the order the draft first refers to them.'],
    ]);
  });

  test('definition and references of a footnote reference', async () => {
    const uri = untitledUri('navigate');
    await server.openAndWait(uri, SMALL_DRAFT);
    const onRef = after1(positionOf(SMALL_DRAFT, '(2)', '| S (2)'));
    const footnoteLine = lineIndex(SMALL_DRAFT, '(2) Sold in the open market.');
    assert.equal(footnoteLine, 18);
    const definition = await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: onRef });
    assert.deepEqual(definition, [{ uri, range: { start: { line: 18, character: 0 }, end: { line: 18, character: '(2) Sold in the open market.'.length } } }]);
    const refRange = rangeOf(SMALL_DRAFT, '(2)', '| S (2)');
    const withDeclaration = (await server.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: onRef, context: { includeDeclaration: true } })) as Location[];
    assert.deepEqual(withDeclaration, [
      { uri, range: { start: { line: 18, character: 0 }, end: { line: 18, character: 3 } } },
      { uri, range: refRange },
    ]);
    const without = await server.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: onRef, context: { includeDeclaration: false } });
    assert.deepEqual(without, [{ uri, range: refRange }]);
    // From the footnote's own number, back to the reference.
    const fromFootnote = await server.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri }, position: { line: 18, character: 1 }, context: { includeDeclaration: false } });
    assert.deepEqual(fromFootnote, [{ uri, range: refRange }]);
    // Wilson's footnote (1), referred to from three cells.
    const wilsonRefs = (await server.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: wilson },
      position: after1(positionOf(WILSON, '⁽¹⁾', WILSON_ROW1)),
      context: { includeDeclaration: false },
    })) as Location[];
    assert.deepEqual(wilsonRefs.map((l) => l.range.start.line), [24, 25, 32]);
  });

  // ---- inlay hints ---------------------------------------------------------------------------

  test('inlay hints over Wilson: the running balance at the end of each row', async () => {
    const hints = await server.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri: wilson },
      range: { start: { line: 0, character: 0 }, end: { line: WILSON.split('\n').length, character: 0 } },
    });
    assert.ok(hints);
    assert.deepEqual(
      hints.map((h) => [h.position, h.label]),
      [
        [rowEnd(WILSON, WILSON_ROW1), 'held before this row: 55,500'],
        [rowEnd(WILSON, WILSON_ROW2), `55,500 = 65,500 ${MINUS} 10,000`],
        [rowEnd(WILSON, '140,591'), 'held before this row: 150,591'],
      ],
    );
    // A range over row 2 only gives row 2's hint.
    const row2 = await server.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: wilson }, range: { start: { line: 25, character: 0 }, end: { line: 25, character: 10 } } });
    assert.deepEqual(row2?.map((h) => h.label), [`55,500 = 65,500 ${MINUS} 10,000`]);
  });

  // ---- folding -------------------------------------------------------------------------------

  test('folding ranges of the small draft: header, table, footnotes, signature', async () => {
    const uri = untitledUri('fold');
    await server.openAndWait(uri, SMALL_DRAFT);
    const ranges = await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.deepEqual(ranges, [
      { startLine: 2, endLine: 6 },
      { startLine: 8, endLine: 13 },
      { startLine: 15, endLine: 18 },
      { startLine: 20, endLine: 22 },
    ]);
  });

  test('the server logged no error', () => {
    assert.deepEqual(server.loggedErrors(), []);
  });
});
