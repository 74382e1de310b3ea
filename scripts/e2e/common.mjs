// Shared pieces of the two end-to-end runners (run-code-server.mjs and run-vscode.mjs): logging
// with phase timings, child processes in their own process group, the packaged extension, the
// bundled Mocha suite, the throwaway workspace, and the lines the suite prints for the runner.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '..', '..');
export const e2eSourceDir = join(root, 'test', 'e2e');
export const e2eOutDir = join(root, 'out', 'e2e');
export const resultsDir = join(root, 'test-results');

// The lines the suite prints (test/e2e/index.ts and test/e2e/helpers.ts write them; keep in step).
export const BEGIN_RE = /E2E_BEGIN /;
export const RESULT_RE = /E2E_RESULT (\{[^}\n]*\})/;
export const FAIL_RE = /E2E_FAIL (.+)/;
export const SCREENSHOT_RE = /E2E_SCREENSHOT ([A-Za-z0-9._-]+) ([A-Za-z0-9._-]+)/;
// The variable through which the runner tells the extension host where to acknowledge screenshots.
export const ACK_DIR_ENV = 'FORM4_E2E_ACK_DIR';

export function log(message) {
  process.stdout.write(`e2e: ${message}\n`);
}

/** A failure whose message is the whole story: printed without a stack trace. */
export class E2EError extends Error {}

const timings = [];
let current; // the phase in progress: { name, started }
let stopped = false;

/** Runs one phase of the run, logs its start and records how long it took. */
export async function phase(name, fn) {
  log(`── ${name}`);
  current = { name, started: Date.now() };
  const started = current.started;
  try {
    return await fn();
  } finally {
    // After an abort, a phase that still winds down in the background is no longer reported.
    if (!stopped) {
      const seconds = (Date.now() - started) / 1000;
      timings.push([name, seconds]);
      current = undefined;
      log(`── ${name}: ${seconds.toFixed(1)} s`);
    }
  }
}

export function currentPhase() {
  return current?.name;
}

/** From now on nothing new is started, and phases still running are not reported. */
export function markStopped() {
  stopped = true;
}

export function printTimings(totalStarted) {
  log('timings:');
  for (const [name, seconds] of timings) log(`  ${name.padEnd(22)} ${seconds.toFixed(1).padStart(7)} s`);
  if (current) log(`  ${current.name.padEnd(22)} ${((Date.now() - current.started) / 1000).toFixed(1).padStart(7)} s (unfinished)`);
  log(`  ${'total'.padEnd(22)} ${((Date.now() - totalStarted) / 1000).toFixed(1).padStart(7)} s`);
}

// Every child is started in its own process group (detached) so that it, and whatever it starts,
// can be stopped as a whole. The groups are remembered after their leader exits: code-server's
// wrapper can go while its server and file watchers stay. killAllChildren() stops them all.
const groups = new Set();

export function trackChild(child) {
  if (child.pid === undefined) return child;
  if (stopped) killGroup(child, 'SIGKILL'); // started after the run was stopped
  groups.add(child.pid);
  return child;
}

export function killGroup(child, signal = 'SIGTERM') {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is gone already
  }
}

/** Stops every process group this runner started: SIGTERM, then SIGKILL after `graceMs`. */
export async function killAllChildren(graceMs = 3000) {
  const alive = () => [...groups].filter(groupAlive);
  for (const pid of alive()) killGroup({ pid }, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && alive().length > 0) await sleep(100);
  for (const pid of alive()) killGroup({ pid }, 'SIGKILL');
  await sleep(100);
}

/** Whether a process group this runner started still has a process in it. */
export function groupsLeft() {
  return [...groups].some(groupAlive);
}

export function groupAlive(pid) {
  if (pid === undefined) return false;
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/**
 * Runs a command to completion in its own process group. Output goes to the terminal, or with
 * `logFile` (an open file descriptor) into that file. Rejects with an E2EError on a non-zero exit
 * or when `timeoutMs` passes (the group is killed then).
 */
export function run(command, args, { cwd = root, env = process.env, timeoutMs = 10 * 60_000, logFd, quiet = false } = {}) {
  return new Promise((resolvePromise, reject) => {
    const stdio = logFd !== undefined ? ['ignore', logFd, logFd] : quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'];
    const child = trackChild(spawn(command, args, { cwd, env, stdio, detached: true }));
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      reject(new E2EError(`\`${command} ${args.join(' ')}\` took longer than ${timeoutMs / 1000} s and was killed`));
    }, timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new E2EError(`could not start \`${command}\`: ${err.message}`));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise(output);
      else {
        const err = new E2EError(`\`${command} ${args.join(' ')}\` failed (${signal ?? `exit code ${code}`})${output ? `:\n${output.trimEnd()}` : ''}`);
        err.output = output;
        reject(err);
      }
    });
  });
}

export function makeTempRoot() {
  return mkdtempSync(join(tmpdir(), 'form4-e2e-'));
}

export function removeTempRoot(dir) {
  if (process.env.FORM4_E2E_KEEP === '1') {
    log(`kept the temporary folder ${dir} (FORM4_E2E_KEEP=1)`);
    return;
  }
  rmSync(dir, { recursive: true, force: true });
}

/** Copies test/e2e/fixtures into a new folder under `tempRoot`, so tests may edit files freely. */
export function prepareWorkspace(tempRoot) {
  const fixtures = join(e2eSourceDir, 'fixtures');
  if (!existsSync(fixtures)) throw new E2EError(`${fixtures} does not exist`);
  const workspace = join(tempRoot, 'workspace');
  cpSync(fixtures, workspace, { recursive: true });
  return workspace;
}

