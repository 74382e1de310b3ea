#!/usr/bin/env node
// The `form4` command: the bundled command-line checker (built by `npm run build`).
require('../dist/cli.js');
