// Preloaded (`node --import`) before a README block runs: the blocks are
// written for production (`region: 'singapore'`, `chatRegions.singapore.main`),
// so every request to a region's host goes to the emulator at
// AVCHATROOM_EMULATOR_URL instead, path and query kept. Loopback requests (the
// blocks' own emulators and Prism) pass; any other host is refused, so a block
// never reaches the internet.
import { chatRegions } from '@avchatroom/client';

const emulatorUrl = process.env.AVCHATROOM_EMULATOR_URL;
if (!emulatorUrl) throw new Error('redirect-to-emulator: set AVCHATROOM_EMULATOR_URL');

const regionOrigins = new Set(
  Object.values(chatRegions).flatMap((region) => [region.main, region.standby]),
);
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);
const realFetch = globalThis.fetch;

globalThis.fetch = async (input, init) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  if (loopbackHosts.has(url.hostname)) return realFetch(request);
  if (!regionOrigins.has(url.origin)) {
    throw new Error(`redirect-to-emulator: a README block fetched ${url.origin}, not a region`);
  }
  const body = ['GET', 'HEAD'].includes(request.method) ? undefined : await request.arrayBuffer();
  return realFetch(new URL(`${url.pathname}${url.search}`, emulatorUrl), {
    method: request.method,
    headers: request.headers,
    body,
    signal: request.signal,
  });
};
