/**
 * A bad command line or setting, found before anything is sent (exit code 2).
 * Its message never holds a secret or an environment variable's value.
 */
export class UsageError extends Error {
  /** The command whose --help to point at, if any. */
  readonly command: string | undefined;

  constructor(message: string, command?: string) {
    super(message);
    this.name = 'UsageError';
    this.command = command;
  }
}
