// Starts a client worker (quota-worker.mjs) in its own Node process with
// --expose-gc, so its heap figures are the client's alone and taken after a
// full garbage collection. The worker gets its settings on stdin, says "ready"
// when warmed up, starts on "go", and reports one "result".
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { guardChildProcess, stopChildProcess } from './child-process-guard.mjs';
import { readMessages, writeMessage } from './json-lines.mjs';

const workerScript = fileURLToPath(new URL('./quota-worker.mjs', import.meta.url));

export const startWorkerProcess = (settings, name) => {
  const child = spawn(process.execPath, ['--expose-gc', workerScript], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  guardChildProcess(child);
  const messages = readMessages(child.stdout, name);
  writeMessage(child.stdin, { type: 'settings', settings });
  return {
    pid: child.pid,
    ready: () => messages.next('ready', 30_000),
    go: () => writeMessage(child.stdin, { type: 'go' }),
    result: (timeoutMs) => messages.next('result', timeoutMs),
    stop: () => stopChildProcess(child),
  };
};
