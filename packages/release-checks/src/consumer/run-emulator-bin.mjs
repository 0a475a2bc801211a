// Pack-test consumer (d), run with Node in a temporary project that installed
// the packed tarballs: runs the installed `avchatroom-emulator` command from
// node_modules/.bin with `--port 0`, takes its URL from the first line of
// stdout, calls the control API's health check, stops it with SIGTERM and
// prints what it saw (and how the command exited) as JSON.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('node_modules/.bin/avchatroom-emulator', import.meta.url));
const child = spawn(bin, ['--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
// The test kills this script after 30 s, which would leave the command running.
const deadline = setTimeout(() => child.kill('SIGKILL'), 20_000);

let stderr = '';
child.stderr.setEncoding('utf8');
child.stderr.on('data', (chunk) => {
  stderr += chunk;
});
const exited = new Promise((resolve) => {
  child.once('exit', (code, signal) => resolve({ code, signal }));
  child.once('error', (error) => resolve({ error: String(error) }));
});

const firstLine = await Promise.race([
  once(createInterface({ input: child.stdout }), 'line').then(([line]) => line),
  exited.then(() => undefined),
]);

let health;
try {
  if (firstLine !== undefined) {
    const response = await fetch(`${firstLine}/__emulator/health`);
    health = { status: response.status, body: await response.json() };
  }
} catch (error) {
  health = { error: String(error) };
} finally {
  child.kill('SIGTERM');
}
const exit = await exited;
clearTimeout(deadline);
console.log(JSON.stringify({ firstLine, health, exit, stderr }));
