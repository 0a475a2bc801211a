import { specErrorCode } from './spec-facts.js';

/** A member as the API returns it. */
export interface OnlineMemberBody {
  Member_Account: string;
  JoinTime: number;
  NickName?: string;
  Avatar?: string;
}

/** A success: the envelope and the operation's own fields. */
export interface SuccessBody {
  ActionStatus: 'OK';
  ErrorCode: 0;
  ErrorInfo: '';
  [field: string]: unknown;
}

export interface FailureBody {
  ActionStatus: 'FAIL';
  ErrorCode: number;
  ErrorInfo: string;
}

/** The API's failure shape; ErrorInfo is the spec's meaning plus what was wrong. */
export const failure = (code: number, detail?: string): FailureBody => {
  const { meaning } = specErrorCode(code);
  return {
    ActionStatus: 'FAIL',
    ErrorCode: code,
    ErrorInfo: detail ? `${meaning} (${detail})` : meaning,
  };
};

/** The envelope of a success around an operation's own fields. */
export const success = (fields: Record<string, unknown>): SuccessBody => ({
  ActionStatus: 'OK',
  ErrorCode: 0,
  ErrorInfo: '',
  ...fields,
});

/** Thrown inside request handling to answer with an ErrorCode. */
export class ApiFailure extends Error {
  readonly body: FailureBody;
  constructor(code: number, detail?: string) {
    const body = failure(code, detail);
    super(body.ErrorInfo);
    this.body = body;
  }
}
