// The floor a listing is compared with: the same requests as the client sends
// (POST, the same query parameters, a JSON body passing back each
// NextTimestamp), made one after another with fetch, each answer read as text
// and JSON.parse'd, and nothing else: no rate limit, no validation, no retries.
import { getMembersPath } from './spec-facts.mjs';

const jsonHeaders = { 'content-type': 'application/json' };

const randomUint32 = () => crypto.getRandomValues(new Uint32Array(1))[0];

/** Lists every member of a group with raw fetch; returns the members and the request count. */
export const listWithRawFetch = async ({ baseUrl, sdkAppId, identifier, userSig, groupId }) => {
  const members = [];
  let timestamp = 0;
  let requests = 0;
  do {
    const query = new URLSearchParams({
      sdkappid: String(sdkAppId),
      identifier,
      usersig: userSig,
      random: String(randomUint32()),
      contenttype: 'json',
    });
    const response = await fetch(`${baseUrl}${getMembersPath}?${query}`, {
      method: 'POST',
      headers: jsonHeaders,
      body: JSON.stringify({ GroupId: groupId, Timestamp: timestamp }),
    });
    const page = JSON.parse(await response.text());
    requests += 1;
    // The bench's own check, so a failing request cannot look fast; never the body, which
    // could echo the query.
    if (page.ErrorCode !== 0) throw new Error(`raw listing: ErrorCode ${page.ErrorCode}`);
    members.push(...page.MemberList);
    timestamp = page.NextTimestamp;
  } while (timestamp !== 0);
  return { members, requests };
};
