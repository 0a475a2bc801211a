import { ApiFailure } from './api-answer.js';
import { readRequestBody } from './body-checks.js';
import type { EmulatorClock } from './clock.js';
import type { EmulatorState } from './emulator-state.js';
import type { HandlerSettings, OperationCall } from './operation-handler.js';
import type { OperationLimiters } from './operation-limiters.js';
import { readCallQuery } from './query-checks.js';
import type { SpecOperation } from './spec-facts.js';
import { checkUserSig } from './user-sig-check.js';

/** What the shared checks need. */
export interface SharedCheckContext {
  state: EmulatorState;
  clock: EmulatorClock;
  limiters: OperationLimiters;
  settings: HandlerSettings & { rateLimitErrorCode: number };
}

/**
 * The checks every operation shares, in the order a gateway would run them: the
 * URL's parameters, the app, the operation's call rate, the UserSig, admin
 * rights, the body against the operation's request schema, then the group its
 * GroupId names (10010 when there is none, 10007 for a type outside the spec's
 * `x-requirements.groupTypes`) and the app's edition (10007 below
 * `x-requirements.editions`, unless the operation serves other editions).
 */
export const checkCall = (
  context: SharedCheckContext,
  operation: SpecOperation,
  params: URLSearchParams,
  rawBody: Buffer,
  servesOtherEditions: boolean,
): OperationCall => {
  const { state, clock, limiters, settings } = context;
  const query = readCallQuery(params);
  const app = state.app(query.sdkAppId);
  if (!app) throw new ApiFailure(70020, `no app ${query.sdkAppId}`);
  const nowMs = clock.now();
  const overLimit = limiters.tryCall(operation.operationId, app.sdkAppId, nowMs);
  if (overLimit !== undefined)
    throw new ApiFailure(settings.rateLimitErrorCode, `over ${overLimit} calls per second`);
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
  const body = readRequestBody(rawBody, operation.requestSchema);
  const { groupTypes, editions } = operation.requirements;
  let group: OperationCall['group'];
  if (typeof body.GroupId === 'string') {
    group = state.group(app.sdkAppId, body.GroupId);
    if (!group) throw new ApiFailure(10010);
    if (groupTypes && !groupTypes.includes(group.type))
      throw new ApiFailure(10007, `the group is a ${group.type} group`);
  }
  // The emulator's editions: 'pro' stands for every edition the spec names.
  if (editions && app.edition !== 'pro' && !servesOtherEditions)
    throw new ApiFailure(10007, `the app's edition is not ${editions.join(', ')}`);
  return {
    app,
    identifier: query.identifier,
    body,
    group,
    nowMs,
    limits: operation.limits,
    settings: { pageSize: settings.pageSize, snapshotRefreshMs: settings.snapshotRefreshMs },
  };
};
