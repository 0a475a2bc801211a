import { ApiFailure, type FailureBody, type SuccessBody } from './api-answer.js';
import { readGetMembersBody } from './body-checks.js';
import type { CallRateLimiter } from './call-rate-limiter.js';
import type { EmulatorClock } from './clock.js';
import type { EmulatorState } from './emulator-state.js';
import { selectMemberPage } from './member-pages.js';
import { readCallQuery } from './query-checks.js';
import { specLimits } from './spec-facts.js';
import { checkUserSig } from './user-sig-check.js';

export interface GetMembersSettings {
  pageSize: number;
  snapshotRefreshMs: number;
  rateLimitErrorCode: number;
  /** The limit the rate limiter enforces, named in ErrorInfo. */
  callsPerSecond: number | false;
}

export interface GetMembersContext {
  state: EmulatorState;
  clock: EmulatorClock;
  limiter: CallRateLimiter;
  settings: GetMembersSettings;
}

// Only these two types may be listed (API doc; Community is disputed by the
// newest Chinese page, and the emulator follows the English one).
const listableTypes = new Set(['AVChatRoom', 'Community']);

/**
 * Answers one get_members call, checking in the order a gateway would: the
 * URL, the app, its call rate, the UserSig, admin rights, then the body and
 * the group.
 */
export const answerGetMembers = (
  context: GetMembersContext,
  params: URLSearchParams,
  rawBody: Buffer,
): SuccessBody | FailureBody => {
  try {
    const { state, clock, limiter, settings } = context;
    const query = readCallQuery(params);
    const app = state.app(query.sdkAppId);
    if (!app) throw new ApiFailure(70020, `no app ${query.sdkAppId}`);
    const nowMs = clock.now();
    if (!limiter.tryCall(app.sdkAppId, nowMs)) {
      throw new ApiFailure(
        settings.rateLimitErrorCode,
        `over ${settings.callsPerSecond} calls per second`,
      );
    }
    const refusal = checkUserSig({
      userSig: query.userSig,
      sdkAppId: app.sdkAppId,
      identifier: query.identifier,
      secretKey: app.secretKey,
      nowSeconds: Math.floor(nowMs / 1000),
    });
    if (refusal) throw new ApiFailure(refusal.code);
    if (!app.admins.has(query.identifier))
      throw new ApiFailure(60010, 'identifier is not an App admin');
    const body = readGetMembersBody(rawBody);
    const group = state.group(app.sdkAppId, body.groupId);
    if (!group) throw new ApiFailure(10010);
    if (!listableTypes.has(group.type))
      throw new ApiFailure(10007, `the group is a ${group.type} group`);
    const snapshot = group.servedSnapshot(nowMs, settings.snapshotRefreshMs);
    const page = selectMemberPage(snapshot.members, {
      timestamp: body.timestamp,
      ...(body.mark !== undefined && { mark: body.mark }),
      pageSize: settings.pageSize,
      maxMembers:
        app.edition === 'pro' ? specLimits.maxMembers : specLimits.nonProEditionMaxMembers,
    });
    return {
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      MemberList: page.members,
      NextTimestamp: page.nextTimestamp,
    };
  } catch (error) {
    if (error instanceof ApiFailure) return error.body;
    throw error;
  }
};
