// @avchatroom/emulator: a stateful emulator of Tencent Cloud Chat's get_members,
// for tests and demos. Its numbers and error codes are read from the spec.

export { createManualClock, type EmulatorClock, type ManualClock, systemClock } from './clock.js';
export { type ControlContext, controlPathPrefix } from './control-api.js';
export type { EmulatorOptions } from './emulator-options.js';
export type { EmulatorApp, EmulatorState } from './emulator-state.js';
export type { EmulatorStats } from './emulator-stats.js';
export {
  type Fault,
  type FaultKind,
  type FaultPlan,
  type FaultQueue,
  faultKinds,
} from './faults.js';
export type { GroupSnapshot, GroupState, OnlineMember } from './group-state.js';
export {
  type AppEdition,
  demoSeedPath,
  type EmulatorSeed,
  findSeedProblems,
  type GroupType,
  groupTypes,
  loadSeedFile,
  type SeedApp,
  type SeedChurn,
  type SeedCrowd,
  type SeedGroup,
  type SeedMember,
} from './seed.js';
export { type RunningEmulator, startEmulator } from './start-emulator.js';
