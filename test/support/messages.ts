/**
 * Test support: the standard every message a drafter reads is held to. It is a short full
 * sentence in the drafter's words: it starts with a capital and ends with a period, stays within
 * 160 characters (the Problems panel cuts longer ones), and names no reference of the technical
 * specification ("cm(8)", "§4.3.2") without saying what it is.
 */

export const MESSAGE_LIMIT = 160;

/** What is wrong with a message, or nothing. */
export function messageProblems(message: string, limit = MESSAGE_LIMIT): string[] {
  const problems: string[] = [];
  if (!/^[A-Z]/.test(message)) problems.push('does not start with a capital');
  if (!/\.$/.test(message)) problems.push('does not end with a period');
  if (message.length > limit) problems.push(`has ${message.length} characters (at most ${limit})`);
  // A specification reference is explained when the parenthesis it is in names the specification.
  for (const m of message.matchAll(/\bcm\(\d+\)|§\s?\d+(?:\.\d+)*/g)) {
    const before = message.slice(0, m.index);
    const open = before.lastIndexOf('(');
    if (open === -1 || !/Technical Specification/.test(before.slice(open))) problems.push(`names ${m[0]} without saying what it is`);
  }
  if (/\s\s/.test(message)) problems.push('has two spaces in a row');
  return problems;
}
