// `npm run test:e2e`: runs the Mocha extension suite (test/e2e) inside a real VS Code, here
// code-server 4.100.3 (VS Code 1.100.3 for the browser, with a real Node extension host) driven by
// Debian's headless Chromium through playwright-core. Needs nothing from the network but the npm
// registry and Debian's apt. See test/e2e/README.md.
//
//   node scripts/e2e/run-code-server.mjs [--dev]
//
//   --dev              test the project folder itself (after `npm run build`) instead of the .vsix
//   FORM4_VSIX=<file>  test this .vsix instead of running `npm run package`
//   FORM4_E2E_GREP=<text>     run only the tests whose full title contains <text>
//   FORM4_E2E_TIMEOUT=<s>     limit for starting code-server and running the suite (default 360)
//   FORM4_E2E_KEEP=1          keep the temporary workspace, profile and logs
//   FORM4_E2E_SKIP_APT=1      do not check or install Debian packages
//   FORM4_E2E_VERBOSE=1       also print every workbench log message
//
// Exit code: 0 every test passed, 1 a test failed, 2 the run itself broke (setup, timeout, crash).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, copyFileSync, existsSync, openSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { createServer } from 'node:net';
import { arch, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  ACK_DIR_ENV,
  BEGIN_RE,
  E2EError,
  RESULT_RE,
  SCREENSHOT_RE,
  SuiteOutput,
  bundleSuite,
  buildVsix,
  currentPhase,
  ensureDir,
  groupsLeft,
  installedExtensionDir,
  killAllChildren,
  log,
  makeTempRoot,
  markStopped,
  phase,
  prepareWorkspace,
  printTimings,
  removeTempRoot,
  resultsDir,
  root,
  run,
  sleep,
  trackChild,
} from './common.mjs';
import { WEBVIEW_RE, webviewDriver } from './webview.mjs';

