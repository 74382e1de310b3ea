// `npm run test:vscode`: the same end-to-end suite (test/e2e) in desktop VS Code, through
// @vscode/test-electron, for machines that can download VS Code or have one. The machines of this
// project cannot (no network but the npm registry and apt): there, use `npm run test:e2e`
// (scripts/e2e/run-code-server.mjs), which runs the suite in code-server instead.
//
//   node scripts/e2e/run-vscode.mjs [--dev]
//
//   VSCODE_EXECUTABLE=<path>  the VS Code (Electron) executable to use; no download
//   VSCODE_VERSION=<v>        the version to download otherwise (default: stable), kept in .vscode-test/
//   --dev                     test the project folder itself (after `npm run build`) instead of the .vsix
//   FORM4_VSIX=<file>         test this .vsix instead of running `npm run package`
//   FORM4_E2E_GREP=<text>     run only the tests whose full title contains <text>
//   FORM4_E2E_TIMEOUT=<s>     limit for the VS Code run (default 360)
//   FORM4_E2E_KEEP=1          keep the temporary workspace and profile
//
// On Linux without a display, run it under a virtual one: xvfb-run -a npm run test:vscode
// Screenshots: not taken here (the suite's screenshot() requests are logged and skipped).
// Exit code: 0 every test passed, 1 a test failed, 2 the run itself broke.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  E2EError,
  SuiteOutput,
  buildVsix,
  bundleSuite,
  ensureDir,
  installedExtensionDir,
  log,
  makeTempRoot,
  phase,
  prepareWorkspace,
  printTimings,
  removeTempRoot,
  root,
  run,
} from './common.mjs';

const dev = process.argv.includes('--dev');
const timeoutMs = Number(process.env.FORM4_E2E_TIMEOUT ?? 360) * 1000;

/** The VS Code executable: VSCODE_EXECUTABLE, or a download into .vscode-test/ (kept for next time). */
async function resolveVSCode(testElectron) {
  const given = process.env.VSCODE_EXECUTABLE;
  if (given) {
    const exe = resolve(given);
    if (!existsSync(exe)) throw new E2EError(`test:vscode: VSCODE_EXECUTABLE=${given}: no such file`);
    log(`using VS Code at ${exe} (VSCODE_EXECUTABLE)`);
    return exe;
  }
  const version = process.env.VSCODE_VERSION ?? 'stable';
  let lastPercent = -10;
  const reporter = {
    // A line per stage and per 10 % of the download, not a spinner.
    report(r) {
      if (r.stage === 'downloading') {
        const percent = r.totalBytes ? Math.floor((100 * r.bytesSoFar) / r.totalBytes) : 0;
        if (percent >= lastPercent + 10) log(`downloading VS Code: ${(lastPercent = percent - (percent % 10))} %`);
      } else if (r.stage === 'foundMatchingInstall') log(`VS Code found in ${r.downloadedPath}`);
      else if (r.stage === 'newInstallComplete') log(`VS Code downloaded into ${r.downloadedPath}`);
      else if (r.stage === 'resolvedVersion') log(`VS Code version: ${r.version}`);
    },
    error() {},
  };
  try {
    return await testElectron.downloadAndUnzipVSCode({ version, cachePath: join(root, '.vscode-test'), timeout: 30_000, reporter });
  } catch (err) {
    const reason = String(err?.message ?? err).split('\n')[0];
    throw new E2EError(
      `test:vscode: no VS Code to run: the download of VS Code ${version} failed (${reason}) and VSCODE_EXECUTABLE is not set; ` +
        'set VSCODE_EXECUTABLE to a VS Code executable, or run `npm run test:e2e` (code-server) where nothing can be downloaded',
    );
  }
}

/** Installs the .vsix with VS Code's own command line into a fresh extensions folder. */
async function installVsix(testElectron, exe, vsix, tempRoot) {
  const cli = testElectron.resolveCliPathFromVSCodeExecutablePath(exe);
  const extensionsDir = ensureDir(join(tempRoot, 'installed-extension'));
  await run(cli, ['--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', join(tempRoot, 'install-profile')], {
    quiet: true,
    timeoutMs: 2 * 60_000,
  });
  const dir = installedExtensionDir(extensionsDir);
  log(`installed ${vsix} into ${dir}`);
  return dir;
}

/** The processes this runner started, and theirs (VS Code's Electron helpers). */
function descendants(pid) {
  const r = spawnSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' });
  if (r.status !== 0) return [];
  const byParent = new Map();
  for (const line of r.stdout.split('\n')) {
    const [p, pp] = line.trim().split(/\s+/).map(Number);
    if (!p) continue;
    if (!byParent.has(pp)) byParent.set(pp, []);
    byParent.get(pp).push(p);
  }
  const found = [];
  const walk = (p) => {
    for (const c of byParent.get(p) ?? []) {
      found.push(c);
      walk(c);
    }
  };
  walk(pid);
  return found;
}

async function main() {
  const started = Date.now();
  const output = new SuiteOutput();
  let tempRoot;
  let exitCode;
  try {
    const testElectron = await import('@vscode/test-electron');
    const exe = await resolveVSCode(testElectron);
    tempRoot = makeTempRoot();
    const extensionPath = await phase('package', async () => {
      if (dev) {
        log('--dev: testing the project folder itself, after `npm run build`');
        await run('npm', ['run', 'build']);
        return root;
      }
      return installVsix(testElectron, exe, await buildVsix(), tempRoot);
    });
    const testsEntry = await phase('bundle suite', bundleSuite);
    const workspace = prepareWorkspace(tempRoot);

    // Tee what VS Code prints (test-electron copies it to our stdout) into the result parser.
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (chunk, ...rest) => {
      output.feedChunk(String(chunk));
      return write(chunk, ...rest);
    };
    const watchdog = setTimeout(() => {
      log(`TIMEOUT: the VS Code run took longer than ${timeoutMs / 1000} s (FORM4_E2E_TIMEOUT); stopping it`);
      for (const pid of descendants(process.pid)) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // gone already
        }
      }
    }, timeoutMs);
    let code;
    try {
      code = await phase('suite', () =>
        testElectron.runTests({
          vscodeExecutablePath: exe,
          extensionDevelopmentPath: extensionPath,
          extensionTestsPath: testsEntry,
          launchArgs: [
            workspace,
            '--user-data-dir', join(tempRoot, 'user-data'),
            '--extensions-dir', join(tempRoot, 'extensions'),
            '--disable-telemetry',
          ],
          extensionTestsEnv: { FORM4_E2E_GREP: process.env.FORM4_E2E_GREP ?? '' },
        }),
      );
    } catch (err) {
      code = err?.code ?? 1; // TestRunFailedError: VS Code exited non-zero
    } finally {
      clearTimeout(watchdog);
      process.stdout.write = write;
    }
    exitCode = output.finish(code);
  } catch (err) {
    if (err instanceof E2EError && err.message.startsWith('test:vscode:')) {
      console.error(err.message);
      process.exit(2);
    }
    const message = err instanceof E2EError ? err.message : (err?.stack ?? String(err));
    exitCode = output.finish(undefined, message.split('\n')[0]);
    if (message.includes('\n')) log(message);
  } finally {
    if (tempRoot) removeTempRoot(tempRoot);
  }
  printTimings(started);
  process.exit(exitCode);
}

await main();
