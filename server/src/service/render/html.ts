/**
 * Writing text into HTML. Every value of a filing comes from a draft or an XML file the user (or
 * anyone who sent it) wrote, so nothing of it is ever markup: `&`, `<` and `>` are escaped in
 * text, and quotes too in attribute values, which the renderer always writes in double quotes.
 * Characters a page cannot show sensibly (C0 controls but tab, a lone surrogate) become U+FFFD.
 */

const SPECIAL = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const REPLACEMENTS: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text content or a double-quoted attribute value: nothing in it can open a tag or close the value. */
export function escapeHtml(text: string): string {
  return text.replace(SPECIAL, (c) => REPLACEMENTS[c] ?? '\ufffd');
}
