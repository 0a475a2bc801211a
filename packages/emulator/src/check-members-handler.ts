import { groupOf, type OperationHandler } from './operation-handler.js';

/**
 * check_members: which of the accounts are in the served snapshot (the same
 * cache as get_members, without its 1,000 cap), in the order asked, once each.
 */
export const checkMembersHandler: OperationHandler = {
  answer: (call) => {
    const snapshot = groupOf(call).servedSnapshot(call.nowMs, call.settings.snapshotRefreshMs);
    const online = new Set(snapshot.members.map((member) => member.account));
    const asked = new Set(call.body.Member_Account as string[]);
    return { Member_Account: [...asked].filter((account) => online.has(account)) };
  },
};
