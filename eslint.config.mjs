// ESLint: typescript-eslint's recommended rules everywhere, and the purity of the language
// service enforced: nothing under server/src/service may import the editor, the LSP library
// or Node's I/O, so that it runs in the server, the CLI, a browser worker and the tests alike.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'dist/**', 'out/**', '.vscode-test/**', 'test-results/**', '**/*.vsix'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['server/src/service/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['vscode', 'vscode-languageserver', 'vscode-languageserver/node', 'vscode-languageserver-textdocument', 'fs', 'path', 'process', 'child_process', 'os', 'url'],
          patterns: ['node:*', 'vscode-languageserver/*', 'vscode-jsonrpc*', '**/lsp/**', '**/cli/**'],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname', '__filename', 'console'],
    },
  },
  {
    // Rules never see text or lines: they read the filing model, whichever front end built it
    // (parse/draft or parse/xml), and say what to fix in model changes.
    files: ['server/src/service/rules/**/*.ts', 'server/src/service/analysis/**/*.ts', 'server/src/service/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['vscode', 'vscode-languageserver', 'vscode-languageserver/node', 'vscode-languageserver-textdocument', 'fs', 'path', 'process', 'child_process', 'os', 'url'],
          patterns: ['node:*', 'vscode-languageserver/*', 'vscode-jsonrpc*', '**/lsp/**', '**/cli/**', '**/parse/**', '**/text/lines', '**/text/edits', '**/features/**', '**/document'],
        },
      ],
    },
  },
  {
    // The bin shims are CommonJS by necessity: they require the bundles.
    files: ['bin/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly' },
    },
  },
  {
    // The preview's script runs in the webview, a browser page with the webview API.
    files: ['media/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { window: 'readonly', document: 'readonly', Element: 'readonly', DOMParser: 'readonly', requestAnimationFrame: 'readonly', acquireVsCodeApi: 'readonly' },
    },
  },
);
