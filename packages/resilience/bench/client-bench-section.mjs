// "Client overhead and bundle size": the client package's own bench
// (packages/client/bench/run.mjs: per-call cost against raw fetch, and the
// gzipped bundle against the budget that test/bundle-size enforces), run as a
// child process on the built dist/ and included verbatim.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { guardChildProcess } from './child-process-guard.mjs';

const clientPackage = dirname(
  fileURLToPath(import.meta.resolve('@avchatroom/client/package.json')),
);
const timeoutMs = 240_000;

const runClientBench = () =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(clientPackage, 'bench/run.mjs')], {
      cwd: clientPackage,
      // Its progress (rounds done) goes to stderr, straight to the terminal.
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    guardChildProcess(child);
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ output, exit: code ?? signal });
    });
  });

export const measureClientBench = async () => {
  const { output, exit } = await runClientBench();
  const verdicts = output
    .split('\n')
    .map((line) => /^(PASS|FAIL) {2}(.*)$/.exec(line))
    .filter((match) => match !== null)
    .map(([, outcome, text]) => ({ passed: outcome === 'PASS', text }));
  return {
    title: 'Client overhead and bundle size',
    blocks: [['```text', output.trimEnd(), '```'].join('\n')],
    verdicts,
    broken: exit === 0 ? undefined : `packages/client/bench/run.mjs exited with ${exit}`,
    measured: [
      'The output above is packages/client/bench/run.mjs, verbatim: a loopback server in a child process answers a 500-member page; each client style is timed in interleaved rounds against raw fetch + res.json() (paired medians); the bundles are built by esbuild from dist/.',
      'The createChatClient bundle budget is packages/client/bench/bundle-budget.mjs, enforced in `pnpm test` by packages/client/test/bundle-size.',
    ],
  };
};
