import { getAdminListLimits, modifyUserInfoLimits } from '@avchatroom/client';

// Advice that depends on the operation as well as the ErrorCode: the flags
// that carry an operator command's parameters, and the group types it serves
// (the spec's x-requirements.groupTypes: AVChatRoom only for these).
const refused = 'the API refused a parameter:';
const avChatRoomOnly =
  'check --group: this command serves audio-video groups (AVChatRoom) only, on the editions and with the console switches the docs name';

const hintsByCodeAndOperation: Readonly<Record<number, Readonly<Record<string, string>>>> = {
  10004: {
    modifyUserInfo: `${refused} check --mark and --member (marks go on online members only; a group has at most ${modifyUserInfoLimits.maxMarksPerGroup} marks, a mark at most ${modifyUserInfoLimits.maxMembersPerMark} members)`,
    modifyAdmin: `${refused} check --member (a group has at most ${getAdminListLimits.maxAdmins} administrators: remove one first)`,
    banGroupMember: `${refused} check --member and --duration`,
    unbanGroupMember: `${refused} check --member`,
    checkMembers: `${refused} check --member`,
    getOnlineMemberNum: `${refused} check --group`,
    getCommunityOnlineMemberNum: `${refused} check --group`,
    getGroupBanMember: `${refused} check --group`,
    getAdminList: `${refused} check --group`,
  },
  10007: {
    getOnlineMemberNum: `${avChatRoomOnly} (count uses the Community variant for an ID that starts with @TGS#_)`,
    getCommunityOnlineMemberNum:
      'check --group: an ID that starts with @TGS#_ is counted as a Community',
    modifyUserInfo: avChatRoomOnly,
    modifyAdmin: avChatRoomOnly,
    getAdminList: avChatRoomOnly,
    checkMembers: avChatRoomOnly,
    banGroupMember: avChatRoomOnly,
    unbanGroupMember: avChatRoomOnly,
    getGroupBanMember: avChatRoomOnly,
  },
};

/** The hint for an ErrorCode of one operation, where it differs from the code's own. */
export const operationHint = (code: number, operation: string): string | undefined =>
  hintsByCodeAndOperation[code]?.[operation];
