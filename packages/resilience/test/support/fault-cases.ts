// Every fault the emulator injects (emulator README, "Faults"), with how the
// client classes it and the error class it must end in (client README, "Errors").
import {
  ChatApiError,
  ChatConnectionError,
  type ChatError,
  type ChatErrorCode,
  ChatHttpError,
  ChatTimeoutError,
  chatErrorCodes,
} from '@avchatroom/client';
import type { FaultPlan } from '@avchatroom/emulator';
import type { FailureTreatment } from './retry-oracle.js';

/** Past the client's timeout by far, and the client's timeout well above a loopback call. */
export const latencyFaultMs = 4_000;
export const clientTimeoutMsAgainstLatency = 1_000;

export interface FaultCase {
  label: string;
  /** One fault; the scenario sets how many times. */
  plan: Omit<FaultPlan, 'times'>;
  treatment: FailureTreatment;
  /** The error a call ends in when the fault outlasts the retries. */
  errorClass: abstract new (
    ...args: never[]
  ) => ChatError;
  /** Fields that error must carry. */
  errorFields: Record<string, unknown>;
  /** `timeoutMs` the client needs for the fault to bite. */
  clientTimeoutMs?: number;
}

// The client README lists what is retried as transient: "connection errors,
// timeouts, HTTP 5xx, a body that is not JSON".
const transient: FailureTreatment = { retryClass: 'transient' };

const apiErrorCase = (code: ChatErrorCode, label: string): FaultCase => {
  const entry = chatErrorCodes[code];
  const retryAfterSeconds = 'retryAfterSeconds' in entry ? entry.retryAfterSeconds : undefined;
  return {
    label,
    plan: code === 10002 ? { kind: 'systemError' } : { kind: 'apiError', code },
    treatment: { retryClass: entry.retry, retryAfterSeconds },
    errorClass: ChatApiError,
    errorFields: { code, retry: entry.retry, retryAfterSeconds, codeName: entry.name },
  };
};

export const faultCases: FaultCase[] = [
  {
    label: `latency ${latencyFaultMs} ms against a ${clientTimeoutMsAgainstLatency} ms timeout`,
    plan: { kind: 'latency', ms: latencyFaultMs },
    treatment: transient,
    errorClass: ChatTimeoutError,
    errorFields: { timeoutMs: clientTimeoutMsAgainstLatency },
    clientTimeoutMs: clientTimeoutMsAgainstLatency,
  },
  {
    label: 'HTML 502',
    plan: { kind: 'html502' },
    treatment: transient,
    errorClass: ChatHttpError,
    errorFields: { status: 502 },
  },
  {
    label: 'dropped connection',
    plan: { kind: 'drop' },
    treatment: transient,
    errorClass: ChatConnectionError,
    errorFields: {},
  },
  {
    // The headers arrive, then the connection closes mid-body: "the connection
    // failed or broke" (ChatConnectionError), not a body that is not JSON.
    label: 'truncated body',
    plan: { kind: 'truncate' },
    treatment: transient,
    errorClass: ChatConnectionError,
    errorFields: {},
  },
  apiErrorCase(10002, 'systemError 10002'),
  apiErrorCase(60007, 'apiError 60007'),
  apiErrorCase(60011, 'apiError 60011'),
  apiErrorCase(60018, 'apiError 60018'),
  apiErrorCase(60019, 'apiError 60019'),
  apiErrorCase(70050, 'apiError 70050'),
  apiErrorCase(60020, 'apiError 60020'),
  apiErrorCase(70001, 'apiError 70001 (expired UserSig)'),
];
