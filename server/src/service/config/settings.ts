/**
 * Severity settings: `{ "rules": { "late-filing": "off", "footnote-order": "hint" } }`. The
 * same shape is read from `.form4rc.json`, from the editor's `form4.rules` setting (its inner
 * object) and from the CLI's `--rule id=severity`, so a setting means the same everywhere.
 */
import { RULES_BY_ID } from '../rules/registry';
import { SEVERITY_SETTINGS, type SeveritySetting } from '../rules/types';

export type RuleSeverities = Readonly<Record<string, SeveritySetting>>;

export interface SettingsReading {
  readonly rules: RuleSeverities;
  /** What was wrong, one sentence each; the rest of the settings still apply. */
  readonly problems: readonly string[];
}

function isSeveritySetting(value: unknown): value is SeveritySetting {
  return typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value);
}

/** Reads a `{ rule: severity }` object, as `form4.rules` holds it. */
export function readRuleSeverities(value: unknown, where: string): SettingsReading {
  const problems: string[] = [];
  const rules: Record<string, SeveritySetting> = {};
  if (value === undefined || value === null) return { rules, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { rules, problems: [`${where}: "rules" must be an object of rule id to severity`] };
  }
  for (const [id, severity] of Object.entries(value as Record<string, unknown>)) {
    if (!RULES_BY_ID.has(id)) {
      problems.push(`${where}: unknown rule id "${id}"${suggest(id)}`);
    } else if (!isSeveritySetting(severity)) {
      problems.push(`${where}: rule "${id}" has severity ${JSON.stringify(severity)}; use one of ${SEVERITY_SETTINGS.join(', ')}`);
    } else {
      rules[id] = severity;
    }
  }
  return { rules, problems };
}

/** Reads the whole `.form4rc.json` object: `{ "rules": { … } }`. */
export function readConfigObject(value: unknown, where: string): SettingsReading {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { rules: {}, problems: [`${where}: expected an object like { "rules": { "late-filing": "off" } }`] };
  }
  const problems: string[] = [];
  for (const key of Object.keys(value)) {
    if (key !== 'rules' && key !== '$schema') problems.push(`${where}: unknown setting "${key}" (only "rules" is read)`);
  }
  const reading = readRuleSeverities((value as Record<string, unknown>)['rules'], where);
  return { rules: reading.rules, problems: [...problems, ...reading.problems] };
}

/** Reads `id=severity`, as the CLI's `--rule` takes it. */
export function readRuleOption(option: string): { id: string; severity: SeveritySetting } | string {
  const m = /^\s*([\w-]+)\s*[=:]\s*(\w+)\s*$/.exec(option);
  if (!m) return `--rule expects id=severity, e.g. --rule late-filing=off (got "${option}")`;
  const id = m[1] ?? '';
  const severity = m[2] ?? '';
  if (!RULES_BY_ID.has(id)) return `unknown rule id "${id}"${suggest(id)}`;
  if (!isSeveritySetting(severity)) return `unknown severity "${severity}" for ${id}; use one of ${SEVERITY_SETTINGS.join(', ')}`;
  return { id, severity };
}

/** Later settings win: defaults < .form4rc.json < editor settings or --rule options. */
export function mergeSeverities(...layers: readonly RuleSeverities[]): RuleSeverities {
  return Object.assign({}, ...layers) as RuleSeverities;
}

function suggest(id: string): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const known of RULES_BY_ID.keys()) {
    const d = editDistance(id, known);
    if (d < bestDistance) {
      bestDistance = d;
      best = known;
    }
  }
  return best !== undefined && bestDistance <= 3 ? ` (did you mean "${best}"?)` : '';
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
