/** The editor configurations of the README's "Other editors" section, as the tests run them. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../support/paths';

export const README = join(PROJECT_ROOT, 'README.md');

/**
 * The first fenced block of `language` after the line that starts with `heading` (e.g.
 * "**Neovim 0.7 to 0.10**"), within the "Other editors" section.
 */
export function readmeBlock(heading: string, language: string): string {
  const text = readFileSync(README, 'utf8').replace(/\r\n/g, '\n');
  const section = text.indexOf('\n## Other editors\n');
  if (section === -1) throw new Error('the README has no "Other editors" section');
  const end = text.indexOf('\n## ', section + 1);
  const body = text.slice(section, end === -1 ? undefined : end);
  const at = body.indexOf(`\n${heading}`);
  if (at === -1) throw new Error(`the README's "Other editors" section has no line starting ${JSON.stringify(heading)}`);
  const open = body.indexOf(`\n\`\`\`${language}\n`, at);
  if (open === -1) throw new Error(`no \`\`\`${language} block after ${JSON.stringify(heading)}`);
  const start = open + `\n\`\`\`${language}\n`.length;
  const close = body.indexOf('\n```', start);
  if (close === -1) throw new Error(`the \`\`\`${language} block after ${JSON.stringify(heading)} is not closed`);
  return body.slice(start, close + 1);
}
