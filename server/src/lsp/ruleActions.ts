/**
 * The code actions every finding gets beside its fixes, as linters offer them: "Show
 * documentation for rule X" (a server command: the client opens the rule's anchor in
 * docs/rules.md through window/showDocument) and "Turn rule X off in .form4rc.json" (a
 * WorkspaceEdit of the nearest config file, or one creating it). The edit of an existing file's
 * text is computed by the pure `ruleSeverityEdit` (service/config); this module only finds the
 * file, reads it and converts offsets to positions.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, isAbsolute } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type CodeAction, CodeActionKind, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Finding, ruleDocumentationUrl } from '../service';
import { newConfigText, ruleSeverityEdit } from '../service/config/ruleSeverityEdit';
import { CONFIG_FILE_NAME, findConfigFile } from '../node/configFiles';

/** The server command that opens a rule's documentation; its one argument is the URL. */
export const OPEN_RULE_DOCUMENTATION = 'form4.openRuleDocumentation';

export interface RuleActionContext {
  /** The draft's URI. */
  readonly uri: string;
  /** Workspace folders (file system paths): a new config goes in the one holding the draft. */
  readonly workspaceFolders: readonly string[];
  /** The client applies a WorkspaceEdit that creates a file (documentChanges with a create operation). */
  readonly canCreateFiles: boolean;
  readonly diagnosticOf: (finding: Finding) => Diagnostic;
}

/** Two actions per rule among `findings`, in the order the rules first appear. */
export function ruleActions(findings: readonly Finding[], context: RuleActionContext): CodeAction[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.rule === 'export') continue; // the export's problems are not a rule of the settings
    const list = byRule.get(f.rule);
    if (list) list.push(f);
    else byRule.set(f.rule, [f]);
  }
  const actions: CodeAction[] = [];
  for (const [rule, list] of byRule) {
    const diagnostics = list.map(context.diagnosticOf);
    const url = ruleDocumentationUrl(rule);
    const docTitle = `Show documentation for rule ${rule}`;
    actions.push({ title: docTitle, kind: CodeActionKind.QuickFix, diagnostics, command: { title: docTitle, command: OPEN_RULE_DOCUMENTATION, arguments: [url] } });
    const edit = turnOffEdit(rule, context);
    if (edit) actions.push({ title: `Turn rule ${rule} off in ${CONFIG_FILE_NAME}`, kind: CodeActionKind.QuickFix, diagnostics, edit });
  }
  return actions;
}

/** The edit of the nearest config (or the new one); none for a draft that is not a file, or a config that is not valid JSON. */
function turnOffEdit(rule: string, context: RuleActionContext): WorkspaceEdit | undefined {
  if (!context.uri.startsWith('file:')) return undefined;
  const folder = dirname(fileURLToPath(context.uri));
  const existing = findConfigFile(folder);
  if (existing) {
    let text: string;
    try {
      text = readFileSync(existing, 'utf8');
    } catch {
      return undefined;
    }
    const result = ruleSeverityEdit(text, rule, 'off');
    if ('error' in result || result.edits.length === 0) return undefined;
    const doc = TextDocument.create('config', 'json', 0, text);
    const edits: TextEdit[] = result.edits.map((e) => ({ range: { start: doc.positionAt(e.offset), end: doc.positionAt(e.offset + e.length) }, newText: e.newText }));
    return { changes: { [pathToFileURL(existing).toString()]: edits } };
  }
  if (!context.canCreateFiles) return undefined;
  const root = context.workspaceFolders.filter((w) => inside(folder, w)).sort((a, b) => b.length - a.length)[0] ?? folder;
  const uri = pathToFileURL(join(root, CONFIG_FILE_NAME)).toString();
  return {
    documentChanges: [
      { kind: 'create', uri }, // no options: if the file appeared meanwhile, the edit fails rather than write into it
      { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: newConfigText(rule, 'off') }] },
    ],
  };
}

function inside(path: string, folder: string): boolean {
  const r = relative(folder, path);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
}
