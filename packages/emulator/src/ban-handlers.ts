import { ApiFailure } from './api-answer.js';
import {
  groupOf,
  limitOf,
  type OperationCall,
  type OperationHandler,
} from './operation-handler.js';

const nowSecondsOf = (call: OperationCall): number => Math.floor(call.nowMs / 1000);

/**
 * ban_group_member: each account is banned for Duration seconds from now (a
 * ban again replaces the end) and leaves the group at once, losing its marks
 * (ours: the docs only say it cannot rejoin). Duration 0 gets 10004 (ours).
 */
export const banGroupMemberHandler: OperationHandler = {
  answer: (call) => {
    const group = groupOf(call);
    const { Members_Account, Duration, Description } = call.body as {
      Members_Account: string[];
      Duration: number;
      Description?: string;
    };
    const maxBytes = limitOf(call, 'maxDescriptionBytes');
    if (Description !== undefined && Buffer.byteLength(Description, 'utf8') > maxBytes)
      throw new ApiFailure(10004, `Description is longer than ${maxBytes} bytes`);
    if (Duration === 0) throw new ApiFailure(10004, 'Duration must be at least 1 second');
    const nowSeconds = nowSecondsOf(call);
    for (const account of Members_Account) {
      group.bans.ban(account, nowSeconds + Duration, nowSeconds);
      group.leave(account);
    }
    return {};
  },
};

/** unban_group_member: lifts the bans (an account not banned is no error: ours). */
export const unbanGroupMemberHandler: OperationHandler = {
  answer: (call) => {
    const group = groupOf(call);
    for (const account of call.body.Members_Account as string[])
      group.bans.unban(account, nowSecondsOf(call));
    return {};
  },
};

/**
 * get_group_ban_member: bans in force, in the order they were made, from
 * Offset; Limit defaults to x-limits.maxLimit (ours: the docs give no default).
 */
export const getGroupBanMemberHandler: OperationHandler = {
  answer: (call) => {
    const { Offset, Limit } = call.body as { Offset: number; Limit?: number };
    const page = groupOf(call).bans.page(
      Offset,
      Limit ?? limitOf(call, 'maxLimit'),
      nowSecondsOf(call),
    );
    return {
      BannedAccountList: page.bans.map((ban) => ({
        Member_Account: ban.account,
        BannedUntil: ban.bannedUntil,
      })),
      NextOffset: page.nextOffset,
    };
  },
};
