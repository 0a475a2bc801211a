#!/usr/bin/env node
// `pnpm test:runtimes`: runs the client's `runtimes` test project (UserSigs,
// request building, pagination, a loopback server) on Node 20, 22 and 24, Bun
// and Deno, each fetched from the npm registry with npx, and prints a table.
// Exits 1 when any runtime fails. The client uses only Web APIs, so this is the
// proof that it runs everywhere the README says.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const vitest = 'node_modules/vitest/vitest.mjs';
const vitestArgs = [vitest, 'run', '--project', 'runtimes'];

// Majors for Node (the newest of each line); Bun and Deno pinned to the lines tested.
const runtimes = [
  {
    name: 'Node 20',
    version: ['-y', 'node@20', '--version'],
    run: ['-y', 'node@20', ...vitestArgs],
  },
  {
    name: 'Node 22',
    version: ['-y', 'node@22', '--version'],
    run: ['-y', 'node@22', ...vitestArgs],
  },
  {
    name: 'Node 24',
    version: ['-y', 'node@24', '--version'],
    run: ['-y', 'node@24', ...vitestArgs],
  },
  {
    name: 'Bun',
    version: ['-y', 'bun@1', '--version'],
    run: ['-y', 'bun@1', '--bun', ...vitestArgs],
  },
  {
    name: 'Deno',
    version: ['-y', 'deno@2', '--version'],
    // --node-modules-dir=manual: use pnpm's node_modules as they are;
    // --no-lock: leave no deno.lock behind.
    run: ['-y', 'deno@2', 'run', '-A', '--node-modules-dir=manual', '--no-lock', ...vitestArgs],
  },
];

const npx = (args, timeoutMs) =>
  spawnSync('npx', args, {
    cwd: packageDir,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CI: 'true' },
  });

// vitest's summary line, e.g. "      Tests  240 passed (240)".
const summary = (output) => output.match(/^\s*Tests\s+(.+)$/m)?.[1]?.trim() ?? 'no summary';

const rows = [];
for (const runtime of runtimes) {
  const version = npx(runtime.version, 300_000);
  const started = performance.now();
  const result = npx(runtime.run, 600_000);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const output = `${result.stdout}\n${result.stderr}`;
  const passed = result.status === 0;
  rows.push({
    runtime: runtime.name,
    version:
      version.stdout
        .trim()
        .split('\n')[0]
        ?.replace(/^deno /, '') || 'unknown',
    result: passed ? 'pass' : result.error ? `fail (${result.error.message})` : 'fail',
    tests: summary(output),
    seconds,
  });
  if (!passed) process.stderr.write(`\n${runtime.name} output:\n${output.slice(-4000)}\n`);
}

const columns = ['runtime', 'version', 'result', 'tests', 'seconds'];
const widths = columns.map((column) =>
  Math.max(column.length, ...rows.map((row) => String(row[column]).length)),
);
const line = (cells) =>
  `| ${cells.map((cell, index) => String(cell).padEnd(widths[index])).join(' | ')} |`;
console.log(line(columns));
console.log(line(widths.map((width) => '-'.repeat(width))));
for (const row of rows) console.log(line(columns.map((column) => row[column])));
process.exitCode = rows.every((row) => row.result === 'pass') ? 0 : 1;
