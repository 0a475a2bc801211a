import type { OnlineMember } from '@avchatroom/client';

/** Who joined and who left between two listings, by account. */
export interface MemberDiff {
  /** In the order of the newer listing (newest first). */
  joined: string[];
  /** In the order of the older listing. */
  left: string[];
}

/**
 * Compares two listings by account. A member who left and came back between
 * the two (a new JoinTime) is still online, so appears in neither list.
 */
export const diffMembers = (
  before: readonly OnlineMember[],
  after: readonly OnlineMember[],
): MemberDiff => {
  const beforeAccounts = new Set(before.map((member) => member.Member_Account));
  const afterAccounts = new Set(after.map((member) => member.Member_Account));
  return {
    joined: [...afterAccounts].filter((account) => !beforeAccounts.has(account)),
    left: [...beforeAccounts].filter((account) => !afterAccounts.has(account)),
  };
};
