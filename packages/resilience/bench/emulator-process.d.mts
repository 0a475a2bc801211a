/** The emulator command in a child process of its own (emulator-process.mjs). */
export interface EmulatorProcess {
  url: string;
  pid: number;
  stats: () => Promise<Record<string, unknown>>;
  resetStats: () => Promise<Record<string, unknown>>;
  stop: () => Promise<void>;
}

export declare const startEmulatorProcess: (options: {
  seedPath: string;
  args?: string[];
}) => Promise<EmulatorProcess>;
