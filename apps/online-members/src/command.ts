import type { CommandName } from './command-flags.js';
import type { ConnectionFlags } from './flag-values.js';
import type { ListFormat } from './formats/format-listing.js';

/** What every command that calls the API carries. */
interface GroupCall {
  groupId: string;
  connection: ConnectionFlags;
}

/** A command that prints one result: a line for a person, or json. */
export type ResultFormat = 'table' | 'json';

/** The commands that call the API once (or page by page) and print what it answered. */
export type OperatorCommand = GroupCall &
  (
    | { kind: 'count'; format: ResultFormat }
    | { kind: 'bans'; format: ListFormat }
    | {
        kind: 'ban';
        members: string[];
        durationSeconds: number;
        description: string | undefined;
        format: ResultFormat;
      }
    | { kind: 'unban'; members: string[]; format: ResultFormat }
    | {
        kind: 'mark';
        action: 'set' | 'delete';
        mark: number;
        members: string[];
        format: ResultFormat;
      }
    | { kind: 'admins'; action: 'list'; format: ListFormat }
    | { kind: 'admins'; action: 'add' | 'remove'; members: string[]; format: ResultFormat }
    | { kind: 'check'; members: string[]; format: ListFormat }
  );

export type Command =
  | { kind: 'help'; command?: CommandName }
  | { kind: 'version' }
  | (GroupCall & { kind: 'list'; mark: number | undefined; format: ListFormat })
  | (GroupCall & {
      kind: 'watch';
      mark: number | undefined;
      /** Undefined: the API's snapshot period. */
      intervalSeconds: number | undefined;
      /** Undefined: until interrupted. */
      rounds: number | undefined;
    })
  | { kind: 'demo' }
  | OperatorCommand;
