/**
 * Every rule, in the order of RULES.md, then the rules of EDGAR XML. Each rule is defined once, in its group's module, with
 * its id, default severity, documentation and check; this list is what the checker runs and
 * what the CLI, the server, the settings schema and the generated documentation read.
 */
import { exerciseMismatch, exerciseUnpaired, holdingsMismatch, holdingsNegative, withholdingUnpaired } from './acrossRows';
import { adoption10b51, indication10b51, lateFiling, signatureDate, unchecked10b51 } from './filing';
import { footnoteDuplicate, footnoteEmpty, footnoteLimits, footnoteOrder, footnoteUndefined, footnoteUnused } from './footnotes';
import { amendmentDate, earliestDate, missingBox, relationshipText } from './header';
import { historyMismatch } from './history';
import { invalidChoice, invalidDate, invalidNumber, missingValue, notText, rowShape, tooManyRows, unknownCode } from './reading';
import { codeDirection, codeNeedsFootnote, deemedDate, derivativeDates, duplicateRow, ownershipNature, weightedAverage } from './rows';
import type { RuleDefinition } from './types';
import { xmlAmendment, xmlChoice, xmlDate, xmlDecimal, xmlFootnoteId, xmlLength, xmlMalformed, xmlOwnerCik, xmlRoot, xmlSchema } from './xml';

export const RULES: readonly RuleDefinition[] = [
  rowShape,
  invalidNumber,
  invalidDate,
  missingValue,
  invalidChoice,
  unknownCode,
  tooManyRows,
  missingBox,
  relationshipText,
  earliestDate,
  amendmentDate,
  footnoteUndefined,
  footnoteUnused,
  footnoteDuplicate,
  footnoteLimits,
  footnoteOrder,
  codeDirection,
  codeNeedsFootnote,
  ownershipNature,
  weightedAverage,
  deemedDate,
  derivativeDates,
  duplicateRow,
  holdingsMismatch,
  holdingsNegative,
  exerciseUnpaired,
  exerciseMismatch,
  withholdingUnpaired,
  lateFiling,
  signatureDate,
  indication10b51,
  adoption10b51,
  unchecked10b51,
  xmlMalformed,
  xmlRoot,
  xmlSchema,
  xmlChoice,
  xmlDate,
  xmlDecimal,
  xmlFootnoteId,
  xmlLength,
  xmlAmendment,
  xmlOwnerCik,
  notText,
  footnoteEmpty,
  historyMismatch,
];

export const RULES_BY_ID: ReadonlyMap<string, RuleDefinition> = new Map(RULES.map((r) => [r.id, r]));
