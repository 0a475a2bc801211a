import { groupOf, limitOf, type OperationHandler } from './operation-handler.js';

/**
 * get_online_member_num: every member online, past get_members' cap, refreshed
 * every x-limits.onlineCountRefreshSeconds and at once below
 * x-limits.immediateRefreshBelowMembers (the emulator has no web users).
 */
export const getOnlineMemberNumHandler: OperationHandler = {
  answer: (call) => ({
    OnlineMemberNum: groupOf(call).servedCount(call.nowMs, {
      refreshMs: limitOf(call, 'onlineCountRefreshSeconds') * 1000,
      immediateBelowMembers: limitOf(call, 'immediateRefreshBelowMembers'),
    }),
  }),
};
