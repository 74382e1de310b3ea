/** Message text shared by the readers and the rules: a finding reads as a sentence. */

/** A capital first and a period last (unless the text already ends with a period, ? or !). */
export function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.?!]$/.test(capital) ? capital : `${capital}.`;
}

/** A value quoted for a message, cut to `max` characters so that a pasted paragraph does not fill the line. */
export function quoted(text: string, max = 24): string {
  return `"${text.length > max ? `${text.slice(0, max - 1)}…` : text}"`;
}
