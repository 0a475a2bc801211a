#!/usr/bin/env node
import { flushOutput } from './flush-output.js';
import { runCli } from './run-cli.js';

// The first Ctrl-C stops `watch` cleanly (exit 0) and `list`/`demo` with 130;
// a second one gets Node's default handling and ends the process at once.
const interrupt = new AbortController();
process.once('SIGINT', () => interrupt.abort());

const code = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: interrupt.signal,
});

// Once the command has printed its result there is nothing left to wait for,
// but an attempt aborted during a TLS handshake leaves its socket open until
// fetch's 10 s connect timeout (https://github.com/nodejs/undici/issues/4405),
// which held the process up to 10 s past the error line. So exit, once the
// output has been handed to the OS.
await flushOutput([process.stdout, process.stderr]);
process.exit(code);
