// What a listing under churn must satisfy (client README, "Pagination": it
// drops accounts already listed; emulator README, "Paging": a cursor never
// skips or repeats anyone while members join and leave between pages).
import type { OnlineMember } from '@avchatroom/client';

/** A member as seen at some moment of the listing. */
export interface OnlineRecord {
  marks: readonly number[];
  /** Every join time the member had while the listing ran. */
  joinTimes: Set<number>;
}

export interface ListingTruth {
  /** Online at the start and at the end, never left or joined again in between; with marks. */
  wholeListing: ReadonlyMap<string, readonly number[]>;
  /** Everyone online at some moment of the listing. */
  everOnline: ReadonlyMap<string, OnlineRecord>;
  /** The most members (of everyone ever online) who joined in the same second. */
  largestTie: number;
}

export interface ListingUnderCheck {
  listed: readonly OnlineMember[];
  truth: ListingTruth;
  /** The Mark filter; 0 lists everyone. */
  mark: number;
  pageSize: number;
  /** Pages the client reported, when the method tells. */
  pages?: number | undefined;
}

const carries = (marks: readonly number[], mark: number) => mark === 0 || marks.includes(mark);

/** Every broken promise of the listing, one line each; empty when it is right. */
export const listingProblems = ({
  listed,
  truth,
  mark,
  pageSize,
  pages,
}: ListingUnderCheck): string[] => {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const member of listed) {
    const account = member.Member_Account;
    if (seen.has(account)) problems.push(`${account} is listed twice`);
    seen.add(account);
    const record = truth.everOnline.get(account);
    if (!record) problems.push(`${account} was never online during the listing`);
    else if (!record.joinTimes.has(member.JoinTime))
      problems.push(`${account} is listed with JoinTime ${member.JoinTime}, never its join time`);
    else if (!carries(record.marks, mark)) problems.push(`${account} does not carry mark ${mark}`);
  }
  for (const [account, marks] of truth.wholeListing) {
    if (carries(marks, mark) && !seen.has(account))
      problems.push(`${account} was online for the whole listing but is missing`);
  }
  if (pages !== undefined) {
    // A page holds pageSize members, more only to keep a second's joiners
    // together (emulator README, "Paging").
    const longestPage = pageSize + truth.largestTie - 1;
    const fewestPages = Math.max(1, Math.ceil(seen.size / longestPage));
    if (pages < fewestPages)
      problems.push(`${pages} pages cannot hold ${seen.size} members (at least ${fewestPages})`);
  }
  return problems;
};
