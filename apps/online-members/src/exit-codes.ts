/**
 * The exit codes, in one place (documented in the README and in --help):
 * a script can tell a bad command line (fix the call) from a failed call (retry
 * later, or fix the credentials).
 */
export const exitCodes = {
  ok: 0,
  /** The API answered an error, or the network or server failed. */
  failure: 1,
  /** A bad command line or a missing setting: nothing was sent. */
  usage: 2,
  /** Interrupted (SIGINT) during `list` or `demo`: 128 + SIGINT, as shells report it. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];
