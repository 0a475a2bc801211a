import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { builtCliDir } from './built-cli-path.js';

// How the CLI is tested: most tests call runCli() in-process (fast, and they
// can act on the emulator between watch rounds), and a few spawn the bundle
// with process.execPath to prove it runs as users run it: exit codes, streams,
// SIGINT, the demo. turbo's `test` builds the dependencies (^build) but not this
// package, so this global setup bundles src/cli.ts with the package's own
// tsdown config, into a folder of its own (see built-cli-path.ts).
export default function buildCli(): void {
  const tsdownCli = createRequire(import.meta.url).resolve('tsdown/run');
  execFileSync(
    process.execPath,
    [tsdownCli, '--out-dir', builtCliDir, '--log-level', 'error', '--no-report'],
    {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    },
  );
}
