import { selectMemberPage } from './member-pages.js';
import { groupOf, limitOf, type OperationHandler } from './operation-handler.js';

/**
 * get_members: one page of the served snapshot, newest first, at most the
 * x-limits.maxMembers latest (x-limits.nonProEditionMaxMembers below Pro).
 */
export const getMembersHandler: OperationHandler = {
  servesOtherEditions: true,
  answer: (call) => {
    const snapshot = groupOf(call).servedSnapshot(call.nowMs, call.settings.snapshotRefreshMs);
    const { Timestamp, Mark } = call.body as { Timestamp: number; Mark?: number };
    const page = selectMemberPage(snapshot.members, {
      timestamp: Timestamp,
      ...(Mark !== undefined && { mark: Mark }),
      pageSize: call.settings.pageSize,
      maxMembers: limitOf(
        call,
        call.app.edition === 'pro' ? 'maxMembers' : 'nonProEditionMaxMembers',
      ),
    });
    return { MemberList: page.members, NextTimestamp: page.nextTimestamp };
  },
};
