// `pnpm bench` (the root script builds the packages first): the load figures of
// the "Load" section against the emulator, and the client's own bench,
// printed and written to BENCHMARKS.md at the repository root. Targets are
// informational; only a broken run exits 1.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { writeBenchSeed } from './bench-seed.mjs';
import { benchSettings } from './bench-settings.mjs';
import { measureClientBench } from './client-bench-section.mjs';
import { startEmulatorProcess } from './emulator-process.mjs';
import { measureEmulatorThroughput } from './emulator-throughput-section.mjs';
import { describeMachine, loadAverages } from './machine.mjs';
import { measurePaginationCost } from './pagination-cost-section.mjs';
import { measureQuota } from './quota-section.mjs';
import { measureRedisQuota } from './redis-quota-section.mjs';
import { renderReport } from './report.mjs';

const reportPath = fileURLToPath(new URL('../../../BENCHMARKS.md', import.meta.url));
const settings = benchSettings;

/** Runs one section; a failure becomes a broken section, and the others still run. */
const runSection = async (title, measure) => {
  process.stderr.write(`bench: ${title}...\n`);
  try {
    return await measure();
  } catch (error) {
    return { title, broken: error instanceof Error ? error.message : String(error) };
  }
};

const measureQuotaSections = async (seed) => {
  // The emulator with its defaults: the spec's call limit per SDKAppID.
  const emulator = await startEmulatorProcess({ seedPath: seed.path });
  try {
    const quota = await runSection('Quota: one process, default client', () =>
      measureQuota({
        emulator,
        secretKey: seed.secretKey,
        durationMs: settings.quotaMs,
        concurrency: settings.quotaConcurrency,
      }),
    );
    const shared = await runSection('Quota: three processes on one SDKAppID, through Redis', () =>
      measureRedisQuota({
        emulator,
        secretKey: seed.secretKey,
        durationMs: settings.sharedQuotaMs,
        concurrency: settings.quotaConcurrency,
      }),
    );
    return [quota, shared];
  } finally {
    await emulator.stop();
  }
};

const started = performance.now();
const machine = describeMachine();
const loadBefore = loadAverages();
const seed = await writeBenchSeed();
const sections = [];
try {
  sections.push(...(await measureQuotaSections(seed)));
  sections.push(
    await runSection('Pagination cost: a 1,000-member room', () =>
      measurePaginationCost({
        seedPath: seed.path,
        secretKey: seed.secretKey,
        rounds: settings.paginationRounds,
        warmups: settings.paginationWarmups,
      }),
    ),
  );
  sections.push(
    await runSection('Emulator throughput on loopback', () =>
      measureEmulatorThroughput({
        seedPath: seed.path,
        secretKey: seed.secretKey,
        concurrency: settings.throughputConcurrency,
        durationMs: settings.throughputMs,
      }),
    ),
  );
  sections.push(await runSection('Client overhead and bundle size', measureClientBench));
} finally {
  await seed.remove();
}

const report = renderReport({
  machine,
  loadBefore,
  loadAfter: loadAverages(),
  elapsedMs: performance.now() - started,
  sections,
});
// The report must never carry a secret (the team's rule): not the run's secret
// key, not a UserSig in a URL. Checked here, as the last step before writing.
if (report.includes(seed.secretKey) || /usersig=(?!\*\*\*)/i.test(report)) {
  throw new Error('the report would contain a secret; it was not written');
}
await writeFile(reportPath, `${report.trimEnd()}\n`);
process.stdout.write(`${report.trimEnd()}\n\nwritten to ${reportPath}\n`);
if (sections.some((section) => section.broken)) process.exitCode = 1;
