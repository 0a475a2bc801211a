import { isSpecErrorCode } from './spec-facts.js';

/**
 * Faults the emulator can put on the next API calls, to test what a client does
 * when the network or the service misbehaves:
 * - `latency`: answer `ms` milliseconds late (past a client's timeout, say);
 * - `html502`: a gateway's HTML 502 page (the API doc's example of a non-200 status);
 * - `drop`: close the connection without answering;
 * - `truncate`: send the headers and half the body, then close the connection;
 * - `systemError`: answer ErrorCode 10002 (the API's transient system error);
 * - `apiError`: answer the ErrorCode `code` (any code the spec lists, such as the
 *   frequency limit 60007 or the expired UserSig 70001) with the spec's meaning.
 */
export type FaultKind = 'latency' | 'html502' | 'drop' | 'truncate' | 'systemError' | 'apiError';

export const faultKinds: readonly FaultKind[] = [
  'latency',
  'html502',
  'drop',
  'truncate',
  'systemError',
  'apiError',
];

export interface FaultPlan {
  kind: FaultKind;
  /** How many of the next API calls get this fault. @default 1 */
  times?: number;
  /** For `latency`: the delay in milliseconds. @default 5000 */
  ms?: number;
  /** For `apiError` (and only for it): the ErrorCode to answer, a non-zero code the spec lists. */
  code?: number;
}

/** One fault, for one call. */
export interface Fault {
  kind: FaultKind;
  ms: number;
  /** The ErrorCode of an `apiError` fault. */
  code?: number;
}

/** A queue of faults, taken one per API call in the order they were added. */
export interface FaultQueue {
  add: (plans: FaultPlan | FaultPlan[]) => void;
  /** The fault for the call being served, if any. */
  take: () => Fault | undefined;
  /** Faults still waiting, in order. */
  pending: () => Fault[];
  clear: () => void;
}

/** Lists what is wrong with fault plans (from code or the control API). */
export const findFaultProblems = (plans: unknown): string[] => {
  const list = Array.isArray(plans) ? plans : [plans];
  const problems: string[] = [];
  list.forEach((plan, index) => {
    const where = `faults[${index}]`;
    if (typeof plan !== 'object' || plan === null) {
      problems.push(`${where} must be an object`);
      return;
    }
    const { kind, times, ms, code } = plan as Record<string, unknown>;
    if (!faultKinds.includes(kind as FaultKind))
      problems.push(`${where}.kind must be one of ${faultKinds.join(', ')}`);
    if (
      times !== undefined &&
      !(Number.isSafeInteger(times) && (times as number) >= 1 && (times as number) <= 100_000)
    ) {
      problems.push(`${where}.times must be an integer from 1 to 100000`);
    }
    if (
      ms !== undefined &&
      !(Number.isSafeInteger(ms) && (ms as number) >= 0 && (ms as number) <= 600_000)
    ) {
      problems.push(`${where}.ms must be an integer from 0 to 600000`);
    }
    if (kind === 'apiError') {
      if (!(Number.isSafeInteger(code) && code !== 0 && isSpecErrorCode(code as number)))
        problems.push(`${where}.code must be a non-zero ErrorCode the spec lists`);
    } else if (code !== undefined) {
      problems.push(`${where}.code is only for kind apiError`);
    }
  });
  return problems;
};

export const createFaultQueue = (initial: FaultPlan[] = []): FaultQueue => {
  const queue: Fault[] = [];
  const add = (plans: FaultPlan | FaultPlan[]) => {
    const problems = findFaultProblems(plans);
    if (problems.length > 0) throw new TypeError(`Invalid fault plan: ${problems.join('; ')}`);
    for (const plan of Array.isArray(plans) ? plans : [plans]) {
      const fault: Fault = { kind: plan.kind, ms: plan.ms ?? 5000 };
      if (plan.kind === 'apiError') fault.code = plan.code as number;
      for (let i = 0; i < (plan.times ?? 1); i++) queue.push({ ...fault });
    }
  };
  add(initial);
  return {
    add,
    take: () => queue.shift(),
    pending: () => queue.map((fault) => ({ ...fault })),
    clear: () => {
      queue.length = 0;
    },
  };
};
