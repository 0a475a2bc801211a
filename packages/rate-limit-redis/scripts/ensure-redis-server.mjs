#!/usr/bin/env node
// Runs before this package's tests, which start Debian's redis-server (never a
// mock). A fresh machine with only Node and npm lacks it, so this installs the
// distro's package with apt-get (as root, or with passwordless sudo); anywhere
// else it stops with what to install. The package starts no service: the tests
// start their own servers on free loopback ports.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const redisServer = '/usr/bin/redis-server';
if (existsSync(redisServer)) process.exit(0);

const fail = (why) => {
  console.error(
    `${redisServer} is missing and ${why}. Install Debian's redis-server package, then rerun.`,
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
  console.log(`ensure-redis-server: ${[command, ...rest].join(' ')}`);
  const result = spawnSync(command, rest, {
    stdio: 'inherit',
    timeout: timeoutMs,
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) fail(`\`${args.join(' ')}\` failed`);
};

run(['apt-get', 'update'], 300_000);
run(['apt-get', 'install', '-y', '--no-install-recommends', 'redis-server'], 600_000);
if (!existsSync(redisServer)) fail('apt-get installed no redis-server at that path');
