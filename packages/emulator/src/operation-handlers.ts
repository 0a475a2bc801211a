import { getAdminListHandler, modifyAdminHandler } from './admin-handlers.js';
import {
  banGroupMemberHandler,
  getGroupBanMemberHandler,
  unbanGroupMemberHandler,
} from './ban-handlers.js';
import { checkMembersHandler } from './check-members-handler.js';
import { getMembersHandler } from './get-members-handler.js';
import { modifyUserInfoHandler } from './member-marks-handler.js';
import { getOnlineMemberNumHandler } from './online-member-num-handler.js';
import type { OperationHandler } from './operation-handler.js';

/**
 * The emulator's stateful handlers, by the spec's operationId. The route table
 * is the spec: an operation it has and this table lacks answers its first
 * success example; an entry here whose operation the spec lacks is never used.
 */
export const operationHandlers: Readonly<Record<string, OperationHandler>> = {
  getMembers: getMembersHandler,
  getOnlineMemberNum: getOnlineMemberNumHandler,
  getCommunityOnlineMemberNum: getOnlineMemberNumHandler,
  modifyUserInfo: modifyUserInfoHandler,
  banGroupMember: banGroupMemberHandler,
  unbanGroupMember: unbanGroupMemberHandler,
  getGroupBanMember: getGroupBanMemberHandler,
  modifyAdmin: modifyAdminHandler,
  getAdminList: getAdminListHandler,
  checkMembers: checkMembersHandler,
};
