// Writes the files made from the rule definitions (see server/src/docs/generated.ts).
// Run with `npm run docs` after changing a rule's documentation or severity.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const generated = require('../out/server/src/docs/generated.js');
const root = new URL('../', import.meta.url);
const write = (path, text) => {
  mkdirSync(new URL('.', new URL(path, root)), { recursive: true });
  writeFileSync(new URL(path, root), text);
  console.log(`docs: wrote ${path}`);
};

write('docs/rules.md', generated.rulesDoc());
write('schemas/form4rc.schema.json', `${JSON.stringify(generated.form4rcSchema(), null, 2)}\n`);
const readme = readFileSync(new URL('README.md', root), 'utf8');
write('README.md', generated.readmeWithRulesTable(readme));
const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
manifest.contributes.configuration = generated.configurationContribution();
write('package.json', `${JSON.stringify(manifest, null, 2)}\n`);
