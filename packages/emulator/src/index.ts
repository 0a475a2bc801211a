// @avchatroom/emulator: a stateful emulator of the Tencent Cloud Chat REST APIs
// of audio-video groups, for tests and demos. Its routes, numbers and error
// codes are read from the spec.

export type { BanEntry, BanLog, BanPage } from './ban-log.js';
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
export type { CountRefresh, GroupSnapshot, GroupState, OnlineMember } from './group-state.js';
export {
  type AppEdition,
  demoSeedPath,
  type EmulatorSeed,
  findSeedProblems,
  type GroupType,
  groupTypes,
  loadSeedFile,
  type SeedApp,
  type SeedBan,
  type SeedChurn,
  type SeedCrowd,
  type SeedGroup,
  type SeedMember,
} from './seed.js';
export { type RunningEmulator, startEmulator } from './start-emulator.js';
