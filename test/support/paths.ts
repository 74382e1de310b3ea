/** Where the project and the shared folder beside it are, from a compiled test file. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findRoot(__dirname);
export const SHARED = resolve(PROJECT_ROOT, '..', 'shared');
export const EXAMPLES = join(SHARED, 'examples');
export const CORPUS = join(SHARED, 'corpus');

export function sharedFile(...parts: string[]): string | undefined {
  const path = join(SHARED, ...parts);
  return existsSync(path) ? path : undefined;
}
