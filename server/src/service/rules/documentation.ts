/**
 * Where each rule's documentation lives: docs/rules.md in the project's repository, one anchor
 * per rule id. Diagnostics link to it (LSP codeDescription), SARIF output lists it (helpUri).
 */
export const DOCUMENTATION_URL = 'https://github.com/form4-tools/form4-vscode/blob/main/docs/rules.md';

export function ruleDocumentationUrl(id: string): string {
  return `${DOCUMENTATION_URL}#${id}`;
}
