import { describe, expect, it } from 'vitest';
import { colorsFor } from './color.js';

describe('colorsFor', () => {
  it.each([
    { isTTY: true, env: {}, colored: true },
    { isTTY: true, env: { NO_COLOR: '' }, colored: true },
    { isTTY: true, env: { NO_COLOR: '1' }, colored: false },
    { isTTY: true, env: { NO_COLOR: '0' }, colored: false },
    { isTTY: false, env: {}, colored: false },
    { isTTY: undefined, env: {}, colored: false },
  ])('isTTY $isTTY, env $env -> colour $colored', ({ isTTY, env, colored }) => {
    const colors = colorsFor({ write: () => true, ...(isTTY !== undefined && { isTTY }) }, env);
    expect(colors.enabled).toBe(colored);
    expect(colors.red('x')).toBe(colored ? '\u001b[31mx\u001b[39m' : 'x');
    expect(colors.bold('x').includes('\u001b')).toBe(colored);
  });
});
