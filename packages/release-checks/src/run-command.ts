import { execFile } from 'node:child_process';

export interface RunOptions {
  cwd: string;
  /** The process is killed (SIGKILL) once it runs this long. */
  timeoutMs: number;
  /** @default process.env */
  env?: NodeJS.ProcessEnv;
  /** Exit codes that count as success, e.g. a linter's "found problems" code. @default [0] */
  okExitCodes?: number[];
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const tail = (text: string, max = 4000): string =>
  text.length > max ? `...${text.slice(-max)}` : text;

/**
 * Runs a command without a shell, bounded by a timeout, and resolves with its
 * output. Rejects on another exit code, a signal or the timeout, with the
 * command, the cause and the end of both output streams in the message.
 */
export const runCommand = (file: string, args: string[], options: RunOptions): Promise<RunResult> =>
  new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      {
        cwd: options.cwd,
        env: options.env ?? process.env,
        timeout: options.timeoutMs,
        killSignal: 'SIGKILL',
        maxBuffer: 64 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        const exitCode = error ? error.code : 0;
        if (
          typeof exitCode === 'number' &&
          !error?.killed &&
          (options.okExitCodes ?? [0]).includes(exitCode)
        ) {
          resolve({ stdout, stderr, exitCode });
          return;
        }
        const cause = error?.killed
          ? `was killed after ${options.timeoutMs} ms`
          : `failed (exit code ${String(error?.code)}, signal ${String(error?.signal)})`;
        reject(
          new Error(
            [
              `\`${[file, ...args].join(' ')}\` in ${options.cwd} ${cause}`,
              `stdout:\n${tail(stdout)}`,
              `stderr:\n${tail(stderr)}`,
            ].join('\n'),
          ),
        );
      },
    );
  });

/**
 * The environment for tools and consumers that must not see the workspace:
 * without the variables a package manager injects into the scripts it runs
 * (lower-case `npm_*`, `pnpm_*`, `PNPM_*`, `INIT_CWD`), which would otherwise
 * configure a nested npm like the outer run, without vitest's `VITEST*`, and without `NODE_OPTIONS` and
 * `NODE_PATH`, which could add loaders, conditions or lookup paths. Upper-case
 * `NPM_CONFIG_*` set by the user or the CI machine is kept, so npm's own
 * configuration still applies.
 */
export const isolatedEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|PNPM_|VITEST)/.test(name)) continue;
    if (['INIT_CWD', 'NODE_OPTIONS', 'NODE_PATH'].includes(name)) continue;
    env[name] = value;
  }
  return { ...env, NO_UPDATE_NOTIFIER: '1', npm_config_update_notifier: 'false' };
};
