/**
 * `.form4rc.json` discovery, shared by the CLI and the language server: the nearest file found
 * walking up from a draft's folder applies to it. Reads go through a cache that callers can
 * clear (the server does when a config file changes on disk).
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readConfigObject, type RuleSeverities } from '../service/config/settings';

export const CONFIG_FILE_NAME = '.form4rc.json';

export interface ConfigFile {
  readonly path: string;
  readonly rules: RuleSeverities;
  /** Problems with the file, one sentence each; the parts that could be read still apply. */
  readonly problems: readonly string[];
}

export class ConfigFiles {
  private readonly byFolder = new Map<string, ConfigFile | null>();

  /** The config that applies to a file in `folder`, or undefined when there is none. */
  forFolder(folder: string): ConfigFile | undefined {
    const visited: string[] = [];
    let dir = folder;
    let found: ConfigFile | null | undefined;
    for (;;) {
      found = this.byFolder.get(dir);
      if (found !== undefined) break;
      visited.push(dir);
      const candidate = join(dir, CONFIG_FILE_NAME);
      if (isFile(candidate)) {
        found = readConfigFile(candidate);
        break;
      }
      const parent = dirname(dir);
      if (parent === dir) {
        found = null;
        break;
      }
      dir = parent;
    }
    for (const v of visited) this.byFolder.set(v, found);
    return found ?? undefined;
  }

  clear(): void {
    this.byFolder.clear();
  }
}

/** The nearest `.form4rc.json` walking up from `folder` (unlike ConfigFiles, read from disk each time). */
export function findConfigFile(folder: string): string | undefined {
  for (let dir = folder; ; dir = dirname(dir)) {
    const candidate = join(dir, CONFIG_FILE_NAME);
    if (isFile(candidate)) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function readConfigFile(path: string): ConfigFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { path, rules: {}, problems: [`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { path, rules: {}, problems: [`${path}: not valid JSON (${(error as Error).message})`] };
  }
  const reading = readConfigObject(value, path);
  return { path, rules: reading.rules, problems: reading.problems };
}
