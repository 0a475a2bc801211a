#!/usr/bin/env node
// `pnpm generate`: turns the bundled spec into the committed generated code.
// `--check`: generates into a scratch folder and fails, naming `pnpm generate`,
// when the committed output differs (the spirit of hey-api's examples-check).
// `--spec FILE`: read another bundled spec (JSON) instead of @avchatroom/openapi's.
// `--out DIR`: write into DIR/client and DIR/types instead of the packages'
// generated folders (the synthetic-operation test regenerates into a temp folder).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createClient } from '@hey-api/openapi-ts';
import { formatFolder } from './format-folder.mjs';
import { heyApiConfig } from './hey-api-config.mjs';
import { writeOperationLayer } from './operation-layer.mjs';
import { compareFolders, replaceFolder, writeGeneratedReadme } from './output-folder.mjs';
import { writePublicApi } from './public-api.mjs';
import { writeSpecTables } from './spec-tables.mjs';
import { writeTypes } from './types-file.mjs';
import { writeValidators } from './validators.mjs';

const packagesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values: args } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    spec: { type: 'string' },
    out: { type: 'string' },
  },
});
const targets = args.out
  ? { client: join(resolve(args.out), 'client'), types: join(resolve(args.out), 'types') }
  : {
      client: join(packagesDir, 'client/src/generated'),
      types: join(packagesDir, 'types/src/generated'),
    };
const check = args.check;
const specFile =
  args.spec ?? createRequire(import.meta.url).resolve('@avchatroom/openapi/openapi.json');
const spec = JSON.parse(await readFile(specFile, 'utf8'));

// The scratch folder sits inside the repository so the formatter applies the
// project's own configuration to it; git (and so biome) ignore `.codegen-*`.
const scratch = await mkdtemp(join(packagesDir, 'codegen/.codegen-'));
try {
  const output = { client: join(scratch, 'client'), types: join(scratch, 'types') };
  // hey-api mutates its input while patching: give it a copy.
  await createClient(heyApiConfig(structuredClone(spec), output.client));
  await writeSpecTables(spec, output.client);
  await writeValidators(spec, output.client);
  await writeOperationLayer(spec, output.client);
  await writePublicApi(spec, output.client);
  await writeTypes(spec, output.types);
  await writeGeneratedReadme(output.client);
  await writeGeneratedReadme(output.types);
  await formatFolder(scratch);

  if (check) {
    const differences = [
      ...(await compareFolders(output.client, targets.client)),
      ...(await compareFolders(output.types, targets.types)),
    ];
    if (differences.length > 0) {
      console.error('Generated code is out of date with the spec:');
      for (const line of differences) console.error(`  ${line}`);
      console.error('Run `pnpm generate` and commit the result.');
      process.exitCode = 1;
    } else {
      console.log('Generated code is up to date with the spec.');
    }
  } else {
    await replaceFolder(output.client, targets.client);
    await replaceFolder(output.types, targets.types);
    console.log(`Generated ${targets.client} and ${targets.types}`);
  }
} finally {
  await rm(scratch, { recursive: true, force: true });
}
