// Writes the JSON twin of the bundled spec from the YAML bundle, so the spec is
// bundled (resolved and checked by Redocly) once per build, not once per format.
import { readFile, writeFile } from 'node:fs/promises';
import { parse } from 'yaml';

const [source, target] = process.argv.slice(2);
if (!source || !target) throw new Error('usage: yaml-to-json.mjs SOURCE.yaml TARGET.json');
await writeFile(target, `${JSON.stringify(parse(await readFile(source, 'utf8')), null, 2)}\n`);
