import { cannotNameGroup } from '../../src/body-checks.js';
import type { SeedGroup } from '../../src/seed.js';
import { bundledSpec, type SpecOperation } from '../../src/spec-facts.js';
import { exampleAccounts } from '../support/example-accounts.js';

// The honesty check's scenarios for every operation, enumerated from the spec:
// each request example, expecting the ErrorCode of the response example of the
// same name (else docSample's), as the spec's examples pair them; and each
// error response example no request example answers, provoked or injected.
// A new operation is covered by its examples with no change here.

export interface ExampleScenario {
  operation: SpecOperation;
  name: string;
  body: Record<string, unknown>;
  errorCode: number;
}

// Where the emulator's answer to an example differs from the code the example
// pairs it with, and why (each is a choice of ours, in the README).
const emulatorDiffers: Record<string, { errorCode: number; why: string }> = {
  'getMembers/invalidGroupId': {
    errorCode: 10010,
    why: 'a custom group ID may be any text of up to 48 bytes, so "not-a-group-id" names a group that does not exist',
  },
};

const pairedCode = (operation: SpecOperation, name: string): number => {
  const answer = operation.responseExamples[name] ?? operation.responseExamples.docSample;
  return typeof answer?.ErrorCode === 'number' ? answer.ErrorCode : 0;
};

export const exampleScenarios: ExampleScenario[] = bundledSpec.operations.flatMap((operation) =>
  Object.entries(operation.requestExamples).map(([name, example]) => {
    const body = example as Record<string, unknown>;
    const groupId = body.GroupId;
    // An ID no group can have (the Community sample's doubled "@TGS#_@TGS#") is 10015.
    const unnamable = typeof groupId === 'string' && cannotNameGroup(groupId);
    const errorCode =
      emulatorDiffers[`${operation.operationId}/${name}`]?.errorCode ??
      (unnamable ? 10015 : pairedCode(operation, name));
    return { operation, name, body, errorCode };
  }),
);

/** Error response examples that no request example of the same name answers. */
export const unpairedErrorExamples = bundledSpec.operations.flatMap((operation) =>
  Object.entries(operation.responseExamples)
    .filter(([name, answer]) => !(name in operation.requestExamples) && answer.ErrorCode !== 0)
    .map(([name, answer]) => ({ operation, name, errorCode: answer.ErrorCode as number })),
);

/**
 * The groups the scenarios need, in app `sdkAppId`: each group an example
 * names, of the type its operation serves (Public where the example expects
 * 10007), with every account the examples name online; none where the example
 * expects 10010 or 10015.
 */
export const exampleGroups = (sdkAppId: number): SeedGroup[] => {
  const types = new Map<string, SeedGroup['type']>();
  const absent = new Set<string>();
  for (const { operation, body, errorCode } of exampleScenarios) {
    const groupId = body.GroupId;
    if (typeof groupId !== 'string') continue;
    if (errorCode === 10010 || errorCode === 10015) {
      absent.add(groupId);
      continue;
    }
    const type = (
      errorCode === 10007 ? 'Public' : (operation.requirements.groupTypes?.[0] ?? 'AVChatRoom')
    ) as SeedGroup['type'];
    if (types.has(groupId) && types.get(groupId) !== type)
      throw new Error(
        `the spec's examples need ${groupId} as both ${types.get(groupId)} and ${type}`,
      );
    types.set(groupId, type);
  }
  for (const groupId of absent)
    if (types.has(groupId)) throw new Error(`the spec's examples need ${groupId} and its absence`);
  const members = exampleAccounts(bundledSpec.operations).map((account, index) => ({
    account,
    joinTime: 1_700_000_000 + index,
  }));
  return [...types].map(([groupId, type]) => ({ sdkAppId, groupId, type, members }));
};