const CODE_SERVER_VERSION = '4.100.3';
const RIPGREP_PACKAGE_VERSION = '1.15.11'; // @vscode/ripgrep in code-server 4.100.3's tree
const RIPGREP_RELEASE = 'v13.0.0-10'; // what that @vscode/ripgrep downloads
const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev', 'pkg-config', 'ripgrep'];
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const codeServerDir = join(root, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
const codeServerEntry = join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const installedMarker = join(codeServerDir, '.installed');

const dev = process.argv.includes('--dev');
const verbose = process.env.FORM4_E2E_VERBOSE === '1';
const suiteTimeoutMs = Number(process.env.FORM4_E2E_TIMEOUT ?? 360) * 1000;

// code-server writes a default config.yaml, logs and a heartbeat under the user's XDG folders and
// sockets into the temporary folder, Chromium its crash reports and scratch folders: give them
// throwaway ones inside the run's temporary folder, which goes when the run ends.
let isolatedEnv = process.env;

function isolateHome(tempRoot) {
  const dir = (name) => ensureDir(join(tempRoot, 'home', name));
  isolatedEnv = { ...process.env, XDG_CONFIG_HOME: dir('config'), XDG_DATA_HOME: dir('data'), XDG_CACHE_HOME: dir('cache'), TMPDIR: dir('tmp') };
}

// ── Debian packages ──────────────────────────────────────────────────────────────────────────────

function debianPackageInstalled(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === 'install ok installed';
}

async function ensureDebianPackages() {
  if (process.env.FORM4_E2E_SKIP_APT === '1') {
    log('not checking Debian packages (FORM4_E2E_SKIP_APT=1)');
    return;
  }
  if (spawnSync('dpkg-query', ['--version']).status !== 0) {
    log(`no dpkg here: make sure these are installed yourself: ${DEBIAN_PACKAGES.join(' ')} (Chromium at ${CHROMIUM})`);
    return;
  }
  const missing = DEBIAN_PACKAGES.filter((p) => !debianPackageInstalled(p));
  if (missing.length === 0) {
    log(`Debian packages already installed: ${DEBIAN_PACKAGES.join(' ')}`);
    return;
  }
  if (process.getuid?.() !== 0) {
    throw new E2EError(`missing Debian packages; install them first: sudo apt-get install -y ${missing.join(' ')}`);
  }
  const logFile = join(ensureDir(dirname(codeServerDir)), 'apt-install.log');
  log(`installing Debian packages: ${missing.join(' ')} (apt-get update, apt-get install; about a minute; log: ${logFile})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const fd = openSync(logFile, 'w');
  try {
    await run('apt-get', ['update', '-q'], { env, logFd: fd, timeoutMs: 10 * 60_000 });
    await run('apt-get', ['install', '-y', '-q', ...missing], { env, logFd: fd, timeoutMs: 15 * 60_000 });
  } catch (err) {
    throw new E2EError(`${err.message}\n${tail(logFile, 30)}\napt-get failed; full log: ${logFile}`);
  } finally {
    closeSync(fd);
  }
  const still = missing.filter((p) => !debianPackageInstalled(p));
  if (still.length > 0) throw new E2EError(`apt-get did not install: ${still.join(' ')}`);
}

// ── code-server, installed once into .vscode-test/ ───────────────────────────────────────────────

// @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache already holds the release
// archive: pack Debian's rg into that archive first.
async function seedRipgrepCache() {
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (!rg) throw new E2EError('ripgrep (rg) is not installed: apt-get install ripgrep');
  const target = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' }[arch()];
  if (!target) throw new E2EError(`no ripgrep cache recipe for the ${arch()} architecture`);
  const cacheDir = ensureDir(join(tmpdir(), `vscode-ripgrep-cache-${RIPGREP_PACKAGE_VERSION}`));
  const archive = join(cacheDir, `ripgrep-${RIPGREP_RELEASE}-${target}.tar.gz`);
  const staging = ensureDir(join(cacheDir, `.staging-${process.pid}`));
  try {
    copyFileSync(rg, join(staging, 'rg'));
    chmodSync(join(staging, 'rg'), 0o755);
    await run('tar', ['-czf', `${archive}.${process.pid}`, '-C', staging, 'rg'], { quiet: true });
    renameSync(`${archive}.${process.pid}`, archive);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  log(`seeded the ripgrep download cache with ${rg}: ${archive}`);
}

/** `code-server --version`: the line naming the expected version, else undefined. */
function codeServerVersionOk() {
  const r = spawnSync(process.execPath, [codeServerEntry, '--version'], { encoding: 'utf8', timeout: 60_000, env: isolatedEnv });
  const line = r.stdout?.split('\n').find((l) => l.startsWith(`${CODE_SERVER_VERSION} `));
  if (r.status === 0 && line) return line;
  lastVersionCheck = `status ${r.status ?? r.signal}${r.error ? `, ${r.error.message}` : ''}: ${(r.stdout + r.stderr).trim().slice(0, 2000)}`;
  return undefined;
}
let lastVersionCheck = '';

// Files the install scripts build or fetch; if one is missing, a script did not run.
const builtFiles = [
  'node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node',
  'node_modules/code-server/lib/vscode/node_modules/@vscode/spdlog/build/Release/spdlog.node',
  'node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg',
  'node_modules/code-server/lib/vscode/node_modules.asar',
  'node_modules/code-server/lib/vscode/bin/remote-cli/code-server',
];

async function ensureCodeServer() {
  if (existsSync(installedMarker) && codeServerVersionOk()) {
    log(`code-server ${CODE_SERVER_VERSION} already installed in ${codeServerDir}`);
    return;
  }
  if (existsSync(codeServerDir)) log(`removing an unfinished or broken install in ${codeServerDir}`);
  rmSync(codeServerDir, { recursive: true, force: true });
  ensureDir(codeServerDir);
  await seedRipgrepCache();
  // A package.json of its own, so that npm installs here and not into the project above.
  writeFileSync(
    join(codeServerDir, 'package.json'),
    JSON.stringify({ name: 'form4-e2e-code-server', private: true, description: 'code-server for the form4 e2e tests; not part of the project' }, null, 2) + '\n',
  );
  const logFile = join(dirname(codeServerDir), `code-server-${CODE_SERVER_VERSION}-install.log`);
  log(`installing code-server@${CODE_SERVER_VERSION} into ${codeServerDir} (about 1–3 minutes; log: ${logFile})`);
  const env = {
    ...process.env,
    // code-server's postinstall refuses to run as root without it
    npm_config_unsafe_perm: 'true',
    // node-pty's postinstall runs `npx node-gyp`
    npm_config_yes: 'true',
    // npm 11 blocks dependency install scripts unless allowed. code-server's tree (pinned by its
    // npm-shrinkwrap.json) needs them: its own postinstall runs `npm install` in lib/vscode, whose
    // native addons (node-pty, spdlog, kerberos, @parcel/watcher, …) build in theirs. The nested
    // installs have no allowScripts of ours and refuse --allow-scripts, so allow all scripts for
    // this one install, through the environment, and nowhere else.
    npm_config_dangerously_allow_all_scripts: 'true',
    npm_config_foreground_scripts: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  const fd = openSync(logFile, 'w');
  try {
    await run('npm', ['install', '--no-save', `code-server@${CODE_SERVER_VERSION}`], { cwd: codeServerDir, env, logFd: fd, timeoutMs: 20 * 60_000 });
  } catch (err) {
    closeSync(fd);
    throw new E2EError(`${err.message}\n${tail(logFile, 40)}\nthe npm install of code-server failed; full log: ${logFile}`);
  }
  closeSync(fd);
  const missing = builtFiles.filter((f) => !existsSync(join(codeServerDir, f)));
  const version = codeServerVersionOk();
  if (missing.length > 0 || !version) {
    throw new E2EError(
      `code-server installed but is not usable (${missing.length > 0 ? `missing ${missing.join(', ')}` : `\`code-server --version\` failed with ${lastVersionCheck}`}): ` +
        `were its install scripts blocked? log: ${logFile}\n${tail(logFile, 40)}`,
    );
  }
  writeFileSync(installedMarker, `${version}\n`); // written last: its presence means the install finished
  log(`installed code-server ${version}`);
}

function tail(file, lines) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

// ── the extension under test ─────────────────────────────────────────────────────────────────────

/** Packs the extension (or takes FORM4_VSIX) and installs it the way a user would; returns its folder. */
async function prepareExtension(tempRoot) {
  if (dev) {
    log('--dev: testing the project folder itself, after `npm run build`');
    await run('npm', ['run', 'build']);
    return root;
  }
  const vsix = await buildVsix();
  const extensionsDir = ensureDir(join(tempRoot, 'installed-extension'));
  await run(
    process.execPath,
    [codeServerEntry, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', join(tempRoot, 'install-profile')],
    { quiet: true, timeoutMs: 2 * 60_000, env: isolatedEnv },
  );
  const dir = installedExtensionDir(extensionsDir);
  log(`installed ${vsix} into ${dir}`);
  return dir;
}

// ── code-server and the browser ──────────────────────────────────────────────────────────────────

function freePort() {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePromise(port));
    });
  });
}

/** GET /healthz answers 200 (code-server is listening and ready). */
function healthy(port) {
  return new Promise((resolvePromise) => {
    const req = httpGet({ host: '127.0.0.1', port, path: '/healthz', timeout: 2000 }, (res) => {
      res.resume();
      resolvePromise(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolvePromise(false));
  });
}

async function startCodeServer({ tempRoot, workspace, ackDir }) {
  const port = await freePort();
  const userDataDir = ensureDir(join(tempRoot, 'user-data'));
  const extensionsDir = ensureDir(join(tempRoot, 'extensions'));
  const config = join(tempRoot, 'config.yaml');
  writeFileSync(config, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  // Quiet profile: no welcome page, no tips, nothing that reaches for the network.
  ensureDir(join(userDataDir, 'User'));
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'security.workspace.trust.enabled': false,
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'window.restoreWindows': 'none',
      },
      null,
      2,
    ),
  );
  const logFile = join(resultsDir, 'e2e-code-server.log');
  const fd = openSync(logFile, 'w');
  const child = trackChild(
    spawn(
      process.execPath,
      [
        codeServerEntry,
        '--config', config,
        '--user-data-dir', userDataDir,
        '--extensions-dir', extensionsDir,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        workspace,
      ],
      { cwd: tempRoot, detached: true, stdio: ['ignore', fd, fd], env: { ...isolatedEnv, [ACK_DIR_ENV]: ackDir } },
    ),
  );
  closeSync(fd);
  let exited = false;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new E2EError(`code-server exited while starting; its log (${logFile}):\n${tail(logFile, 40)}`);
    if (Date.now() > deadline) throw new E2EError(`code-server did not answer /healthz within 60 s; its log (${logFile}):\n${tail(logFile, 40)}`);
    if (await healthy(port)) break;
    await sleep(200);
  }
  log(`code-server is up on 127.0.0.1:${port} (pid ${child.pid}, log ${logFile})`);
  return { child, port, logFile };
}

/**
 * Opens the test URL in headless Chromium. The workbench finds the two exposed functions and uses
 * them: codeAutomationLog(level, message) for every log message (the suite's output among them),
 * codeAutomationExit(code, logs) once the suite is done. Resolves with the exit code.
 */
async function runSuiteInBrowser({ port, extensionPath, testsEntry, workspace, ackDir, output, state }) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, env: isolatedEnv });
  state.browser = browser;
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const browserLog = [];
  page.on('console', (m) => browserLog.push(`[console.${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => browserLog.push(`[pageerror] ${e.message}`));
  state.saveBrowserLog = () => writeFileSync(join(resultsDir, 'e2e-browser.log'), browserLog.join('\n') + '\n');

  let screenshots = Promise.resolve();
  const takeScreenshot = (name, token) => {
    screenshots = screenshots.then(async () => {
      const file = join(resultsDir, `${name}.png`);
      let ack;
      try {
        await page.screenshot({ path: file });
        log(`screenshot: ${file}`);
        ack = file;
      } catch (err) {
        log(`screenshot ${name} failed: ${err.message}`);
        ack = `ERROR ${err.message}`;
      }
      writeFileSync(join(ackDir, `${token}.tmp`), ack);
      // rename, so that the suite never reads a half-written acknowledgement
      renameSync(join(ackDir, `${token}.tmp`), join(ackDir, token));
    });
  };

  // Every workbench log message comes through codeAutomationLog, the extension host's console
  // output among them, with nothing that tells the two apart. The suite's output is what comes
  // between its E2E_BEGIN and E2E_RESULT lines: that is echoed; everything goes to the browser log.
  let inSuite = false;
  const driveWebview = webviewDriver(page, ackDir);
  const recentErrors = (state.preSuiteErrors = []);
  let resolveExit;
  const exited = new Promise((r) => (resolveExit = r));
  await page.exposeFunction('codeAutomationLog', (level, message) => {
    const text = Array.isArray(message) ? message.join(' ') : String(message);
    // A webview request is answered, and not echoed: a test that polls the preview prints many.
    const webview = WEBVIEW_RE.exec(text);
    if (webview) {
      driveWebview(webview[1], webview[2]);
      return;
    }
    browserLog.push(`[${level}] ${text}`);
    if (BEGIN_RE.test(text)) inSuite = true;
    if (verbose) process.stdout.write(`[workbench ${level}] ${text}\n`);
    else if (inSuite) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    else if (level === 'error' && !/open-vsx\.org/.test(text)) recentErrors.push(text); // open-vsx: no network, harmless
    output.feed(text);
    if (RESULT_RE.test(text)) inSuite = false;
    const shot = SCREENSHOT_RE.exec(text);
    if (shot) takeScreenshot(shot[1], shot[2]);
  });
  await page.exposeFunction('codeAutomationExit', async (code, logs) => {
    await screenshots;
    if (Array.isArray(logs)) saveWorkbenchLogs(logs);
    resolveExit(code);
  });

  const authority = `vscode-remote://127.0.0.1:${port}`;
  const payload = [
    ['extensionDevelopmentPath', `${authority}${extensionPath}`],
    ['extensionTestsPath', `${authority}${testsEntry}`],
  ];
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  await page.goto(url);
  log('the workbench is loading; the suite output follows');
  return exited;
}

function saveWorkbenchLogs(logs) {
  const dir = join(resultsDir, 'e2e-logs');
  rmSync(dir, { recursive: true, force: true });
  for (const { relativePath, contents } of logs) {
    if (typeof relativePath !== 'string' || relativePath.includes('..')) continue;
    const file = join(dir, relativePath);
    ensureDir(dirname(file));
    writeFileSync(file, contents);
  }
}

// ── main ─────────────────────────────────────────────────────────────────────────────────────────

async function main() {
  const started = Date.now();
  const output = new SuiteOutput();
  const state = { browser: undefined, saveBrowserLog: undefined, tempRoot: undefined, preSuiteErrors: [] };
  // When the suite never got going, the workbench's errors before it are the likely story.
  const explainNoSuite = () => {
    if (output.result || output.begun || state.preSuiteErrors.length === 0) return;
    log('workbench errors before the suite started (everything is in test-results/e2e-browser.log):');
    for (const e of state.preSuiteErrors.slice(-10)) log(`  ${e.slice(0, 800).replace(/\n/g, '\n    ')}`);
  };

  const stopEverything = async () => {
    markStopped();
    try {
      state.saveBrowserLog?.();
    } catch {
      // best effort
    }
    try {
      await Promise.race([state.browser?.close(), sleep(5000)]);
    } catch {
      // the browser may be gone already
    }
    await killAllChildren();
    if (state.tempRoot) removeTempRoot(state.tempRoot);
  };

  // A timeout or a signal rejects `aborted`, which wins the race against the steps below.
  let abortRun;
  const aborted = new Promise((_, reject) => (abortRun = (message) => reject(new E2EError(message))));
  aborted.catch(() => {});
  let signals = 0;
  const onSignal = (name) => {
    if (++signals > 1) {
      killAllChildren(0).finally(() => process.exit(130)); // a second Ctrl-C: no more waiting
      return;
    }
    abortRun(`interrupted (${name}) during ${currentPhase() ?? 'setup'}`);
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  let watchdog;

  const steps = async () => {
    ensureDir(resultsDir);
    state.tempRoot = makeTempRoot();
    const tempRoot = state.tempRoot;
    isolateHome(tempRoot);
    await phase('apt', ensureDebianPackages);
    await phase('code-server install', ensureCodeServer);
    const extensionPath = await phase('package', () => prepareExtension(tempRoot));
    const testsEntry = await phase('bundle suite', bundleSuite);
    const workspace = prepareWorkspace(tempRoot);
    const ackDir = ensureDir(join(tempRoot, 'screenshot-acks'));

    watchdog = setTimeout(
      () => abortRun(`TIMEOUT: starting code-server and running the suite took longer than ${suiteTimeoutMs / 1000} s (FORM4_E2E_TIMEOUT), stopped during ${currentPhase()}`),
      suiteTimeoutMs,
    );
    const server = await phase('start', () => startCodeServer({ tempRoot, workspace, ackDir }));
    const serverDied = new Promise((r) => server.child.once('exit', (code, signal) => r(`code-server exited during the suite (${signal ?? code}); see ${server.logFile}`)));
    return phase('suite', () =>
      Promise.race([
        runSuiteInBrowser({ port: server.port, extensionPath, testsEntry, workspace, ackDir, output, state }).then((code) => ({ code })),
        serverDied.then((reason) => ({ reason })),
      ]),
    );
  };

  let exitCode;
  try {
    const outcome = await Promise.race([steps(), aborted]);
    clearTimeout(watchdog);
    if (!outcome.reason) log(`the suite exited with code ${outcome.code}`);
    await stopEverything();
    explainNoSuite();
    exitCode = output.finish(outcome.code, outcome.reason);
  } catch (err) {
    clearTimeout(watchdog);
    markStopped();
    // the first line goes into the closing message below; print the rest (a log tail, a stack) here
    const detail = err instanceof E2EError ? err.message.split('\n').slice(1).join('\n') : (err?.stack ?? '');
    if (detail) log(detail);
    await stopEverything();
    explainNoSuite();
    exitCode = output.finish(undefined, err instanceof E2EError ? err.message.split('\n')[0] : String(err?.message ?? err));
  }
  printTimings(started);
  if (groupsLeft()) log('warning: some child processes could not be stopped');
  process.exit(exitCode);
}

await main();
