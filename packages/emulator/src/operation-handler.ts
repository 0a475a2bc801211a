import type { RequestBody } from './body-checks.js';
import type { EmulatorApp } from './emulator-state.js';
import type { GroupState } from './group-state.js';

/** What the emulator's settings tell handlers. */
export interface HandlerSettings {
  pageSize: number;
  snapshotRefreshMs: number;
}

/** A call that passed the checks every operation shares. */
export interface OperationCall {
  app: EmulatorApp;
  /** The App admin who called. */
  identifier: string;
  /** The body, checked against the operation's request schema. */
  body: RequestBody;
  /** The group the body's GroupId names: it exists and its type is allowed. */
  group: GroupState | undefined;
  nowMs: number;
  /** The operation's x-limits. */
  limits: Record<string, unknown>;
  settings: HandlerSettings;
}

/** The state logic of one operation. */
export interface OperationHandler {
  /**
   * Whether apps below the spec's `x-requirements.editions` are served (as
   * get_members serves them the 30 latest) rather than refused.
   */
  servesOtherEditions?: boolean;
  /** The operation's own fields of a success; throws ApiFailure to refuse. */
  answer: (call: OperationCall) => Record<string, unknown>;
}

/** A number of the operation's x-limits; throws when the spec lacks it. */
export const limitOf = (call: OperationCall, name: string): number => {
  const value = call.limits[name];
  if (typeof value !== 'number') throw new Error(`the spec's x-limits has no ${name}`);
  return value;
};

/** The group of a call whose schema requires GroupId. */
export const groupOf = (call: OperationCall): GroupState => {
  if (!call.group) throw new Error('the operation needs a GroupId');
  return call.group;
};
