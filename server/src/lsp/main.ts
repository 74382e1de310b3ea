/**
 * The language server's entry point. `vscode-languageserver` picks the transport from the
 * command line: `--stdio` (any LSP editor), `--node-ipc` (VS Code's client) or `--socket=N`.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe') || a.startsWith('--clientProcessId'))) {
  process.stderr.write('Usage: form4-language-server --stdio\n\nThe Form 4 language server speaks the Language Server Protocol; start it from an editor (see the README for Neovim and Emacs).\n');
  process.exit(2);
}

const connection = createConnection(ProposedFeatures.all);

// A bug must not end the session: log it; the editor keeps its text and the server keeps answering.
process.on('uncaughtException', (error) => connection.console.error(`form4: uncaught: ${error.stack ?? String(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`form4: unhandled rejection: ${String((reason as Error)?.stack ?? reason)}`));

startServer(connection);
