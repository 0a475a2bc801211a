#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { EmulatorOptions } from './emulator-options.js';
import { demoSeedPath } from './seed.js';
import { servingBanner } from './serving-banner.js';
import { startEmulator } from './start-emulator.js';

const usage = `Usage: avchatroom-emulator [options]

Serves an emulator of Tencent Cloud Chat's REST APIs of audio-video groups (every
operation of the spec) on a loopback port and prints its base URL on the first
line of stdout, then, on stderr, each app's SDKAppID, admin identifier and
groups (and, for the demo seed only, its published secret key, to sign
UserSigs with). Stop it with Ctrl-C.

Options:
  --port N                 port to listen on; 0 picks a free one (default 0)
  --host HOST              address to listen on (default 127.0.0.1)
  --seed FILE              seed JSON of apps and groups (default: the demo seed)
  --spec FILE              bundled spec (JSON) whose operations are served
                           (default: the spec of @avchatroom/openapi)
  --page-size N            members per page (default 500; the Chinese page says 250)
  --snapshot-refresh-ms N  how often the served list is refreshed (default 40000)
  --calls-per-second N     calls/s per SDKAppID for every operation, or "off"
                           (default: each operation's x-limits, 200 today)
  --rate-limit-code N      ErrorCode of a call over the limit (default 60007)
  --latency-ms N           delay added to every API answer (default 0)
  -h, --help               show this help
  -v, --version            show the version`;

class UsageError extends Error {}

/** Problems come as "Heading:\n- a\n- b"; the command reports them on one line. */
const oneLine = (message: string): string =>
  message.replace(/:\n- /, ': ').replaceAll('\n- ', '; ');

const wholeNumber = (name: string, text: string | undefined): number | undefined => {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`--${name} must be a whole number, not "${text}"`);
  return Number(text);
};

const parseOptions = (argv: string[]): EmulatorOptions | 'help' | 'version' => {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      seed: { type: 'string' },
      spec: { type: 'string' },
      'page-size': { type: 'string' },
      'snapshot-refresh-ms': { type: 'string' },
      'calls-per-second': { type: 'string' },
      'rate-limit-code': { type: 'string' },
      'latency-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.help) return 'help';
  if (values.version) return 'version';
  const callsPerSecond =
    values['calls-per-second'] === 'off'
      ? false
      : wholeNumber('calls-per-second', values['calls-per-second']);
  const numbers = {
    port: wholeNumber('port', values.port),
    pageSize: wholeNumber('page-size', values['page-size']),
    snapshotRefreshMs: wholeNumber('snapshot-refresh-ms', values['snapshot-refresh-ms']),
    rateLimitErrorCode: wholeNumber('rate-limit-code', values['rate-limit-code']),
    latencyMs: wholeNumber('latency-ms', values['latency-ms']),
    callsPerSecond,
  };
  const options: EmulatorOptions = Object.fromEntries(
    Object.entries(numbers).filter(([, value]) => value !== undefined),
  );
  if (values.host !== undefined) options.host = values.host;
  if (values.seed !== undefined) options.seed = values.seed;
  if (values.spec !== undefined) options.specPath = values.spec;
  return options;
};

const main = async (): Promise<number> => {
  let options: ReturnType<typeof parseOptions>;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(
      `avchatroom-emulator: ${oneLine((error as Error).message)} (see --help)\n`,
    );
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  if (options === 'version') {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    process.stdout.write(`${manifest.version}\n`);
    return 0;
  }
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    process.stderr.write(`avchatroom-emulator: ${oneLine((error as Error).message)}\n`);
    return 2;
  }
  process.stdout.write(`${emulator.url}\n`);
  const isDemoSeed = options.seed === undefined || resolve(String(options.seed)) === demoSeedPath;
  process.stderr.write(servingBanner(emulator.url, emulator.seed, isDemoSeed));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await emulator.stop();
  return 0;
};

process.exitCode = await main();
