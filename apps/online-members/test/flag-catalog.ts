// Every flag of list and watch with a value it accepts and values of the wrong
// type, for the usage-error tests. The flags and their rules are the README's
// "Commands" and "Settings" and each command's --help; bad-flags.test.ts checks
// this list against the parser's, so a new flag cannot go untested.

export type FlagCommand = 'list' | 'watch';

export interface FlagCase {
  flag: string;
  commands: readonly FlagCommand[];
  /** A value the flag accepts (for the repeated-flag and control-character cases). */
  valid: string;
  /** Values of the wrong type or range: each is refused naming the flag. */
  wrong: readonly string[];
}

// `parseWholeNumber` takes decimal digits only: no sign, exponent, radix
// prefix, separator, padding or non-ASCII digit.
export const notWholeNumbers = [
  'abc',
  '1.5',
  '1e3',
  '0x10',
  '0o7',
  '0b1',
  ' 5',
  '5 ',
  '5\u00a0',
  '+5',
  '-1',
  '5_000',
  '1,000',
  '\u0665', // ARABIC-INDIC DIGIT FIVE
  '\uff15', // FULLWIDTH DIGIT FIVE
  '\u0e55', // THAI DIGIT FIVE
  'Infinity',
  'NaN',
  '9'.repeat(400),
];

// `parseSeconds` takes decimal digits with an optional fraction, above 0.
const notSeconds = [
  'soon',
  '0',
  '0.0',
  '00',
  '-1',
  '-0.5',
  '1e3',
  '0x10',
  ' 5',
  '5 ',
  '.5',
  '5.',
  '+5',
  '1/2',
  '1,5',
  '\u0665',
  '\uff15',
  'Infinity',
  'NaN',
  '9'.repeat(400),
];

// Not an http(s) URL, or one with whitespace a URL parser would drop silently.
export const notHttpUrls = [
  'ftp://127.0.0.1',
  'localhost:8080',
  '127.0.0.1:9',
  'http//127.0.0.1',
  'http://',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'ws://127.0.0.1:9',
  ' http://127.0.0.1:9',
  'http://127.0.0.1:9 ',
  'http://127.0.0.1 :9',
  'http://127.0.0.1:99999',
];

// An http(s) URL with a user name or password: fetch refuses it on every call
// and quotes it, password included, in its error.
export const urlsWithCredentials = [
  'http://deploy:pw@127.0.0.1:1',
  'http://deploy@127.0.0.1:1',
  'http://:pw@127.0.0.1:1',
  'https://deploy:pw@example.com/v4',
  'http://a%40b:c%3Ad@127.0.0.1:9',
];

export const flagCases: readonly FlagCase[] = [
  { flag: '--group', commands: ['list', 'watch'], valid: '@TGS#aROOM', wrong: [] },
  {
    flag: '--mark',
    commands: ['list', 'watch'],
    valid: '1000',
    // The spec's Mark is a non-negative safe integer.
    wrong: [...notWholeNumbers, '9007199254740992', '99999999999999999999'],
  },
  {
    flag: '--format',
    commands: ['list'],
    valid: 'json',
    wrong: ['xml', 'JSON', 'Table', ' json', 'json ', 'tabl', 'json,csv', '__proto__', 'toString'],
  },
  {
    flag: '--interval',
    commands: ['watch'],
    valid: '40',
    wrong: [...notSeconds, '86400.5', '86401'],
  },
  {
    flag: '--rounds',
    commands: ['watch'],
    valid: '3',
    wrong: [...notWholeNumbers, '0', '1000001'],
  },
  {
    flag: '--timeout',
    commands: ['list', 'watch'],
    valid: '5',
    wrong: [...notSeconds, '300.5', '301'],
  },
  {
    flag: '--region',
    commands: ['list', 'watch'],
    valid: 'singapore',
    wrong: [
      'mars',
      'Singapore',
      ' tokyo',
      'tokyo ',
      'ap-singapore',
      '__proto__',
      'constructor',
      'hasOwnProperty',
      'china,tokyo',
    ],
  },
  {
    flag: '--base-url',
    commands: ['list', 'watch'],
    valid: 'http://127.0.0.1:9',
    wrong: [...notHttpUrls, ...urlsWithCredentials],
  },
  {
    flag: '--sdk-app-id',
    commands: ['list', 'watch'],
    valid: '1400000000',
    // An SDKAppID is a positive 32-bit integer.
    wrong: [...notWholeNumbers, '0', '4294967296'],
  },
  {
    flag: '--identifier',
    commands: ['list', 'watch'],
    valid: 'administrator',
    // A UserID is at most 32 UTF-8 bytes of well-formed Unicode (packages/client/README.md).
    wrong: ['x'.repeat(33), '\u5c0f'.repeat(11), 'admin\ud800'],
  },
];

/** Control characters a bad value may carry: C0 (newlines, tab, escape), DEL and C1. */
export const controlCharacters = [
  '\n',
  '\r',
  '\r\n',
  '\t',
  '\u0000',
  '\u0007',
  '\u000b',
  '\u000c',
  '\u001b[31m',
  '\u001b]0;title\u0007',
  '\u007f',
  '\u0085',
  '\u009b31m',
];

/** The flags the other flags need: list and watch require --group. */
export const requiredArgs = (flag: string): string[] =>
  flag === '--group' ? [] : ['--group', '@TGS#aROOM'];
