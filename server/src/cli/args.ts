/** The command line: `form4 check [options] <files or folders…>`, `form4 rules`, `--help`, `--version`. */
import { readRuleOption, type SeveritySetting } from '../service';
import { type ExportCommand, parseExportArgs } from './export';
import { HISTORY_HELP, HISTORY_USAGE, type HistoryCommand, NEXT_USAGE, type NextCommand, parseHistoryArgs, parseNextArgs } from './history';
import { IMPORT_HELP, IMPORT_USAGE, type ImportCommand, parseImportArgs } from './import';

export const FORMATS = ['stylish', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface CheckCommand {
  readonly command: 'check';
  readonly paths: readonly string[];
  readonly format: Format;
  readonly rules: Readonly<Record<string, SeveritySetting>>;
  readonly maxWarnings: number | undefined;
  readonly quiet: boolean;
  readonly color: boolean | undefined;
}

export type Command =
  | CheckCommand
  | ExportCommand
  | ImportCommand
  | HistoryCommand
  | NextCommand
  | { readonly command: 'rules'; readonly format: 'stylish' | 'json' }
  | { readonly command: 'help' }
  | { readonly command: 'version' };

export const USAGE = `Usage: form4 check [options] <files or folders…>
       ${IMPORT_USAGE}
       ${HISTORY_USAGE}
       ${NEXT_USAGE}
       form4 rules [--format json]
       form4 export <draft.form4 …> [-o FILE|DIR] [--force]   (EDGAR XML; form4 export --help)

Checks SEC Form 4 drafts (*.form4, *.form4.md) and EDGAR ownership XML filings (*.xml, and
*.txt full submissions). Folders are searched recursively; XML and text files that hold no
ownership document are skipped. The filings of a run are read together: each one's holdings are
checked against the earlier filings of the same reporting person and issuer (history-mismatch).

${IMPORT_HELP}

${HISTORY_HELP}

Options:
  --format <name>      stylish (default), json, sarif or github
  --rule <id=severity> set a rule's severity: error, warning, information, hint or off
                       (repeatable; overrides .form4rc.json)
  --max-warnings <n>   exit 1 when there are more than n warnings
  --quiet              report errors only
  --color, --no-color  force colours on or off in stylish output
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 no errors (and warnings within --max-warnings), 1 findings over the bar,
2 usage or I/O failure.`;

/** Parses the arguments, or returns the one-line reason they are wrong. */
export function parseArgs(argv: readonly string[]): Command | string {
  const args = [...argv];
  const first = args[0];
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') return { command: 'help' };
  if (first === '-v' || first === '--version') return { command: 'version' };
  if (first === 'rules') {
    const rest = args.slice(1);
    if (rest.length === 0) return { command: 'rules', format: 'stylish' };
    if (rest.length === 2 && rest[0] === '--format' && (rest[1] === 'json' || rest[1] === 'stylish')) return { command: 'rules', format: rest[1] };
    return `unexpected arguments to "form4 rules": ${rest.join(' ')}`;
  }
  if (first === 'export') return parseExportArgs(args.slice(1));
  if (first === 'import') return parseImportArgs(args.slice(1));
  if (first === 'history') return parseHistoryArgs(args.slice(1));
  if (first === 'next') return parseNextArgs(args.slice(1));
  if (first !== 'check') return `unknown command "${first}" (try "form4 check <files>" or "form4 --help")`;
  const paths: string[] = [];
  const rules: Record<string, SeveritySetting> = {};
  let format: Format = 'stylish';
  let maxWarnings: number | undefined;
  let quiet = false;
  let color: boolean | undefined;
  for (let i = 1; i < args.length; i++) {
    const arg = args[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => (inline !== undefined ? inline : args[++i]);
    switch (flag) {
      case '--format':
      case '-f': {
        const v = value();
        if (!v) return '--format needs a value: stylish, json, sarif or github';
        if (!(FORMATS as readonly string[]).includes(v)) return `unknown format "${v}"; use stylish, json, sarif or github`;
        format = v as Format;
        break;
      }
      case '--rule': {
        const v = value();
        if (!v) return '--rule needs a value, e.g. --rule late-filing=off';
        const rule = readRuleOption(v);
        if (typeof rule === 'string') return rule;
        rules[rule.id] = rule.severity;
        break;
      }
      case '--max-warnings': {
        const v = value();
        if (!v || !/^\d+$/.test(v)) return `--max-warnings needs a whole number, got ${v === undefined ? 'nothing' : `"${v}"`}`;
        maxWarnings = Number(v);
        break;
      }
      case '--quiet':
        quiet = true;
        break;
      case '--color':
        color = true;
        break;
      case '--no-color':
        color = false;
        break;
      case '-h':
      case '--help':
        return { command: 'help' };
      default:
        if (arg.startsWith('-') && arg !== '-') return `unknown option "${arg}"`;
        paths.push(arg);
    }
  }
  if (paths.length === 0) return 'no files given: form4 check <files or folders…>';
  return { command: 'check', paths, format, rules, maxWarnings, quiet, color };
}
