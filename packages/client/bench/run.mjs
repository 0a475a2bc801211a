// `pnpm bench`: the per-call overhead of each client style against raw fetch,
// and the bundle size of each entry point, printed side by side from one run.
// It builds nothing: the package script runs `pnpm build` first, so dist/ is
// what gets measured. Ratio and size targets are informational: a miss prints
// FAIL but the run still exits 0; only a broken run (server, wrong answers) fails.
import { arch, cpus, loadavg, platform } from 'node:os';
import { version as esbuildVersion } from 'esbuild';
import { bundleBudgets } from './bundle-budget.mjs';
import { bundleEntries, bundleSettings, measureBundle } from './bundle-size.mjs';
import { positiveIntegerFromEnv } from './env-settings.mjs';
import { pageSize } from './members-page.mjs';
import { measureOverhead } from './overhead.mjs';
import { startMembersPageServer } from './start-members-page-server.mjs';
import { formatTable } from './table.mjs';
import { createVariants } from './variants.mjs';

const rounds = positiveIntegerFromEnv('BENCH_ROUNDS', 30);
const batchSize = positiveIntegerFromEnv('BENCH_BATCH', 50);
const warmupCalls = positiveIntegerFromEnv('BENCH_WARMUP', 200);
// Targets: the paired median ratio to raw fetch. The gzipped bundle's budget is
// bundle-budget.mjs, which test/bundle-size enforces in `pnpm test`.
const ratioTargets = { b: 1.1, c: 1.1 };

const kB = (bytes) => (bytes / 1000).toFixed(2);
const ratioText = (ratio) => `${ratio.toFixed(2)}x`;
// Metafile paths are relative to the package; dependencies are shown from their package name.
const shortPath = (path) =>
  path.includes('node_modules/')
    ? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)
    : path;
const loadText = () =>
  loadavg()
    .map((load) => load.toFixed(2))
    .join(' ');

const printHeader = () => {
  const [cpu] = cpus();
  console.log('@avchatroom/client benchmark');
  console.log(
    `machine: ${cpu?.model ?? 'unknown CPU'}, ${cpus().length} CPUs (${platform()} ${arch()})`,
  );
  console.log(`node:    ${process.version}`);
  console.log(`date:    ${new Date().toISOString()}`);
  // Other work on these shared cores shows up as noise; the load average says how much there was.
  console.log(`load:    ${loadText()} (1, 5, 15 min averages at start)`);
  console.log(
    `rounds:  ${rounds} (BENCH_ROUNDS), batch ${batchSize} sequential calls per variant per round (BENCH_BATCH), warm-up ${warmupCalls} calls per variant (BENCH_WARMUP)`,
  );
  if (rounds < 20) {
    console.log(
      'warning: fewer than 20 rounds; rounds swing by tens of percent on shared cores, so treat these ratios as rough',
    );
  }
};

