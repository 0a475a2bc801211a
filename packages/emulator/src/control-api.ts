import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorState } from './emulator-state.js';
import type { EmulatorStats } from './emulator-stats.js';
import { type FaultPlan, type FaultQueue, findFaultProblems } from './faults.js';
import { readBody, sendJson } from './http-io.js';
import type { SeedMember } from './seed.js';

/** Every control route lives under this path, which the real API never uses. */
export const controlPathPrefix = '/__emulator/';

export interface ControlContext {
  state: EmulatorState;
  faults: FaultQueue;
  stats: () => EmulatorStats;
  resetStats: () => void;
}

class ControlError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const readJsonBody = async (request: IncomingMessage): Promise<unknown> => {
  const raw = await readBody(request);
  try {
    return JSON.parse(raw.toString('utf8') || 'null');
  } catch {
    throw new ControlError(400, 'the body is not JSON');
  }
};

const groupRoute = /^apps\/(\d+)\/groups\/([^/]+)\/members(?:\/([^/]+))?$/;

const memberProblems = (members: unknown[]): string[] =>
  members.flatMap((member, index) => {
    const fields = (member ?? {}) as Record<string, unknown>;
    const { account, joinTime, nickName, avatar, marks } = fields;
    const ok =
      typeof account === 'string' &&
      account !== '' &&
      Number.isSafeInteger(joinTime) &&
      (joinTime as number) >= 1;
    // The API answers NickName and Avatar as strings; marks must be a list to be filtered on.
    const extrasOk =
      (nickName === undefined || typeof nickName === 'string') &&
      (avatar === undefined || typeof avatar === 'string') &&
      (marks === undefined || (Array.isArray(marks) && marks.every(Number.isSafeInteger)));
    return [
      ...(ok ? [] : [`members[${index}] needs an account and a positive integer joinTime`]),
      ...(extrasOk
        ? []
        : [`members[${index}] nickName and avatar must be strings, marks a list of integers`]),
    ];
  });

const route = async (
  context: ControlContext,
  request: IncomingMessage,
  path: string,
): Promise<unknown> => {
  const { method = 'GET' } = request;
  const key = `${method} ${path}`;
  switch (key) {
    case 'GET health':
      return { ok: true };
    case 'GET stats':
      return context.stats();
    case 'POST stats/reset':
      context.resetStats();
      return context.stats();
    case 'GET faults':
      return { pending: context.faults.pending() };
    case 'POST faults': {
      const plans = await readJsonBody(request);
      const problems = findFaultProblems(plans);
      if (problems.length > 0) throw new ControlError(400, problems.join('; '));
      context.faults.add(plans as FaultPlan | FaultPlan[]);
      return { pending: context.faults.pending() };
    }
    case 'DELETE faults':
      context.faults.clear();
      return { pending: [] };
    case 'GET groups':
      return { groups: context.state.groupList() };
    case 'POST snapshots/refresh':
      context.state.refreshSnapshots();
      return { refreshed: true };
  }
  const match = groupRoute.exec(path);
  if (!match) throw new ControlError(404, `no control route ${key}`);
  const sdkAppId = Number(match[1]);
  const groupId = decodeURIComponent(match[2] as string);
  const account = match[3] === undefined ? undefined : decodeURIComponent(match[3]);
  if (!context.state.group(sdkAppId, groupId))
    throw new ControlError(404, `no group ${groupId} in app ${sdkAppId}`);
  if (method === 'GET' && account === undefined) {
    return { members: context.state.onlineMembers(sdkAppId, groupId) };
  }
  if (method === 'POST' && account === undefined) {
    const body = await readJsonBody(request);
    const members = Array.isArray(body) ? body : [body];
    const problems = memberProblems(members);
    if (problems.length > 0) throw new ControlError(400, problems.join('; '));
    // A banned account cannot join until its ban ends.
    const banned = (members as SeedMember[])
      .filter((member) => !context.state.join(sdkAppId, groupId, member))
      .map((member) => member.account);
    return { joined: members.length - banned.length, ...(banned.length > 0 && { banned }) };
  }
  if (method === 'DELETE' && account !== undefined) {
    return { left: context.state.leave(sdkAppId, groupId, account) };
  }
  throw new ControlError(405, `no control route ${key}`);
};

/**
 * The control API, for tests in other processes or languages:
 * GET health, GET stats, POST stats/reset, GET|POST|DELETE faults, GET groups,
 * POST snapshots/refresh, GET|POST apps/{sdkAppId}/groups/{groupId}/members and
 * DELETE apps/{sdkAppId}/groups/{groupId}/members/{account}, all under `/__emulator/`.
 */
export const handleControl = async (
  context: ControlContext,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
): Promise<void> => {
  try {
    sendJson(response, 200, await route(context, request, path));
  } catch (error) {
    const status = error instanceof ControlError ? error.status : 400;
    sendJson(response, status, { error: (error as Error).message });
  }
};
