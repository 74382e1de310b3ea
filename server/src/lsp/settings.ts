/**
 * Settings for a document: the rule defaults, then the nearest `.form4rc.json`, then the
 * editor's `form4.rules` (later wins), and the other `form4.*` settings. Read from the client
 * through workspace/configuration when it supports it, else from the last
 * didChangeConfiguration or the initialization options.
 */
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { ConfigFiles } from '../node/configFiles';
import { mergeSeverities, readRuleSeverities, type RuleSeverities } from '../service';

export interface Form4Settings {
  readonly rules: RuleSeverities;
  readonly inlayHints: boolean;
  /** Delay before pushed diagnostics are recomputed after a change. */
  readonly debounceMs: number;
  readonly problems: readonly string[];
}

interface ClientSettings {
  rules?: unknown;
  inlayHints?: { enabled?: unknown };
  diagnostics?: { delay?: unknown };
}

export class SettingsStore {
  private readonly configFiles = new ConfigFiles();
  private readonly perDocument = new Map<string, Promise<Form4Settings>>();
  private readonly perFolder = new Map<string, Promise<Form4Settings>>();
  /** The documents whose entry in perDocument has resolved. */
  private readonly settled = new Set<string>();
  /** Bumped whenever anything a setting depends on changes. */
  generation = 0;
  private pushed: ClientSettings | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly pullSupported: boolean,
    initializationOptions: unknown,
  ) {
    this.pushed = pick(initializationOptions);
  }

  /** A configuration change: drop everything read so far. */
  invalidate(pushedSettings?: unknown): void {
    if (pushedSettings !== undefined) this.pushed = pick(pushedSettings) ?? this.pushed;
    this.perDocument.clear();
    this.settled.clear();
    this.perFolder.clear();
    this.configFiles.clear();
    this.generation++;
  }

  forget(uri: string): void {
    this.perDocument.delete(uri);
    this.settled.delete(uri);
  }

  get(uri: string): Promise<Form4Settings> {
    let settings = this.perDocument.get(uri);
    if (!settings) {
      const reading = this.read(uri, folderOf(uri));
      settings = reading;
      this.perDocument.set(uri, reading);
      void reading.then(() => {
        if (this.perDocument.get(uri) === reading) this.settled.add(uri);
      });
    }
    return settings;
  }

  /**
   * Whether the document's settings are read already, so that `get` answers without a round trip
   * to the client: a hover may then check the document, but it never waits for the client.
   */
  isSettled(uri: string): boolean {
    return this.settled.has(uri);
  }

  /**
   * The settings of the files of a folder that are not open (workspace diagnostics): one
   * configuration request and one `.form4rc.json` lookup per folder, not per file.
   */
  forFolder(folder: string): Promise<Form4Settings> {
    const key = `folder:${folder}`;
    let settings = this.perFolder.get(key);
    if (!settings) {
      settings = this.read(pathToFileURL(folder).href, folder);
      this.perFolder.set(key, settings);
    }
    return settings;
  }

  private async read(uri: string, folder: string | undefined): Promise<Form4Settings> {
    let client: ClientSettings | undefined = this.pushed;
    if (this.pullSupported) {
      try {
        client = ((await this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'form4' })) as ClientSettings | null) ?? undefined;
      } catch {
        client = this.pushed;
      }
    }
    const problems: string[] = [];
    let fileRules: RuleSeverities = {};
    if (folder) {
      const config = this.configFiles.forFolder(folder);
      if (config) {
        fileRules = config.rules;
        problems.push(...config.problems);
      }
    }
    const editor = readRuleSeverities(client?.rules, 'form4.rules setting');
    problems.push(...editor.problems);
    const delay = client?.diagnostics?.delay;
    return {
      rules: mergeSeverities(fileRules, editor.rules),
      inlayHints: client?.inlayHints?.enabled !== false,
      debounceMs: typeof delay === 'number' && delay >= 0 && delay <= 5000 ? delay : 150,
      problems,
    };
  }
}

/** The `form4` section of pushed settings: `{ form4: {…} }` or the section itself. */
function pick(value: unknown): ClientSettings | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const section = record['form4'] ?? (record['settings'] as Record<string, unknown> | undefined)?.['form4'] ?? record;
  return typeof section === 'object' && section !== null ? (section as ClientSettings) : undefined;
}

function folderOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return dirname(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}
