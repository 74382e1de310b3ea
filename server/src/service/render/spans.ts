/**
 * The `data-span` attribute: a source span as `startLine,startChar,endLine,endChar` (0-based,
 * UTF-16, as the Language Server Protocol counts), which a preview's script turns back into a
 * selection in the editor.
 */
import type { Span } from '../text/position';
import { toRange } from '../text/range';

export function spanAttribute(span: Span): string {
  const { start, end } = toRange(span);
  return `${start.line},${start.character},${end.line},${end.character}`;
}