/** The suite files: test/e2e/*.e2e.ts, sorted. */
export function suiteEntryPoints() {
  const files = readdirSync(e2eSourceDir)
    .filter((f) => f.endsWith('.e2e.ts'))
    .sort();
  if (files.length === 0) throw new E2EError(`no *.e2e.ts suite files in ${e2eSourceDir}`);
  return files.map((f) => join(e2eSourceDir, f));
}

/**
 * Bundles test/e2e/index.ts (the extensionTestsPath module, Mocha bundled in) and each
 * test/e2e/*.e2e.ts suite into out/e2e/ with esbuild; `vscode` stays external (the extension host
 * provides it). index.js loads the *.e2e.js files that sit beside it.
 */
export async function bundleSuite() {
  const esbuild = await import('esbuild');
  rmSync(e2eOutDir, { recursive: true, force: true });
  const entryPoints = [join(e2eSourceDir, 'index.ts'), ...suiteEntryPoints()];
  const result = await esbuild.build({
    entryPoints,
    outdir: e2eOutDir,
    outbase: e2eSourceDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'silent',
  });
  for (const w of result.warnings) {
    // Mocha's require.resolve() of its parallel-mode worker and reporter: not used here.
    if (!/should be marked as external for use with "require\.resolve"/.test(w.text)) log(`esbuild warning: ${w.text}`);
  }
  log(`bundled ${entryPoints.length - 1} suite file(s) into ${e2eOutDir}`);
  return join(e2eOutDir, 'index.js');
}

/**
 * The .vsix under test: FORM4_VSIX when it is set, else `npm run package` in the project, which
 * writes form4-<version>.vsix into the project root.
 */
export async function buildVsix() {
  const given = process.env.FORM4_VSIX;
  if (given) {
    const vsix = resolve(given);
    if (!existsSync(vsix) || !statSync(vsix).isFile()) throw new E2EError(`FORM4_VSIX=${given}: no such file`);
    log(`using the packaged extension FORM4_VSIX=${vsix}`);
    return vsix;
  }
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const vsix = join(root, `${pkg.name}-${pkg.version}.vsix`);
  rmSync(vsix, { force: true });
  log('running `npm run package` (set FORM4_VSIX=<file.vsix> to test a given package instead)');
  await run('npm', ['run', 'package'], { timeoutMs: 10 * 60_000 });
  if (!existsSync(vsix)) throw new E2EError(`\`npm run package\` did not write ${vsix}`);
  return vsix;
}

/** The one extension folder that `--install-extension` unpacked into a fresh extensions dir. */
export function installedExtensionDir(extensionsDir) {
  const dirs = readdirSync(extensionsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => join(extensionsDir, e.name));
  if (dirs.length !== 1) throw new E2EError(`expected one extension in ${extensionsDir}, found ${dirs.length}`);
  if (!existsSync(join(dirs[0], 'package.json'))) throw new E2EError(`${dirs[0]} has no package.json`);
  return dirs[0];
}

export function ensureDir(dir) {
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Collects what the suite prints: the counts line, the names of failed tests.
 * `feed` takes one chunk of output (one or more lines).
 */
export class SuiteOutput {
  result = undefined;
  failed = [];
  begun = false;

  #partial = '';

  /** A chunk of a stream (VS Code's stdout): lines may be split across chunks. */
  feedChunk(text) {
    const lines = (this.#partial + text).split('\n');
    this.#partial = lines.pop() ?? '';
    this.#lines(lines);
  }

  /** Whole messages (code-server's log messages); without an argument, the end of a stream. */
  feed(text = '') {
    const pending = this.#partial;
    this.#partial = '';
    this.#lines((pending ? `${pending}\n${text}` : text).split('\n'));
  }

  #lines(lines) {
    for (const line of lines) {
      if (BEGIN_RE.test(line)) this.begun = true;
      const r = RESULT_RE.exec(line);
      if (r) {
        try {
          this.result = JSON.parse(r[1]);
        } catch {
          // a malformed line counts as no result
        }
      }
      const f = FAIL_RE.exec(line);
      if (f) this.failed.push(f[1].trim());
    }
  }

  /**
   * Prints the closing lines and returns the exit code: 0 all passed, 1 a test failed,
   * 2 the run broke (no counts from the suite, or the counts and the exit code disagree).
   */
  finish(exitCode, brokenReason) {
    this.feed();
    const r = this.result;
    for (const name of this.failed) log(`FAILED: ${name}`);
    if (!r || brokenReason) {
      log(`the run broke: ${brokenReason ?? 'the suite printed no E2E_RESULT line (did it crash or never start?)'}`);
      const passed = r?.passed ?? 0;
      const failed = Math.max(r?.failed ?? 0, this.failed.length, 1);
      process.stdout.write(`${passed} passed, ${failed} failed\n`);
      return 2;
    }
    if (r.total === 0) {
      log('the suite ran no test');
      process.stdout.write(`0 passed, 1 failed\n`);
      return 2;
    }
    let code = r.failed > 0 ? 1 : 0;
    if (exitCode !== undefined && exitCode !== 0 && code === 0) {
      log(`the suite reported no failure but exited with code ${exitCode}`);
      code = 2;
    }
    process.stdout.write(`${r.passed} passed, ${code === 2 ? Math.max(r.failed, 1) : r.failed} failed${r.pending ? `, ${r.pending} skipped` : ''}\n`);
    return code;
  }
}
