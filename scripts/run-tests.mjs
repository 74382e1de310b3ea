// Runs the node:test suites compiled into out/test (the service, the CLI, the protocol, the
// grammar and the snippets). Node 20's `--test` takes no glob, and given a folder it would
// also run every helper module under a `test` folder, so the files are listed here.
// Usage: node scripts/run-tests.mjs [folder or file under out/test …]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const starts = args.length > 0 ? args.map((a) => resolve(a)) : [join(root, 'out', 'test')];

function collect(path, found) {
  if (!existsSync(path)) {
    console.error(`run-tests: ${path} does not exist (run \`npm run build:tests\` first)`);
    process.exit(2);
  }
  if (statSync(path).isFile()) {
    found.push(path);
    return;
  }
  for (const entry of readdirSync(path).sort()) {
    const full = join(path, entry);
    if (statSync(full).isDirectory()) {
      // e2e and browser need a browser or VS Code: `npm run test:e2e`, `npm run test:browser`.
      if (entry !== 'e2e' && entry !== 'browser') collect(full, found);
    } else if (entry.endsWith('.test.js')) {
      found.push(full);
    }
  }
}

const files = [];
for (const s of starts) collect(s, files);
if (files.length === 0) {
  console.error('run-tests: no test files found');
  process.exit(2);
}
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit', cwd: root });
process.exit(result.status ?? 1);
