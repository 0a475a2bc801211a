// A load generator for the emulator's own speed: `concurrency` loops, each
// sending one request after another over a keep-alive connection (node:http
// with a keep-alive Agent, one socket per loop), for `durationMs`. Answers are
// checked for status 200 and ErrorCode 0 without parsing the whole body, so the
// generator spends as little CPU as it can (it shares the machine with the emulator).
import { Agent, request } from 'node:http';

const successPattern = /"ErrorCode":0[,}]/;

const post = (agent, url, body) =>
  new Promise((resolve, reject) => {
    const outgoing = request(url, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    outgoing.setTimeout(10_000, () => outgoing.destroy(new Error('no answer within 10 s')));
    outgoing.on('error', reject);
    outgoing.on('response', (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({ status: response.statusCode, body: Buffer.concat(chunks) }),
      );
    });
    outgoing.end(body);
  });

/** @returns requests answered, elapsed ms, each request's latency (ms) and the answer size */
export const runLoopbackLoad = async ({ url, body, concurrency, durationMs }) => {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latenciesMs = [];
  let failures = 0;
  let answerBytes = 0;
  const started = performance.now();
  const deadline = started + durationMs;
  const loop = async () => {
    while (performance.now() < deadline) {
      const sent = performance.now();
      const answer = await post(agent, url, body);
      latenciesMs.push(performance.now() - sent);
      answerBytes = answer.body.length;
      if (answer.status !== 200 || !successPattern.test(answer.body.toString('latin1', 0, 200))) {
        failures += 1;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, loop));
  } finally {
    agent.destroy();
  }
  return {
    requests: latenciesMs.length,
    elapsedMs: performance.now() - started,
    latenciesMs,
    failures,
    answerBytes,
  };
};
