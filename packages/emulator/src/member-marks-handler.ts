import { ApiFailure } from './api-answer.js';
import type { OnlineMember } from './group-state.js';
import {
  groupOf,
  limitOf,
  type OperationCall,
  type OperationHandler,
} from './operation-handler.js';

interface MemberMarks {
  Member_Account: string;
  Marks: number[];
}

const setMarks = 1;

/**
 * modify_user_info: CommandType 1 sets marks, 2 deletes them. Custom marks
 * (x-limits.minCustomMark and up) go only on members online now; the special
 * mark (x-limits.specialMark) goes on any account and is kept across leaving
 * (ours: the docs do not say what it means). Accounts that get nothing are left
 * out of the answer; when none is left, or a cap (x-limits.maxMarksPerGroup
 * custom marks, maxMembersPerMark members per mark) would be passed, the call
 * changes nothing and gets 10004 (ours: the docs name no code).
 */
interface MarkChange {
  member: OnlineMember | undefined;
  account: string;
  marks: number[];
}

/** Refuses a change that would pass a group's caps on custom marks or members per mark. */
const checkCaps = (call: OperationCall, changes: MarkChange[], minCustom: number): void => {
  const carriers = groupOf(call).markCarriers(call.nowMs);
  const added = new Set<string>();
  for (const { member, account, marks } of changes)
    for (const mark of marks)
      if (member && !member.marks.includes(mark) && !added.has(`${mark} ${account}`)) {
        added.add(`${mark} ${account}`);
        carriers.set(mark, (carriers.get(mark) ?? 0) + 1);
      }
  const maxMarks = limitOf(call, 'maxMarksPerGroup');
  const maxMembers = limitOf(call, 'maxMembersPerMark');
  if ([...carriers.keys()].filter((mark) => mark >= minCustom).length > maxMarks)
    throw new ApiFailure(10004, `a group has at most ${maxMarks} different marks`);
  const full = [...carriers].find(([, count]) => count > maxMembers);
  if (full) throw new ApiFailure(10004, `mark ${full[0]} is on at most ${maxMembers} members`);
};

export const modifyUserInfoHandler: OperationHandler = {
  answer: (call) => {
    const group = groupOf(call);
    const { CommandType, MemberList } = call.body as {
      CommandType: number;
      MemberList: MemberMarks[];
    };
    const special = limitOf(call, 'specialMark');
    const minCustom = limitOf(call, 'minCustomMark');
    const bad = MemberList.flatMap((item) => item.Marks).find(
      (mark) => mark !== special && mark < minCustom,
    );
    if (bad !== undefined)
      throw new ApiFailure(10004, `mark ${bad} is neither ${special} nor ${minCustom} or more`);
    const changes = MemberList.flatMap((item): MarkChange[] => {
      const member = group.onlineMember(item.Member_Account, call.nowMs);
      const marks = member ? item.Marks : item.Marks.filter((mark) => mark === special);
      return marks.length > 0 ? [{ member, account: item.Member_Account, marks }] : [];
    });
    if (changes.length === 0) throw new ApiFailure(10004, 'no account of MemberList is online');
    const setting = CommandType === setMarks;
    if (setting) checkCaps(call, changes, minCustom);
    for (const { member, account, marks } of changes)
      for (const mark of marks) {
        const carried = member?.marks.indexOf(mark) ?? -1;
        if (setting && member && carried === -1) member.marks.push(mark);
        if (!setting && carried !== -1) member?.marks.splice(carried, 1);
        if (mark === special && setting) group.keepMark(account, mark);
        if (mark === special && !setting) group.dropKeptMark(account, mark);
      }
    return {
      CommandType,
      MemberList: changes.map(({ account, marks }) => ({ Member_Account: account, Marks: marks })),
    };
  },
};
