#!/usr/bin/env node
// Runs before openapi's tests. The reference-page test drives Debian's Chromium
// (/usr/bin/chromium) with playwright-core, which never downloads a browser. A
// fresh machine with only Node and npm lacks it, so this installs the distro's
// package with apt-get (as root, or with passwordless sudo); `pnpm test` then
// works there too. Anywhere else it stops with what to install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = '/usr/bin/chromium';
if (existsSync(chromium)) process.exit(0);

const fail = (why) => {
  console.error(
    `${chromium} is missing and ${why}. Install Debian's chromium package, then rerun.`,
  );
  process.exit(1);
};

if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
  fail('this machine has no apt-get');
}
const asRoot = process.getuid?.() === 0;
if (!asRoot && spawnSync('sudo', ['-n', 'true']).status !== 0) {
  fail('installing it needs root (or passwordless sudo)');
}

const run = (args, timeoutMs) => {
  const [command, ...rest] = asRoot ? args : ['sudo', '-n', ...args];
  console.log(`ensure-chromium: ${[command, ...rest].join(' ')}`);
  const result = spawnSync(command, rest, {
    stdio: 'inherit',
    timeout: timeoutMs,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) fail(`\`${args.join(' ')}\` failed`);
};

run(['apt-get', 'update'], 300_000);
run(['apt-get', 'install', '-y', '--no-install-recommends', 'chromium'], 600_000);
if (!existsSync(chromium)) fail('apt-get installed no browser at that path');
