#!/usr/bin/env node
import { runCli } from './run-cli.js';

// The first Ctrl-C stops `watch` cleanly (exit 0) and `list`/`demo` with 130;
// a second one gets Node's default handling and ends the process at once.
const interrupt = new AbortController();
process.once('SIGINT', () => interrupt.abort());

// process.exitCode rather than process.exit(), so piped output is flushed first.
process.exitCode = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  signal: interrupt.signal,
});
