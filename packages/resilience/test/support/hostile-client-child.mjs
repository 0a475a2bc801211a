// One client call in a process of its own, so its memory can be measured: the
// parent (test/hostile-server.test.ts) passes a scenario as JSON in argv[2];
// this prints one JSON line with the outcome, everything the client printed
// (for the secrets sentinel), the UserSigs it sent, and its RSS.
import { inspect } from 'node:util';
import { createChatClient } from '@avchatroom/client';

const scenario = JSON.parse(process.argv[2]);

/** Every character as %XX, as some HTTP stacks quote a URL in their errors. */
const percentEncodeAll = (text) =>
  [...text].map((char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');

const printedForms = (error) => {
  const strings = [
    String(error),
    JSON.stringify(error) ?? '',
    inspect(error, { depth: 10, showHidden: true }),
  ];
  for (let cause = error, depth = 0; cause instanceof Error && depth < 10; depth += 1) {
    strings.push(cause.message, cause.stack ?? '');
    cause = cause.cause;
  }
  return strings;
};

const logLines = [];
const logger = Object.fromEntries(
  ['debug', 'info', 'warn', 'error'].map((level) => [
    level,
    (message, fields) => logLines.push(`${level} ${message} ${JSON.stringify(fields)}`),
  ]),
);
const sentUserSigs = [];
let requests = 0;
const recordingFetch = async (input, init) => {
  requests += 1;
  const url = String(input);
  sentUserSigs.push(new URL(url).searchParams.get('usersig') ?? '');
  try {
    return await fetch(input, init);
  } catch (error) {
    if (!scenario.quoteUrlInErrors) throw error;
    // Some HTTP stacks name the whole URL in their errors, encoded.
    throw new TypeError(`request to ${percentEncodeAll(url)} failed`, {
      cause: new Error(`connect failed for ${encodeURIComponent(url)}`),
    });
  }
};

const client = createChatClient({
  ...scenario.options,
  logger,
  logLevel: 'debug',
  fetch: recordingFetch,
});

const baselineRss = process.memoryUsage().rss;
const startedAt = performance.now();
let result;
try {
  const page = await client.getMembers({ groupId: '@TGS#aHOSTILE' });
  result = { ok: true, members: page.members.map((member) => member.Member_Account).slice(0, 5) };
} catch (error) {
  const fields = {};
  for (const key of ['status', 'location', 'maxBytes', 'issueCount', 'attempts']) {
    if (error?.[key] !== undefined) fields[key] = error[key];
  }
  result = {
    ok: false,
    errorName: error?.constructor?.name,
    fields,
    messageLength: String(error?.message).length,
    printed: printedForms(error),
  };
}
const elapsedMs = performance.now() - startedAt;
// maxRSS is the process's peak, in kilobytes.
const peakRss = process.resourceUsage().maxRSS * 1024;
process.stdout.write(
  `${JSON.stringify({ ...result, logLines, sentUserSigs, requests, elapsedMs, baselineRss, peakRss })}\n`,
);
