/**
 * The `data-span` attribute: a source span as `startLine,startChar,endLine,endChar` (0-based,
 * UTF-16, as the Language Server Protocol counts), which a preview's script turns back into a
 * selection in the editor.
 */
import { columnOf, lineOf, type Span } from '../text/position';

/** The same numbers as `toRange` gives, without its objects: the page has one per cell. */
export function spanAttribute(span: Span): string {
  return `${lineOf(span.start)},${columnOf(span.start)},${lineOf(span.end)},${columnOf(span.end)}`;
}
