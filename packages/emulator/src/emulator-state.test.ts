import { describe, expect, it } from 'vitest';
import { createManualClock } from './clock.js';
import { EmulatorState } from './emulator-state.js';
import type { EmulatorSeed } from './seed.js';

const startMs = Date.UTC(2026, 0, 1);

const seed: EmulatorSeed = {
  randomSeed: 11,
  apps: [
    { sdkAppId: 1400000001, secretKey: 'key-1', admins: ['administrator', 'ops'] },
    { sdkAppId: 1400000002, secretKey: 'key-2', admins: ['administrator'], edition: 'basic' },
  ],
  groups: [
    { sdkAppId: 1400000001, groupId: '@TGS#aROOM', crowd: { count: 20 } },
    { sdkAppId: 1400000001, groupId: '@TGS#_COMMUNITY', type: 'Community' },
    // The same group ID in another app is another group.
    { sdkAppId: 1400000002, groupId: '@TGS#aROOM', members: [{ account: 'solo', joinTime: 5 }] },
  ],
};

describe('EmulatorState', () => {
  it('builds the apps of the seed, pro by default', () => {
    const state = new EmulatorState(seed, createManualClock(startMs));
    expect(state.app(1400000001)).toEqual({
      sdkAppId: 1400000001,
      secretKey: 'key-1',
      admins: new Set(['administrator', 'ops']),
      edition: 'pro',
    });
    expect(state.app(1400000002)?.edition).toBe('basic');
    expect(state.app(1400000003)).toBeUndefined();
  });

  it('lists the groups with their apps and types (AVChatRoom by default)', () => {
    const state = new EmulatorState(seed, createManualClock(startMs));
    expect(state.groupList()).toEqual([
      { sdkAppId: 1400000001, groupId: '@TGS#aROOM', type: 'AVChatRoom' },
      { sdkAppId: 1400000001, groupId: '@TGS#_COMMUNITY', type: 'Community' },
      { sdkAppId: 1400000002, groupId: '@TGS#aROOM', type: 'AVChatRoom' },
    ]);
    expect(state.onlineMembers(1400000002, '@TGS#aROOM').map((m) => m.account)).toEqual(['solo']);
    expect(state.onlineMembers(1400000001, '@TGS#aROOM')).toHaveLength(20);
    expect(state.group(1400000002, '@TGS#_COMMUNITY')).toBeUndefined();
  });

  it('makes the same crowds from the same seed', () => {
    const first = new EmulatorState(seed, createManualClock(startMs));
    const again = new EmulatorState(seed, createManualClock(startMs));
    expect(again.onlineMembers(1400000001, '@TGS#aROOM')).toEqual(
      first.onlineMembers(1400000001, '@TGS#aROOM'),
    );
  });

  it('joins, leaves and refreshes every snapshot at the clock time', () => {
    const clock = createManualClock(startMs);
    const state = new EmulatorState(seed, clock);
    state.join(1400000002, '@TGS#aROOM', { account: 'late', joinTime: 6 });
    expect(state.leave(1400000002, '@TGS#aROOM', 'solo')).toBe(true);
    expect(state.leave(1400000002, '@TGS#aROOM', 'solo')).toBe(false);
    const group = state.group(1400000002, '@TGS#aROOM');
    expect(group?.servedSnapshot(clock.now(), 40_000).members.map((m) => m.account)).toEqual([
      'solo',
    ]);
    clock.advance(1_000);
    state.refreshSnapshots();
    expect(group?.servedSnapshot(clock.now(), 40_000)).toMatchObject({
      takenAt: startMs + 1_000,
      members: [{ account: 'late' }],
    });
  });

  it('throws a RangeError for a group it does not have', () => {
    const state = new EmulatorState(seed, createManualClock(startMs));
    expect(() => state.onlineMembers(1400000001, 'nope')).toThrow(
      new RangeError('no group nope in app 1400000001'),
    );
    expect(() => state.join(1400000009, '@TGS#aROOM', { account: 'a', joinTime: 1 })).toThrow(
      RangeError,
    );
    expect(() => state.leave(1400000009, '@TGS#aROOM', 'a')).toThrow(RangeError);
  });
});
