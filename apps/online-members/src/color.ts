import type { OutputStream } from './cli-io.js';

/** ANSI styles for one stream; each is the identity when colour is off. */
export interface Colors {
  enabled: boolean;
  bold: (text: string) => string;
  dim: (text: string) => string;
  red: (text: string) => string;
  green: (text: string) => string;
  yellow: (text: string) => string;
}

const style =
  (enabled: boolean, open: number, close: number) =>
  (text: string): string =>
    enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;

/**
 * Colour only on a terminal, and never when NO_COLOR is set to a non-empty
 * value (https://no-color.org). Plain ANSI codes: no dependency for five styles.
 */
export const colorsFor = (
  stream: OutputStream,
  env: Readonly<Record<string, string | undefined>>,
): Colors => {
  const enabled = stream.isTTY === true && (env.NO_COLOR ?? '') === '';
  return {
    enabled,
    bold: style(enabled, 1, 22),
    dim: style(enabled, 2, 22),
    red: style(enabled, 31, 39),
    green: style(enabled, 32, 39),
    yellow: style(enabled, 33, 39),
  };
};
