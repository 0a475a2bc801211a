import { type Invocation, invocations } from '../src/command-flags.js';

// Every flag of every command with a value it accepts and values of the wrong
// type, for the usage-error tests. The flags and their rules are the README's
// "Commands" and "Settings" and each command's --help; bad-flags.test.ts checks
// this list against the parser's, so a new flag cannot go untested.

/** A command, or a command and its action (`mark set`), as typed. */
export type FlagCommand = Exclude<Invocation, 'demo'>;

export interface FlagCase {
  flag: string;
  commands: readonly FlagCommand[];
  /** A value the flag accepts (for the repeated-flag and control-character cases). */
  valid: string;
  /** Values of the wrong type or range: each is refused naming the flag. */
  wrong: readonly string[];
  /** Given more than once, each value adds one (--member). */
  repeatable?: boolean;
  /** Takes any text (a group ID, an account, a reason): the client sends it as given. */
  text?: boolean;
}

/** Every command that calls the API. */
export const apiCommands = (Object.keys(invocations) as Invocation[]).filter(
  (name): name is FlagCommand => name !== 'demo',
);

const commandsWith = (flag: string) =>
  apiCommands.filter((command) =>
    (invocations[command].flags as readonly string[]).includes(flag.slice(2)),
  );

const listingCommands = apiCommands.filter((command) =>
  (invocations[command].formats as readonly string[]).includes('csv'),
);
const resultCommands = commandsWith('--format').filter(
  (command) => !listingCommands.includes(command),
);
const markCommands: FlagCommand[] = ['mark set', 'mark delete'];

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
  { flag: '--group', commands: apiCommands, valid: '@TGS#aROOM', wrong: [], text: true },
  {
    flag: '--mark',
    commands: ['list', 'watch'],
    valid: '1000',
    // The spec's Mark is a non-negative safe integer.
    wrong: [...notWholeNumbers, '9007199254740992', '99999999999999999999'],
  },
  {
    flag: '--mark',
    commands: markCommands,
    valid: '1000',
    // modify_user_info's marks: the special 500, or 1000 and up.
    wrong: [...notWholeNumbers, '0', '1', '499', '501', '999', '9007199254740992'],
  },
  {
    flag: '--format',
    commands: listingCommands,
    valid: 'json',
    wrong: ['xml', 'JSON', 'Table', ' json', 'json ', 'tabl', 'json,csv', '__proto__', 'toString'],
  },
  {
    flag: '--format',
    commands: resultCommands,
    valid: 'json',
    // A change prints one line or one object: no csv or ndjson.
    wrong: ['csv', 'ndjson', 'xml', 'JSON', ' json', '__proto__', 'toString'],
  },
  // A UserID: any text the client accepts (it checks the request before sending).
  {
    flag: '--member',
    commands: commandsWith('--member'),
    valid: 'viewer1',
    wrong: [],
    repeatable: true,
    text: true,
  },
  {
    flag: '--duration',
    commands: ['ban'],
    valid: '3600',
    // Seconds of a ban: 1 to the spec's 32-bit maximum.
    wrong: [...notWholeNumbers, '0', '4294967296', '1h', '1.5'],
  },
  {
    flag: '--description',
    commands: ['ban'],
    valid: 'spam',
    // At most 1,000 bytes of UTF-8: 1,001 ASCII characters, or 334 of 3 bytes each.
    wrong: ['x'.repeat(1001), '\u5c0f'.repeat(334)],
    text: true,
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
    commands: apiCommands,
    valid: '5',
    wrong: [...notSeconds, '300.5', '301'],
  },
  {
    flag: '--region',
    commands: apiCommands,
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
    commands: apiCommands,
    valid: 'http://127.0.0.1:9',
    wrong: [...notHttpUrls, ...urlsWithCredentials],
  },
  {
    flag: '--sdk-app-id',
    commands: apiCommands,
    valid: '1400000000',
    // An SDKAppID is a positive 32-bit integer.
    wrong: [...notWholeNumbers, '0', '4294967296'],
  },
  {
    flag: '--identifier',
    commands: apiCommands,
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

const requiredFlags: Record<string, string> = {
  '--group': '@TGS#aROOM',
  '--member': 'viewer1',
  '--duration': '3600',
  '--mark': '1000',
};

/** Whether a command refuses to run without the flag. */
const requires = (command: FlagCommand, flag: string): boolean =>
  (flag === '--member' && commandsWith('--member').includes(command)) ||
  (flag === '--duration' && command === 'ban') ||
  (flag === '--mark' && markCommands.includes(command));

/** The flags a command requires (with valid values), but `flag` itself: its other flags need them. */
export const requiredArgs = (flag: string, command: FlagCommand = 'list'): string[] =>
  Object.entries(requiredFlags)
    .filter(([name]) => name !== flag)
    .filter(([name]) => name === '--group' || requires(command, name))
    .flat();

/** The command line of a command (`mark set` is two words). */
export const commandWords = (command: FlagCommand | 'demo'): string[] => command.split(' ');
