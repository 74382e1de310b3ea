/**
 * The language server's entry point. The command line picks the transport: `--stdio` (any LSP
 * editor) reads frames with the project's own reader (`transport.ts`: a frame it cannot read
 * makes the server exit instead of going deaf); `--node-ipc` (VS Code's client), `--socket=N` and
 * `--pipe=NAME` are vscode-languageserver's, whose messages arrive already framed.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';
import { createStdioTransport, routeConsoleTo, transportOf } from './transport';

if (!process.argv.some((a) => a === '--stdio' || a === '--node-ipc' || a.startsWith('--socket') || a.startsWith('--pipe') || a.startsWith('--clientProcessId'))) {
  process.stderr.write('Usage: form4-language-server --stdio\n\nThe Form 4 language server speaks the Language Server Protocol; start it from an editor (see the README for Neovim and Emacs).\n');
  process.exit(2);
}

const stdio = transportOf(process.argv.slice(2)) === 'stdio';
const transport = stdio ? createStdioTransport() : undefined;
const connection = transport ? createConnection(ProposedFeatures.all, transport.reader, transport.writer) : createConnection(ProposedFeatures.all);
// stdout is the protocol's: console output goes to the client's log (vscode-languageserver does
// this for the stdio connections it makes itself).
if (stdio) routeConsoleTo(connection.console);

// A bug must not end the session: log it; the editor keeps its text and the server keeps answering.
process.on('uncaughtException', (error) => connection.console.error(`form4: uncaught: ${error.stack ?? String(error)}`));
process.on('unhandledRejection', (reason) => connection.console.error(`form4: unhandled rejection: ${String((reason as Error)?.stack ?? reason)}`));

startServer(connection);
