/** The `form4` command. */
import { runCli } from './run';

declare const FORM4_VERSION: string | undefined;

const version = typeof FORM4_VERSION === 'string' ? FORM4_VERSION : 'dev';

try {
  process.exitCode = runCli(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTty: process.stdout.isTTY === true,
    env: process.env,
    version,
  });
} catch (error) {
  // A bug, not a finding: one line for the user, the stack for the report.
  process.stderr.write(`form4: internal error: ${(error as Error).message}\n${(error as Error).stack ?? ''}\n`);
  process.exitCode = 2;
}
