import { describe, expect, it } from 'vitest';
import { createFaultQueue, type Fault, faultKinds, findFaultProblems } from './faults.js';

const takeAll = (queue: ReturnType<typeof createFaultQueue>): (Fault | undefined)[] => {
  const taken: (Fault | undefined)[] = [];
  for (let i = 0; i < 100; i++) {
    const fault = queue.take();
    taken.push(fault);
    if (fault === undefined) return taken;
  }
  throw new Error('the queue did not empty within 100 takes');
};

describe('createFaultQueue', () => {
  it('starts empty', () => {
    const queue = createFaultQueue();
    expect(queue.pending()).toEqual([]);
    expect(queue.take()).toBeUndefined();
  });

  it('hands out faults one per call, in the order added, each `times` times', () => {
    const queue = createFaultQueue([{ kind: 'latency', ms: 50, times: 2 }, { kind: 'drop' }]);
    queue.add({ kind: 'html502', times: 3 });
    queue.add([{ kind: 'truncate' }, { kind: 'systemError' }, { kind: 'apiError', code: 70001 }]);
    expect(takeAll(queue)).toEqual([
      { kind: 'latency', ms: 50 },
      { kind: 'latency', ms: 50 },
      { kind: 'drop', ms: 5000 },
      { kind: 'html502', ms: 5000 },
      { kind: 'html502', ms: 5000 },
      { kind: 'html502', ms: 5000 },
      { kind: 'truncate', ms: 5000 },
      { kind: 'systemError', ms: 5000 },
      { kind: 'apiError', ms: 5000, code: 70001 },
      undefined,
    ]);
  });

  it('delays 5,000 ms by default and accepts 0 ms', () => {
    const queue = createFaultQueue([{ kind: 'latency' }, { kind: 'latency', ms: 0 }]);
    expect(queue.pending()).toEqual([
      { kind: 'latency', ms: 5000 },
      { kind: 'latency', ms: 0 },
    ]);
  });

  it('lists what is pending without taking it, as copies', () => {
    const queue = createFaultQueue([{ kind: 'drop' }, { kind: 'html502' }]);
    const pending = queue.pending();
    (pending[0] as Fault).kind = 'systemError';
    pending.pop();
    expect(queue.pending()).toEqual([
      { kind: 'drop', ms: 5000 },
      { kind: 'html502', ms: 5000 },
    ]);
    expect(queue.take()).toEqual({ kind: 'drop', ms: 5000 });
    expect(queue.pending()).toEqual([{ kind: 'html502', ms: 5000 }]);
  });

  it('clears what is pending', () => {
    const queue = createFaultQueue([{ kind: 'drop', times: 5 }]);
    queue.clear();
    expect(queue.pending()).toEqual([]);
    expect(queue.take()).toBeUndefined();
  });

  it('refuses a bad plan as a whole, naming every problem, and keeps the queue as it was', () => {
    const queue = createFaultQueue([{ kind: 'drop' }]);
    expect(() => queue.add([{ kind: 'html502' }, { kind: 'slow' as never, times: 0 }])).toThrow(
      new TypeError(
        `Invalid fault plan: faults[1].kind must be one of ${faultKinds.join(', ')}; faults[1].times must be an integer from 1 to 100000`,
      ),
    );
    expect(queue.pending()).toEqual([{ kind: 'drop', ms: 5000 }]);
    expect(() => createFaultQueue([{ kind: 'latency', ms: -1 }])).toThrow(TypeError);
  });
});

describe('findFaultProblems', () => {
  const kinds = `must be one of latency, html502, drop, truncate, systemError, apiError`;
  it.each([
    { name: 'one good plan', given: { kind: 'drop' }, want: [] },
    {
      name: 'a list of good plans',
      given: faultKinds.map((kind) => (kind === 'apiError' ? { kind, code: 60007 } : { kind })),
      want: [],
    },
    {
      name: 'apiError without a code',
      given: { kind: 'apiError' },
      want: ['faults[0].code must be a non-zero ErrorCode the spec lists'],
    },
    {
      name: 'apiError with code 0',
      given: { kind: 'apiError', code: 0 },
      want: ['faults[0].code must be a non-zero ErrorCode the spec lists'],
    },
    {
      name: 'apiError with a code the spec does not list',
      given: { kind: 'apiError', code: 12345 },
      want: ['faults[0].code must be a non-zero ErrorCode the spec lists'],
    },
    {
      name: 'apiError with a code given as a string',
      given: { kind: 'apiError', code: '60007' },
      want: ['faults[0].code must be a non-zero ErrorCode the spec lists'],
    },
    {
      name: 'a code on another kind',
      given: { kind: 'drop', code: 60007 },
      want: ['faults[0].code is only for kind apiError'],
    },
    { name: 'an empty list', given: [], want: [] },
    {
      name: 'the largest times and ms',
      given: { kind: 'latency', times: 100_000, ms: 600_000 },
      want: [],
    },
    { name: 'null', given: null, want: ['faults[0] must be an object'] },
    { name: 'a string', given: 'drop', want: ['faults[0] must be an object'] },
    {
      name: 'a list with a number',
      given: [{ kind: 'drop' }, 3],
      want: ['faults[1] must be an object'],
    },
    { name: 'no kind', given: {}, want: [`faults[0].kind ${kinds}`] },
    {
      name: 'a kind in the wrong case',
      given: { kind: 'Drop' },
      want: [`faults[0].kind ${kinds}`],
    },
    {
      name: 'times 0',
      given: { kind: 'drop', times: 0 },
      want: ['faults[0].times must be an integer from 1 to 100000'],
    },
    {
      name: 'times 100001',
      given: { kind: 'drop', times: 100_001 },
      want: ['faults[0].times must be an integer from 1 to 100000'],
    },
    {
      name: 'fractional times',
      given: { kind: 'drop', times: 1.5 },
      want: ['faults[0].times must be an integer from 1 to 100000'],
    },
    {
      name: 'times as a string',
      given: { kind: 'drop', times: '2' },
      want: ['faults[0].times must be an integer from 1 to 100000'],
    },
    {
      name: 'negative ms',
      given: { kind: 'latency', ms: -1 },
      want: ['faults[0].ms must be an integer from 0 to 600000'],
    },
    {
      name: 'ms over ten minutes',
      given: { kind: 'latency', ms: 600_001 },
      want: ['faults[0].ms must be an integer from 0 to 600000'],
    },
    {
      name: 'ms as a string',
      given: { kind: 'latency', ms: '100' },
      want: ['faults[0].ms must be an integer from 0 to 600000'],
    },
    {
      name: 'everything wrong at once',
      given: [{ kind: 'x', times: -1, ms: 1.5 }, null],
      want: [
        `faults[0].kind ${kinds}`,
        'faults[0].times must be an integer from 1 to 100000',
        'faults[0].ms must be an integer from 0 to 600000',
        'faults[1] must be an object',
      ],
    },
  ])('finds $want.length problems in $name', ({ given, want }) => {
    expect(findFaultProblems(given)).toEqual(want);
  });
});
