import { groupOf, limitOf, type OperationHandler } from './operation-handler.js';

/**
 * get_online_member_num (and the Community variant): every member online, past
 * get_members' cap, refreshed every x-limits.onlineCountRefreshSeconds, and at
 * once below x-limits.immediateRefreshBelowMembers where the spec names it (the
 * emulator has no web users).
 */
export const getOnlineMemberNumHandler: OperationHandler = {
  answer: (call) => {
    const immediateBelow = call.limits.immediateRefreshBelowMembers;
    return {
      OnlineMemberNum: groupOf(call).servedCount(call.nowMs, {
        refreshMs: limitOf(call, 'onlineCountRefreshSeconds') * 1000,
        immediateBelowMembers: typeof immediateBelow === 'number' ? immediateBelow : 0,
      }),
    };
  },
};
