import { ChatApiError } from '@avchatroom/client';
import { describe, expect, it } from 'vitest';
import { hintFor } from './error-hints.js';

const refused = (operation: string, code = 10004) =>
  new ChatApiError(code, '', { operation, requestId: 1, attempts: 1 });

describe('hintFor: a refused parameter (10004) names the flags of the command that sent it', () => {
  it.each([
    { operation: 'getMembers', want: 'check --group and --mark' },
    { operation: 'modifyUserInfo', want: 'check --mark and --member (marks go on online members' },
    { operation: 'modifyAdmin', want: 'at most 5 administrators: remove one first' },
    { operation: 'banGroupMember', want: 'check --member and --duration' },
    { operation: 'unbanGroupMember', want: 'check --member' },
    { operation: 'checkMembers', want: 'check --member' },
    { operation: 'getOnlineMemberNum', want: 'refused a parameter: check --group.' },
    { operation: 'getAdminList', want: 'refused a parameter: check --group.' },
  ])('$operation: $want', ({ operation, want }) => {
    expect(`${hintFor(refused(operation))}.`).toContain(want);
  });
});

describe('hintFor: a group type the operation does not serve (10007)', () => {
  it.each([
    {
      operation: 'getMembers',
      want: 'only audio-video groups (AVChatRoom) and Communities can be listed',
    },
    {
      operation: 'getOnlineMemberNum',
      want: 'count uses the Community variant for an ID that starts with @TGS#_',
    },
    {
      operation: 'getCommunityOnlineMemberNum',
      want: 'an ID that starts with @TGS#_ is counted as a Community',
    },
    { operation: 'banGroupMember', want: 'serves audio-video groups (AVChatRoom) only' },
    { operation: 'getAdminList', want: 'serves audio-video groups (AVChatRoom) only' },
  ])('$operation: $want', ({ operation, want }) => {
    expect(hintFor(refused(operation, 10007))).toContain(want);
  });
});
