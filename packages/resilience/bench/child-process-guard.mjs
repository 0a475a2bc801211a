// Every child the bench starts (emulators, client workers) is killed however the
// bench ends (normal exit, an exception, Ctrl-C), so a failed run leaves no
// process behind. Each child is killed by its own pid, never by name.

const running = new Set();

const killAll = () => {
  for (const child of running) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
};

const onSignal = (signal) => {
  killAll();
  process.exit(signal === 'SIGINT' ? 130 : 143);
};

/** Watches a child until it exits; returns a function that stops watching. */
export const guardChildProcess = (child) => {
  if (running.size === 0) {
    process.on('exit', killAll);
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  running.add(child);
  const release = () => {
    running.delete(child);
    if (running.size === 0) {
      process.off('exit', killAll);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  };
  child.once('exit', release);
  return release;
};

/**
 * Resolves once the child has exited: after `SIGTERM` (or the given signal),
 * then `SIGKILL` if it has not exited within `timeoutMs`.
 */
export const stopChildProcess = async (child, { signal = 'SIGTERM', timeoutMs = 3_000 } = {}) => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
};

/**
 * The first stdout line matching `pattern`, within `timeoutMs`; rejects if the
 * child exits or stays silent first.
 */
export const firstMatchingLine = (child, pattern, { timeoutMs, what }) =>
  new Promise((resolve, reject) => {
    let output = '';
    const finish = (settle, value) => {
      clearTimeout(timer);
      child.stdout.off('data', onData);
      child.off('exit', onExit);
      settle(value);
    };
    const onData = (chunk) => {
      output += chunk;
      const line = output.split('\n').find((candidate) => pattern.test(candidate));
      if (line !== undefined) finish(resolve, line);
    };
    const onExit = (code, signal) =>
      finish(reject, new Error(`${what} exited before it was ready (${code ?? signal})`));
    const timer = setTimeout(
      () => finish(reject, new Error(`${what} was not ready within ${timeoutMs} ms`)),
      timeoutMs,
    );
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', onData);
    child.once('exit', onExit);
  });
