// Why the client's response validators are compiled by packages/codegen and
// not by Ajv: both compile the spec's GetMembersResponse ahead of time (Ajv's
// standalone ESM code, first error only, the cheapest setting), and this
// measures them side by side in one run on the bench's 500-member page: the
// time per check (interleaved rounds, median) and the gzipped size of each
// one's getMembers request and response validators. Run: `pnpm bench` at the
// root, or `node bench/validator-choice.mjs` here after `pnpm generate`.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';
import { renderValidators } from '../src/validators.mjs';

const require = createRequire(import.meta.url);
const spec = JSON.parse(
  await readFile(require.resolve('@avchatroom/openapi/openapi.json'), 'utf8'),
);
const rounds = Number(process.env.BENCH_ROUNDS ?? 30);

// Ajv embeds each schema it compiles: leave out what does not constrain.
const constraintsOnly = (value) => {
  if (Array.isArray(value)) return value.map(constraintsOnly);
  if (typeof value !== 'object' || value === null) return value;
  const kept = Object.entries(value).filter(
    ([key]) =>
      !['description', 'title', 'examples', 'example'].includes(key) && !key.startsWith('x-'),
  );
  return Object.fromEntries(
    kept.map(([key, inner]) => [
      key,
      key === 'properties'
        ? Object.fromEntries(
            Object.entries(inner).map(([name, schema]) => [name, constraintsOnly(schema)]),
          )
        : constraintsOnly(inner),
    ]),
  );
};

const ajvModule = (allErrors, exports) => {
  const ajv = new Ajv({
    strict: false,
    allErrors,
    code: { source: true, esm: true, lines: false },
  });
  ajv.addSchema({ $id: 'spec', components: { schemas: constraintsOnly(spec.components.schemas) } });
  // Its ESM output still require()s a runtime helper: import it instead.
  return standaloneCode(ajv, exports).replace(
    /const (\w+) = require\("ajv\/dist\/runtime\/ucs2length"\)\.default;/,
    'import ucs2lengthModule from "ajv/dist/runtime/ucs2length.js"; const $1 = ucs2lengthModule.default;',
  );
};

const scratch = await mkdtemp(
  join(fileURLToPath(new URL('..', import.meta.url)), '.codegen-bench-'),
);
try {
  const ajvFile = join(scratch, 'ajv.mjs');
  await writeFile(
    ajvFile,
    ajvModule(false, { validateGetMembersResponse: 'spec#/components/schemas/GetMembersResponse' }),
  );
  // Requests are checked with every error, as the client names every bad field.
  await writeFile(
    join(scratch, 'ajv-request.mjs'),
    ajvModule(true, { validateGetMembersRequest: 'spec#/components/schemas/GetMembersRequest' }),
  );
  const houseFile = join(scratch, 'house.ts');
  await writeFile(houseFile, renderValidators(spec));
  const houseBuilt = await build({
    entryPoints: [houseFile],
    bundle: true,
    write: false,
    format: 'esm',
  });
  const houseModuleFile = join(scratch, 'house.mjs');
  await writeFile(houseModuleFile, houseBuilt.outputFiles[0].text);

  const sizeOf = async (contents) => {
    const result = await build({
      stdin: { contents, resolveDir: scratch, loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      write: false,
      logLevel: 'silent',
    });
    return gzipSync(result.outputFiles[0].contents, { level: 9 }).length;
  };
  const ajvBytes = await sizeOf(
    "export { validateGetMembersResponse } from './ajv.mjs'; export { validateGetMembersRequest } from './ajv-request.mjs';",
  );
  const houseBytes = await sizeOf(
    "export { validateGetMembersRequest, validateGetMembersResponse } from './house.mjs';",
  );

  const { validateGetMembersResponse: ajvCheck } = await import(ajvFile);
  const { operationValidators } = await import(houseModuleFile);
  const houseCheck = operationValidators.getMembers.response;
  const page = {
    ActionStatus: 'OK',
    ErrorCode: 0,
    ErrorInfo: '',
    MemberList: Array.from({ length: 500 }, (_, index) => ({
      Member_Account: `viewer${index}`,
      JoinTime: 1_767_225_600 + index,
      NickName: `Viewer ${index}`,
      Avatar: `https://example.com/a/${index}.png`,
    })),
    NextTimestamp: 1_767_225_000,
  };
  if (!ajvCheck(page) || houseCheck(page).length > 0)
    throw new Error('a validator refused a valid page');
  const bodies = Array.from({ length: 100 }, () => structuredClone(page));
  const timeUs = (check) => {
    const started = performance.now();
    for (const body of bodies) check(body);
    return ((performance.now() - started) * 1000) / bodies.length;
  };
  for (let warm = 0; warm < 20; warm += 1) {
    timeUs(ajvCheck);
    timeUs(houseCheck);
  }
  const ajvTimes = [];
  const houseTimes = [];
  const ratios = [];
  for (let round = 0; round < rounds; round += 1) {
    // Alternate which goes first, so neither always runs on a cold cache.
    const [ajvTime, house] =
      round % 2 === 0
        ? [timeUs(ajvCheck), timeUs(houseCheck)]
        : [timeUs(houseCheck), timeUs(ajvCheck)].reverse();
    ajvTimes.push(ajvTime);
    houseTimes.push(house);
    ratios.push(ajvTime / house);
  }
  const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];
  console.log('Validator choice: GetMembersResponse on a 500-member page, compiled ahead of time');
  console.log(`rounds: ${rounds} interleaved (BENCH_ROUNDS), 100 checks each`);
  console.log(
    `packages/codegen compiler: ${median(houseTimes).toFixed(1)} us per check; request + response validators ${(houseBytes / 1000).toFixed(2)} kB gzipped`,
  );
  console.log(
    `Ajv standalone (first error): ${median(ajvTimes).toFixed(1)} us per check; request + response validators ${(ajvBytes / 1000).toFixed(2)} kB gzipped`,
  );
  console.log(
    `Ajv / codegen, paired median: ${median(ratios).toFixed(2)}x the time, ${(ajvBytes / houseBytes).toFixed(2)}x the bytes`,
  );
} finally {
  await rm(scratch, { recursive: true, force: true });
}
