/** Small pieces the rules share: how a row is named in messages, and related locations. */
import type { TableRow } from '../model/filing';
import type { RelatedLocation } from './types';

export function rowLabel(row: TableRow): string {
  return `Table ${row.table} row ${row.ordinal}`;
}

export function relatedRow(row: TableRow, message: string): RelatedLocation {
  return { span: row.span, message: `${rowLabel(row)}: ${message}` };
}
