import {
  banGroupMemberLimits,
  modifyAdminLimits,
  modifyUserInfoLimits,
  unbanGroupMemberLimits,
} from '@avchatroom/client';
import type { OperatorCommand, ResultFormat } from './command.js';
import { type Invocation, invocations } from './command-flags.js';
import {
  connectionFrom,
  descriptionFrom,
  formatFrom,
  requireDuration,
  requireGroup,
  requireMembers,
  requireSettableMark,
} from './flag-values.js';
import type { FlagValues } from './read-flags.js';

type OperatorInvocation = Exclude<Invocation, 'list' | 'watch' | 'demo'>;

/**
 * The commands of a room's operator (count, bans, ban, unban, mark, admins,
 * check) from their flags. Per-call caps on --member are the spec's x-limits,
 * so a call the API would refuse is never sent.
 */
export const parseOperatorCommand = (
  invocation: OperatorInvocation,
  values: FlagValues['values'],
  lists: FlagValues['lists'],
): OperatorCommand => {
  const command = invocation.split(' ')[0] ?? invocation;
  const groupId = requireGroup(values, command);
  const members = (max?: number) => requireMembers(lists, command, max);
  const base = { groupId, connection: connectionFrom(values, command) };
  const format = formatFrom(values, invocations[invocation].formats, command);
  // The table gives a command that prints a change only table and json.
  const result = format as ResultFormat;
  switch (invocation) {
    case 'count':
      return { kind: 'count', ...base, format: result };
    case 'bans':
      return { kind: 'bans', ...base, format };
    case 'ban':
      return {
        kind: 'ban',
        ...base,
        members: members(banGroupMemberLimits.maxBannedPerCall),
        durationSeconds: requireDuration(values, command),
        description: descriptionFrom(values, command),
        format: result,
      };
    case 'unban':
      return {
        kind: 'unban',
        ...base,
        members: members(unbanGroupMemberLimits.maxUnbannedPerCall),
        format: result,
      };
    case 'mark set':
    case 'mark delete':
      return {
        kind: 'mark',
        action: invocation === 'mark set' ? 'set' : 'delete',
        ...base,
        mark: requireSettableMark(values, command),
        members: members(modifyUserInfoLimits.maxAccountsPerCall),
        format: result,
      };
    case 'admins':
      return { kind: 'admins', action: 'list', ...base, format };
    case 'admins add':
    case 'admins remove':
      return {
        kind: 'admins',
        action: invocation === 'admins add' ? 'add' : 'remove',
        ...base,
        members: members(modifyAdminLimits.maxAdmins),
        format: result,
      };
    case 'check':
      return { kind: 'check', ...base, members: members(), format };
  }
};
