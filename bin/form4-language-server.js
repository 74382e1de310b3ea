#!/usr/bin/env node
// The language server on its own, for any LSP editor: `form4-language-server --stdio`.
require('../dist/server.js');
