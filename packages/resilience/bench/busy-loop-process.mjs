// CPU load for the busy-machine row: one Node process spinning in a loop, so on
// a 2-core machine the clients, the emulator and Redis share what is left and
// their event loops run late.
import { spawn } from 'node:child_process';
import { guardChildProcess, stopChildProcess } from './child-process-guard.mjs';

export const startBusyLoopProcess = () => {
  const child = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
  guardChildProcess(child);
  return { pid: child.pid, stop: () => stopChildProcess(child, { signal: 'SIGKILL' }) };
};
