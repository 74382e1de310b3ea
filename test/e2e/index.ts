// The extensionTestsPath module of the end-to-end suite: VS Code (desktop through
// @vscode/test-electron, or code-server through scripts/e2e/run-code-server.mjs) loads the bundle
// of this file, out/e2e/index.js, in the extension host and calls run(). It runs Mocha over the
// *.e2e.js suite bundles that sit beside it (each test/e2e/*.e2e.ts is bundled on its own).
//
// For the runners it prints, besides Mocha's spec report:
//   E2E_BEGIN <suite files>                              once, before the first test
//   E2E_FAIL <full title of a failed test or hook>      once per failure, as it happens
//   E2E_RESULT {"passed":N,"failed":N,"pending":N,"total":N}   once, at the end
// See test/e2e/README.md.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';

// The reporters call console.log(format, ...args). code-server forwards the extension host's
// console to the runner without applying the format, so hand it finished lines.
Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(util.format(...args));

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    reporter: 'spec',
    timeout: Number(process.env.FORM4_E2E_TEST_TIMEOUT ?? 30_000),
    // FORM4_E2E_GREP: run only the tests whose full title contains this text.
    grep: process.env.FORM4_E2E_GREP || undefined,
  });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.e2e.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  return new Promise<void>((resolve, reject) => {
    if (files.length === 0) {
      report(0, 1, 0);
      reject(new Error(`no *.e2e.js suite files beside ${__filename}`));
      return;
    }
    console.log(`E2E_BEGIN ${files.join(' ')}`);
    let passed = 0;
    let failed = 0;
    let pending = 0;
    let runner: Mocha.Runner;
    try {
      runner = mocha.run(() => {
        report(passed, failed, pending);
        if (failed > 0) reject(new Error(`${failed} end-to-end test(s) failed`));
        else resolve();
      });
    } catch (err) {
      // a suite file that throws while loading
      const where = err instanceof Error ? /[\w.-]+\.e2e\.js:\d+/.exec(err.stack ?? '')?.[0] : undefined;
      console.log(`E2E_FAIL loading the suite files${where ? ` (${where})` : ''}: ${err instanceof Error ? err.message : String(err)}`);
      if (err instanceof Error && err.stack) console.log(err.stack);
      report(0, 1, 0);
      reject(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    runner.on('pass', () => passed++);
    runner.on('pending', () => pending++);
    runner.on('fail', (test) => {
      failed++;
      console.log(`E2E_FAIL ${test.fullTitle()}`);
    });
  });
}

function report(passed: number, failed: number, pending: number): void {
  const result = { passed, failed, pending, total: passed + failed + pending };
  console.log(`E2E_RESULT ${JSON.stringify(result)}`);
}
