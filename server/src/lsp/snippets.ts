/**
 * The extension's snippets file (snippets/form4.code-snippets), read once for the completions
 * the server offers where a row or footnote can start (service/features/snippetCompletion.ts).
 * It is found beside the bundle (dist/ → the package's snippets/) or, for the compiled tests,
 * a few folders further up.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { SnippetDefinition } from '../service/features/snippetCompletion';

const FILE = join('snippets', 'form4.code-snippets');

let loaded: readonly SnippetDefinition[] | undefined;

/** The snippets, or none (with the reason given to `warn`) when the file cannot be read. */
export function loadSnippets(warn: (message: string) => void): readonly SnippetDefinition[] {
  if (loaded) return loaded;
  loaded = [];
  for (let dir = __dirname, k = 0; k < 5; k++, dir = dirname(dir)) {
    const path = join(dir, FILE);
    if (!existsSync(path)) continue;
    try {
      loaded = readSnippets(readFileSync(path, 'utf8'));
    } catch (error) {
      warn(`form4: the snippets in ${path} cannot be read: ${(error as Error).message}`);
    }
    return loaded;
  }
  warn(`form4: no ${FILE} beside the server; completion offers no snippets`);
  return loaded;
}

/** The snippets of a VS Code snippets file's text. */
export function readSnippets(text: string): SnippetDefinition[] {
  const file = JSON.parse(text) as Record<string, { prefix?: unknown; body?: unknown; description?: unknown }>;
  const snippets: SnippetDefinition[] = [];
  for (const [name, s] of Object.entries(file)) {
    const prefix = Array.isArray(s.prefix) ? s.prefix[0] : s.prefix;
    const body = Array.isArray(s.body) ? s.body.join('\n') : s.body;
    if (typeof prefix !== 'string' || typeof body !== 'string') continue;
    snippets.push({ name, prefix, body, description: typeof s.description === 'string' ? s.description : '' });
  }
  return snippets;
}
