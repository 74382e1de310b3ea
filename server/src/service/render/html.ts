/**
 * Writing text into HTML. Every value of a filing comes from a draft or an XML file the user (or
 * anyone who sent it) wrote, so nothing of it is ever markup: `&`, `<` and `>` are escaped in
 * text, and quotes too in attribute values, which the renderer always writes in double quotes.
 * Characters a page cannot show sensibly (C0 controls but tab, a lone surrogate) become U+FFFD.
 */

// Unicode mode reads a paired surrogate as one code point, so \p{Cs} matches only a lone one.
const SPECIAL = /[&<>"'\p{Cc}\p{Cs}]/gu;

// A line break as a reference: an attribute value keeps it (a title of several messages), where
// an XML reader of the page would fold a raw one into a space.
const REPLACEMENTS: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '\n': '&#10;' };

/** Text content or a double-quoted attribute value: nothing in it can open a tag or close the value. */
export function escapeHtml(text: string): string {
  return text.replace(SPECIAL, (c) => REPLACEMENTS[c] ?? (c === '\t' || c === '\r' ? c : '\ufffd'));
}
