// Records what would crash a standalone emulator: an exception nothing caught
// or a rejection nothing handled, while the suite runs in this process.

export interface ProcessErrorWatch {
  errors: unknown[];
  stop: () => void;
}

export const watchProcessErrors = (): ProcessErrorWatch => {
  const errors: unknown[] = [];
  const record = (error: unknown) => {
    errors.push(error);
  };
  process.on('uncaughtException', record);
  process.on('unhandledRejection', record);
  return {
    errors,
    stop: () => {
      process.off('uncaughtException', record);
      process.off('unhandledRejection', record);
    },
  };
};
