import type { OnlineMemberBody } from './api-answer.js';
import type { OnlineMember } from './group-state.js';

export interface PageRequest {
  /** 0 for the first page, then the previous NextTimestamp. */
  timestamp: number;
  /** Only members carrying this mark; absent or 0 lists everyone. */
  mark?: number;
  pageSize: number;
  /** The 1,000 latest (Pro) or the 30 latest (other editions). */
  maxMembers: number;
}

export interface MemberPage {
  members: OnlineMemberBody[];
  nextTimestamp: number;
}

const toBody = (member: OnlineMember): OnlineMemberBody => ({
  Member_Account: member.account,
  JoinTime: member.joinTime,
  ...(member.nickName !== undefined && { NickName: member.nickName }),
  ...(member.avatar !== undefined && { Avatar: member.avatar }),
});

/**
 * One page of a snapshot (newest first). The cursor is a join time, like the
 * NextTimestamp of the spec's firstPage example: the next page holds members
 * who joined at or before it. A page never ends between two members who joined
 * in the same second (it runs on past pageSize instead), so a cursor never
 * skips or repeats anyone, and members who join or leave between pages shift
 * nobody out of the listing.
 */
export const selectMemberPage = (
  snapshot: readonly OnlineMember[],
  request: PageRequest,
): MemberPage => {
  const marked = request.mark
    ? snapshot.filter((member) => member.marks.includes(request.mark as number))
    : snapshot;
  const latest = marked.slice(0, request.maxMembers);
  let start = 0;
  if (request.timestamp > 0) {
    start = latest.findIndex((member) => member.joinTime <= request.timestamp);
    if (start === -1) start = latest.length;
  }
  let end = Math.min(start + request.pageSize, latest.length);
  while (end < latest.length && end > start && latest[end]?.joinTime === latest[end - 1]?.joinTime)
    end++;
  return {
    members: latest.slice(start, end).map(toBody),
    nextTimestamp: end < latest.length ? (latest[end]?.joinTime ?? 0) : 0,
  };
};
