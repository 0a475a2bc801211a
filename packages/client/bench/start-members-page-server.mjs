// Starts members-page-server.mjs in a child process and hands back its URL and
// a stop(). Every wait is bounded, and the child is killed however this process
// ends (normal exit, an exception, Ctrl-C), so a failed run leaves nothing behind.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const serverScript = fileURLToPath(new URL('./members-page-server.mjs', import.meta.url));
const startTimeoutMs = 10_000;
const stopTimeoutMs = 3_000;

export const startMembersPageServer = async () => {
  // process.execPath, not `npx node`: killing a wrapper would orphan the server.
  // stdin is a pipe the child watches: if this process dies, the child exits too.
  const child = spawn(process.execPath, [serverScript], { stdio: ['pipe', 'pipe', 'inherit'] });
  const killChild = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  const onSignal = (signal) => {
    killChild();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('exit', killChild);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  const url = await new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      killChild();
      reject(new Error(`the members-page server printed no URL within ${startTimeoutMs} ms`));
    }, startTimeoutMs);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const line = output.split('\n')[0];
      if (output.includes('\n') && /^http:\/\/127\.0\.0\.1:\d+$/.test(line)) {
        clearTimeout(timer);
        resolve(line);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the members-page server exited before it was ready (${code ?? signal})`));
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });

  const stop = async () => {
    process.off('exit', killChild);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.stdin.end();
    const timer = setTimeout(killChild, stopTimeoutMs);
    await exited;
    clearTimeout(timer);
  };

  /** What the server counted, to check that each measured call was one POST. */
  const stats = async () => {
    const response = await fetch(`${url}/__stats`, { signal: AbortSignal.timeout(5_000) });
    return response.json();
  };

  return { url, pid: child.pid, stats, stop };
};