const printOverhead = async () => {
  const server = await startMembersPageServer();
  try {
    const { variants, rateLimitCounts } = createVariants(server.url);
    const before = await server.stats();
    console.log(
      `server:  node:http in child process ${server.pid} at ${server.url}, every POST answered with the same ${pageSize}-member page (${before.pageBytes.toLocaleString('en-US')} bytes of JSON), keep-alive`,
    );
    console.log(
      'variants (b)-(e) use rateLimit { callsPerSecond: 1,000,000 }: the rate-limit window is checked on every call but its answer is "go now"',
    );
    console.log(
      '(d) and (e) use createChatFetch with its defaults (response validation on); (e) also runs the SDK zod validators',
    );
    console.log('');

    const progress = (round) => process.stderr.write(round === rounds ? `${round}\n` : `${round} `);
    process.stderr.write('rounds: ');
    const results = await measureOverhead(variants, {
      rounds,
      batchSize,
      warmupCalls,
      onRound: progress,
    });
    const after = await server.stats();
    const loadAfter = loadText();

    console.log(
      `Per-call cost, ${rounds} interleaved rounds (order rotated each round) of ${batchSize} calls per variant`,
    );
    console.log(
      'median us = median over rounds of the batch mean; ratio = median over rounds of (variant / raw fetch) in the same round',
    );
    console.log('');
    const rows = results.map((result) => [
      `(${result.id}) ${result.name}`,
      result.medianUs.toFixed(1),
      ratioText(result.ratio.median),
      `${ratioText(result.ratio.min)} - ${ratioText(result.ratio.max)}`,
      ratioTargets[result.id] === undefined ? '' : `<= ${ratioText(ratioTargets[result.id])}`,
    ]);
    console.log(
      formatTable(
        [
          { title: 'variant', align: 'left' },
          { title: 'median us/call', align: 'right' },
          { title: 'paired ratio', align: 'right' },
          { title: 'ratio min - max', align: 'right' },
          { title: 'target', align: 'left' },
        ],
        rows,
      ),
    );
    console.log('');
    for (const result of results) {
      const target = ratioTargets[result.id];
      if (target === undefined) continue;
      const verdict = result.ratio.median <= target ? 'PASS' : 'FAIL';
      console.log(
        `${verdict}  (${result.id}) ${result.name}: ${ratioText(result.ratio.median)} <= ${ratioText(target)} (informational)`,
      );
    }

    // Sanity checks: one POST per call (no retries, nothing skipped), and
    // whether the rate limit ever made a call wait.
    const expectedPosts = variants.length * (warmupCalls + rounds * batchSize);
    const posts = after.answeredPosts - before.answeredPosts;
    console.log(
      `check: the server answered ${posts.toLocaleString('en-US')} POSTs, expected ${expectedPosts.toLocaleString('en-US')} (${posts === expectedPosts ? 'OK' : 'MISMATCH'})`,
    );
    console.log(
      `check: the rate limit made ${rateLimitCounts.waits} of ${rateLimitCounts.asked.toLocaleString('en-US')} calls wait` +
        (rateLimitCounts.waits === 0
          ? ' (it never waited)'
          : ` (asked waits totalling ${rateLimitCounts.waitedMs.toFixed(3)} ms; each becomes a setTimeout of at least 1 ms)`),
    );
    console.log(`load:  ${loadAfter} (1, 5, 15 min averages after the rounds)`);
    if (posts !== expectedPosts) process.exitCode = 1;
  } finally {
    await server.stop();
  }
};

const printBundleSizes = async () => {
  console.log('');
  console.log(
    `Bundle size: esbuild ${esbuildVersion} JS API, bundle + minify + treeShaking, format esm, platform ${bundleSettings.platform}, mainFields ${bundleSettings.mainFields.join(',')}, conditions ${bundleSettings.conditions.join(',')}; @avchatroom/client resolved to dist/; gzip = zlib level 9; 1 kB = 1000 bytes`,
  );
  console.log('');
  const measured = [];
  for (const { name, entry } of bundleEntries) {
    measured.push({ name, entry, ...(await measureBundle(entry)) });
  }
  console.log(
    formatTable(
      [
        { title: 'entry', align: 'left' },
        { title: 'minified kB', align: 'right' },
        { title: 'gzip kB', align: 'right' },
      ],
      measured.map((bundle) => [bundle.entry, kB(bundle.minBytes), kB(bundle.gzipBytes)]),
    ),
  );
  console.log('');
  for (const budget of bundleBudgets) {
    const bundle = measured.find((candidate) => candidate.name === budget.entryName);
    const verdict = bundle.gzipBytes <= budget.maxGzipBytes ? 'PASS' : 'FAIL';
    console.log(
      `${verdict}  ${budget.entryName} bundle: ${kB(bundle.gzipBytes)} kB gzipped <= ${kB(budget.maxGzipBytes)} kB gzipped (the budget test/bundle-size enforces)`,
    );
  }
  const chatClient = measured.find((bundle) => bundle.name === 'createChatClient');
  console.log('');
  console.log(
    'Top 5 inputs of the createChatClient bundle (bytes each puts in the minified output)',
  );
  console.log('');
  console.log(
    formatTable(
      [
        { title: 'input', align: 'left' },
        { title: 'bytes', align: 'right' },
      ],
      chatClient.inputs
        .slice(0, 5)
        .map((input) => [shortPath(input.path), input.bytesInOutput.toLocaleString('en-US')]),
    ),
  );
};

printHeader();
await printOverhead();
await printBundleSizes();
