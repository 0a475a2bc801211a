import { ApiFailure } from './api-answer.js';
import { groupOf, limitOf, type OperationHandler } from './operation-handler.js';

const setAdmins = 1;

/**
 * modify_admin: CommandType 1 makes the accounts admins (members or not),
 * 2 cancels them. A call that would leave more than x-limits.maxAdmins changes
 * nothing and gets 10004 (ours: the docs name no code).
 */
export const modifyAdminHandler: OperationHandler = {
  answer: (call) => {
    const { admins } = groupOf(call);
    const accounts = call.body.Admin_Account as string[];
    if (call.body.CommandType === setAdmins) {
      const added = [...new Set(accounts)].filter((account) => !admins.includes(account));
      const maxAdmins = limitOf(call, 'maxAdmins');
      if (admins.length + added.length > maxAdmins)
        throw new ApiFailure(10004, `a group has at most ${maxAdmins} admins`);
      admins.push(...added);
    } else {
      const kept = admins.filter((account) => !accounts.includes(account));
      admins.splice(0, admins.length, ...kept);
    }
    return {};
  },
};

/** get_admin_list: the admins in the order they were set, with the profile of those online. */
export const getAdminListHandler: OperationHandler = {
  answer: (call) => {
    const group = groupOf(call);
    return {
      Admin_List: group.admins.map((account) => {
        const member = group.onlineMember(account, call.nowMs);
        return {
          Admin_Account: account,
          NickName: member?.nickName ?? '',
          Avatar: member?.avatar ?? '',
        };
      }),
    };
  },
};
