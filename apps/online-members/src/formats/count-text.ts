/** `n noun(s)` with thousands separators: `1 member`, `1,000 members`. */
export const countOf = (n: number, noun: string): string =>
  `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
