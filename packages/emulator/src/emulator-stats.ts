import type { FaultKind } from './faults.js';

/** What the emulator has seen since it started (or since `resetStats`). */
export interface EmulatorStats {
  /** Requests to the API path, faults included. */
  apiCalls: number;
  /**
   * Answers sent whole, by ErrorCode (0 for success). Faults are not included:
   * neither injected codes nor truncated bodies; a late (latency) answer is.
   */
  byErrorCode: Record<string, number>;
  /** Faults served, by kind. */
  faults: Partial<Record<FaultKind, number>>;
  /** The most calls served for one SDKAppID in any sliding 1 s window. */
  busiestSecond: number;
  /** Requests to the control API (`/__emulator/...`). */
  controlCalls: number;
}

export class StatsRecorder {
  private apiCalls = 0;
  private controlCalls = 0;
  private byErrorCode: Record<string, number> = {};
  private faults: Partial<Record<FaultKind, number>> = {};

  apiCall(): void {
    this.apiCalls++;
  }

  controlCall(): void {
    this.controlCalls++;
  }

  answered(errorCode: number): void {
    this.byErrorCode[errorCode] = (this.byErrorCode[errorCode] ?? 0) + 1;
  }

  fault(kind: FaultKind): void {
    this.faults[kind] = (this.faults[kind] ?? 0) + 1;
  }

  snapshot(busiestSecond: number): EmulatorStats {
    return {
      apiCalls: this.apiCalls,
      byErrorCode: { ...this.byErrorCode },
      faults: { ...this.faults },
      busiestSecond,
      controlCalls: this.controlCalls,
    };
  }

  reset(): void {
    this.apiCalls = 0;
    this.controlCalls = 0;
    this.byErrorCode = {};
    this.faults = {};
  }
}
