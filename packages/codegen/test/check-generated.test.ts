import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import {
  type BundledSpec,
  firstPublicCode,
  getMembersOperation,
  readBundledSpec,
  schemaProperty,
} from './bundled-spec.js';

const run = promisify(execFile);
const generateScript = new URL('../src/generate.mjs', import.meta.url).pathname;
const scratch = await mkdtemp(join(tmpdir(), 'avchatroom-check-'));
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Runs `generate.mjs --check` against the bundled spec after `change`. */
const checkAgainst = async (change: (spec: BundledSpec) => void) => {
  const spec = await readBundledSpec();
  change(spec);
  const specFile = join(scratch, `spec-${crypto.randomUUID()}.json`);
  await writeFile(specFile, JSON.stringify(spec));
  const args = [generateScript, '--check', '--spec', specFile];
  try {
    const { stdout, stderr } = await run(process.execPath, args);
    return { exitCode: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { exitCode: failed.code, output: failed.stdout + failed.stderr };
  }
};

it('passes while the committed output matches the spec', async () => {
  const result = await checkAgainst(() => {});
  expect(result.output).toContain('up to date');
  expect(result.exitCode).toBe(0);
});

it.each([
  {
    change: 'an operation description',
    mutate: (spec: BundledSpec) => {
      getMembersOperation(spec).description += ' Changed.';
    },
    file: 'sdk.gen.ts',
  },
  {
    change: 'an error code meaning',
    mutate: (spec: BundledSpec) => {
      firstPublicCode(spec).meaning = 'Changed.';
    },
    file: 'error-codes.gen.ts',
  },
  {
    change: 'a schema property description',
    mutate: (spec: BundledSpec) => {
      schemaProperty(spec, 'OnlineMember', 'Member_Account').description = 'Changed.';
    },
    file: 'openapi.gen.ts',
  },
  {
    change: 'a schema constraint',
    mutate: (spec: BundledSpec) => {
      schemaProperty(spec, 'OnlineMember', 'Member_Account').maxLength = 32;
    },
    file: 'zod.gen.ts',
  },
])('fails naming `pnpm generate` after a change to $change', async ({ mutate, file }) => {
  const result = await checkAgainst(mutate);
  expect(result.exitCode).toBe(1);
  expect(result.output).toContain('Run `pnpm generate`');
  expect(result.output).toContain(file);
});
