// Reads a response body as a stream with a byte cap, so a server that sends an
// endless or huge body (a broken proxy, a captive portal, a hostile mirror)
// costs at most the cap in memory and bandwidth: past it the stream is
// cancelled, which closes the connection.
import { getMembersLimits } from '../generated/limits.gen.js';

/**
 * Room for one member in the default cap. A member is at most about 1.1 KB:
 * a 32-byte `Member_Account`, a JoinTime, and a NickName and an Avatar URL of
 * at most 500 bytes each (the Web SDK's Profile reference:
 * https://web.sdk.qcloud.com/im/doc/zh-cn/Profile.html). A typical one is about
 * 115 bytes (the bench's 500-member page is 57 KB).
 */
const bytesPerMember = 2048;

/** How much of a response body the client reads (see the `maxResponseBytes` option). */
export const responseBodyDefaults = {
  /**
   * The largest body read: the most members a page can hold (the spec's
   * x-limits.maxMembers, 1,000) at 2 KiB each. A compact hostile body this
   * size (`{}` items) parses to about 85 MB in V8, so the cap is not larger.
   */
  maxBytes: getMembersLimits.maxMembers * bytesPerMember,
  /** What is read of a body that is only quoted in an error (a gateway's page). */
  excerptBytes: 4096,
} as const;

export type BodyRead =
  | { complete: true; text: string }
  /** More than the cap arrived (or was announced); `receivedBytes` counts what was read. */
  | { complete: false; text: string; receivedBytes: number };

const declaredLength = (response: Response): number | undefined => {
  // A compressed body's Content-Length is its compressed size: no guide to what is read.
  const encoding = response.headers.get('content-encoding');
  if (encoding !== null && encoding !== 'identity') return undefined;
  const length = Number(response.headers.get('content-length') ?? Number.NaN);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
};

const cancelQuietly = async (cancel: () => Promise<void>): Promise<void> => {
  try {
    await cancel();
  } catch {
    // The connection is being torn down either way.
  }
};

/**
 * Reads at most `maxBytes` of the body as UTF-8 text. When more arrives (or
 * the declared length is larger) reading stops, the stream is cancelled and
 * the text read so far is returned with `complete: false`. Rejects only as
 * the body stream does (a dropped connection, an abort).
 */
export const readBodyWithin = async (response: Response, maxBytes: number): Promise<BodyRead> => {
  const body = response.body;
  if (body === null) return { complete: true, text: '' };
  const declared = declaredLength(response);
  if (declared !== undefined && declared > maxBytes) {
    await cancelQuietly(() => body.cancel());
    return { complete: false, text: '', receivedBytes: 0 };
  }
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let receivedBytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { complete: true, text: text + decoder.decode() };
    receivedBytes += value.byteLength;
    if (receivedBytes > maxBytes) {
      const room = maxBytes - (receivedBytes - value.byteLength);
      text += decoder.decode(value.subarray(0, room));
      await cancelQuietly(() => reader.cancel());
      return { complete: false, text, receivedBytes };
    }
    text += decoder.decode(value, { stream: true });
  }
};
