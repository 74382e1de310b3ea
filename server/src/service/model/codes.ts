/**
 * The transaction codes of Form 4, General Instruction 8, with the direction each implies.
 * Hover, completion and the rules all read this one table.
 */
export type Direction = 'A' | 'D';

export interface TransactionCodeInfo {
  readonly code: string;
  /** The meaning, as Instruction 8 words it. */
  readonly meaning: string;
  /** What the code implies for column 4 (A)/(D), in a sentence. */
  readonly direction: string;
  /** The direction the code requires, when it requires one. */
  readonly implies?: Direction;
  /** The codes of an exercise or conversion, paired across the tables. */
  readonly exercise?: boolean;
}

export const TRANSACTION_CODES: readonly TransactionCodeInfo[] = [
  { code: 'P', meaning: 'Open market or private purchase of non-derivative or derivative security', direction: 'Acquisition (A).', implies: 'A' },
  { code: 'S', meaning: 'Open market or private sale of non-derivative or derivative security', direction: 'Disposition (D).', implies: 'D' },
  { code: 'A', meaning: 'Grant, award or other acquisition pursuant to Rule 16b-3(d)', direction: 'Acquisition (A).', implies: 'A' },
  { code: 'D', meaning: 'Disposition to the issuer of issuer equity securities pursuant to Rule 16b-3(e)', direction: 'Disposition (D).', implies: 'D' },
  { code: 'F', meaning: 'Payment of exercise price or tax liability by delivering or withholding securities incident to the receipt, exercise or vesting of a security issued in accordance with Rule 16b-3', direction: 'Disposition (D), on the day of the vesting or exercise that it pays for.', implies: 'D' },
  { code: 'I', meaning: 'Discretionary transaction in accordance with Rule 16b-3(f) resulting in acquisition or disposition of issuer securities', direction: 'Acquisition (A) or disposition (D).' },
  { code: 'M', meaning: 'Exercise or conversion of derivative security exempted pursuant to Rule 16b-3', direction: 'Table II: disposition (D) of the derivative, paired with an acquisition (A) of the underlying, usually in Table I, with the same code and date.', exercise: true },
  { code: 'C', meaning: 'Conversion of derivative security', direction: 'Table II: disposition (D) of the derivative, paired with an acquisition (A) of the underlying with the same code and date.', exercise: true },
  { code: 'E', meaning: 'Expiration of short derivative position', direction: 'Table II.' },
  { code: 'H', meaning: 'Expiration (or cancellation) of long derivative position with value received', direction: 'Table II, disposition (D).', implies: 'D' },
  { code: 'O', meaning: 'Exercise of out-of-the-money derivative security', direction: 'Table II: disposition (D) of the derivative, paired with an acquisition (A) of the underlying with the same code and date.', exercise: true },
  { code: 'X', meaning: 'Exercise of in-the-money or at-the-money derivative security', direction: 'Table II: disposition (D) of the derivative, paired with an acquisition (A) of the underlying with the same code and date.', exercise: true },
  { code: 'G', meaning: 'Bona fide gift', direction: 'Disposition (D) by the donor, acquisition (A) by the recipient; no price.' },
  { code: 'L', meaning: 'Small acquisition under Rule 16a-6', direction: 'Acquisition (A).', implies: 'A' },
  { code: 'W', meaning: 'Acquisition or disposition by will or the laws of descent and distribution', direction: 'Acquisition (A) or disposition (D).' },
  { code: 'Z', meaning: 'Deposit into or withdrawal from voting trust', direction: 'Acquisition (A) or disposition (D).' },
  { code: 'J', meaning: 'Other acquisition or disposition (describe transaction)', direction: 'Acquisition (A) or disposition (D); a footnote must describe the transaction.' },
  { code: 'U', meaning: 'Disposition pursuant to a tender of shares in a change of control transaction', direction: 'Disposition (D).', implies: 'D' },
];

/** Codes that appear on the form but are not entered in the code column. */
export const MARKER_CODES: Readonly<Record<string, string>> = {
  V: 'V marks a transaction voluntarily reported earlier than required. It goes in the V column, not the code column.',
  K: 'K marks a transaction in an equity swap or a similar instrument. Write the transaction\'s own code followed by (K), for example J(K), and describe the swap in a footnote.',
};

const BY_CODE = new Map(TRANSACTION_CODES.map((c) => [c.code, c]));

export function codeInfo(code: string): TransactionCodeInfo | undefined {
  return BY_CODE.get(code);
}

export function isExerciseCode(code: string | undefined): boolean {
  return code !== undefined && BY_CODE.get(code)?.exercise === true;
}
