/**
 * Recognising the lines that start or end a part of the draft. Each test reads the line as a
 * person does: without Markdown emphasis, heading marks, list bullets or HTML tags.
 */
import { cleanText, collapseSpaces } from '../../text/cleanText';

/** The line's words, without `#`, `*`, `>`, `|`, tags and escapes. */
export function plainLine(text: string): string {
  const clean = cleanText(text, 0, text.length).text;
  return collapseSpaces(clean.replace(/[#*>|_]+/g, ' ')).trim();
}

export function startsTableI(text: string): boolean {
  return /\bTable\s+I\b(?!I)/i.test(text) && !/\bTable\s+II\b/i.test(text);
}

export function startsTableII(text: string): boolean {
  return /\bTable\s+II\b/i.test(text);
}

export function startsExplanation(text: string): boolean {
  // A cheap look first: cleaning every line of a long table for this test would dominate parsing.
  return /explanation/i.test(text) && /^explanation\s+of\s+responses\b/i.test(plainLine(text));
}

/**
 * `Remarks:` (the text may follow on the same line). Stars right after the colon close the
 * label's emphasis (`## **Remarks:**`) and are not part of the remarks.
 */
export function remarksStart(text: string): { rest: number } | undefined {
  const m = /^[\s#*>]*remarks[\s*]*(?::\**|$)/i.exec(text);
  return m ? { rest: m[0].length } : undefined;
}

/** A `/s/` signature line, possibly as the first cell of a table row. */
export function signatureStart(text: string): { at: number } | undefined {
  const m = /^[\s|*>-]*(\/s\/)/i.exec(text);
  return m ? { at: m[0].length - 3 } : undefined;
}

export function isSignatureLabel(text: string): boolean {
  return /signature/i.test(text) && /^signature\s+of\s+reporting\s+person/i.test(plainLine(text));
}

/**
 * The form's printed boilerplate after the footnotes: it ends the Explanation of Responses
 * even when the draft has no signature yet, so that it is not read as part of the last footnote.
 * Converted drafts list the starred notes as bullets (`- \*\* Intentional misstatements…`,
 * as in qualys-posey-2024-ocr.form4), so a leading `-` or `+` bullet is skipped too; otherwise
 * the note would be read as one more bare-bullet footnote.
 */
export function isBoilerplate(text: string): boolean {
  return /^(?:reminder\s*:|note\s*:\s*file three copies|persons who respond to the collection|if the form is filed by more than one reporting person|intentional misstatements or omissions|potential persons who are to respond|date$)/i.test(
    plainLine(text).replace(/^[\s*+-]+/, ''),
  );
}

const DATE_ONLY = /^\d{1,2}\/\d{1,2}\/\d{2,4}$/;

/** A line holding only a date (the signature date), possibly as a table cell. */
export function dateOnlyLine(text: string): boolean {
  return DATE_ONLY.test(plainLine(text));
}
