import { describe, expect, it, vi } from 'vitest';
import {
  nextTask,
  runAtOnce,
  runInSlices,
  whenIdle,
  whenShown,
  type Steps,
} from '../../utils/slices';

/** Work of `count` steps that each take `cost` ms on the fake clock, returning `count`. */
function* work(clock: { t: number }, count: number, cost: number, done: number[]): Steps<number> {
  for (let i = 0; i < count; i++) {
    clock.t += cost;
    done.push(i);
    yield;
  }
  return count;
}

/** A queue of later tasks, run by hand. */
function taskQueue() {
  const tasks: (() => void)[] = [];
  return {
    next: (task: () => void) => void tasks.push(task),
    runOne: () => tasks.shift()?.(),
    get length() {
      return tasks.length;
    },
  };
}

describe('runInSlices', () => {
  it.each([
    { count: 10, cost: 1, budgetMs: 8, slices: 2 },
    { count: 10, cost: 3, budgetMs: 8, slices: 4 },
    // Every step is over budget; the work's return, after its last step, takes a slice too.
    { count: 10, cost: 20, budgetMs: 8, slices: 11 },
    { count: 3, cost: 1, budgetMs: 8, slices: 1 },
    { count: 0, cost: 1, budgetMs: 8, slices: 1 },
  ])(
    '$count steps of $cost ms with a $budgetMs ms budget take $slices slices',
    async ({ count, cost, budgetMs, slices }) => {
      const clock = { t: 0 };
      const done: number[] = [];
      const queue = taskQueue();
      const result = runInSlices(work(clock, count, cost, done), {
        budgetMs,
        now: () => clock.t,
        next: queue.next,
      });
      let ran = 1;
      while (queue.length > 0) {
        queue.runOne();
        ran++;
      }
      await expect(result).resolves.toBe(count);
      expect(ran).toBe(slices);
      expect(done).toEqual([...Array(count).keys()]);
    },
  );

  it('never runs a step past the budget in the same slice', () => {
    const clock = { t: 0 };
    const done: number[] = [];
    const queue = taskQueue();
    void runInSlices(work(clock, 10, 5, done), {
      budgetMs: 8,
      now: () => clock.t,
      next: queue.next,
    });
    expect(done).toEqual([0, 1]); // 5 ms, then 10 ms: over budget, so the slice ends
    queue.runOne();
    expect(done).toEqual([0, 1, 2, 3]);
  });

  it('stops between slices when aborted, and rejects', async () => {
    const clock = { t: 0 };
    const done: number[] = [];
    const queue = taskQueue();
    const abort = new AbortController();
    const result = runInSlices(work(clock, 10, 5, done), {
      budgetMs: 8,
      now: () => clock.t,
      next: queue.next,
      signal: abort.signal,
    });
    abort.abort(new Error('panel closed'));
    queue.runOne();
    await expect(result).rejects.toThrow('panel closed');
    expect(done).toEqual([0, 1]);
    expect(queue.length).toBe(0);
  });

  it('rejects with an error thrown by the work', async () => {
    function* failing(): Steps<number> {
      yield;
      throw new Error('broken page');
    }
    await expect(runInSlices(failing(), { budgetMs: 0 })).rejects.toThrow('broken page');
  });
});

describe('runAtOnce', () => {
  it('runs every step and returns the result', () => {
    const done: number[] = [];
    expect(runAtOnce(work({ t: 0 }, 5, 100, done))).toBe(5);
    expect(done).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('nextTask', () => {
  it('uses scheduler.postTask where there is one', async () => {
    const postTask = vi.fn((work: () => void) => Promise.resolve(work()));
    vi.stubGlobal('scheduler', { postTask });
    const ran = vi.fn();
    nextTask(ran);
    expect(postTask).toHaveBeenCalledOnce();
    await Promise.resolve();
    expect(ran).toHaveBeenCalledOnce();
    vi.unstubAllGlobals();
  });

  it('falls back to setTimeout (Firefox ESR has no scheduler)', async () => {
    vi.stubGlobal('scheduler', undefined);
    const ran = vi.fn();
    nextTask(ran);
    expect(ran).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(ran).toHaveBeenCalledOnce();
    vi.unstubAllGlobals();
  });
});

describe('whenIdle', () => {
  /** A fake `requestIdleCallback` that runs what it holds when `idle()` is called. */
  function fakeIdle() {
    const waiting = new Map<number, () => void>();
    let next = 1;
    const requestIdleCallback = vi.fn((work: () => void) => {
      waiting.set(next, work);
      return next++;
    });
    vi.stubGlobal('requestIdleCallback', requestIdleCallback);
    vi.stubGlobal('cancelIdleCallback', (handle: number) => waiting.delete(handle));
    const idle = () => [...waiting.values()].forEach((work) => work());
    return { requestIdleCallback, idle };
  }

  it('runs the work when the main thread is idle, with a deadline', () => {
    const { requestIdleCallback, idle } = fakeIdle();
    const ran = vi.fn();
    whenIdle(ran, { timeoutMs: 2000 });
    expect(ran).not.toHaveBeenCalled();
    expect(requestIdleCallback).toHaveBeenCalledWith(expect.any(Function), { timeout: 2000 });
    idle();
    expect(ran).toHaveBeenCalledOnce();
    vi.unstubAllGlobals();
  });

  it('runs nothing once aborted, before or while it waits', () => {
    const { idle } = fakeIdle();
    const ran = vi.fn();
    const stop = new AbortController();
    whenIdle(ran, { timeoutMs: 2000, signal: stop.signal });
    stop.abort();
    idle();
    whenIdle(ran, { timeoutMs: 2000, signal: stop.signal });
    idle();
    expect(ran).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('waits out the deadline where there are no idle callbacks', async () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    const ran = vi.fn();
    whenIdle(ran, { timeoutMs: 5 });
    expect(ran).not.toHaveBeenCalled();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ran).toHaveBeenCalledOnce();
    vi.unstubAllGlobals();
  });
});

describe('whenShown', () => {
  /** A document whose visibility the test sets. */
  function fakeDocument(state: 'visible' | 'hidden') {
    const doc = new EventTarget() as EventTarget & { visibilityState: string };
    doc.visibilityState = state;
    const turn = (next: 'visible' | 'hidden') => {
      doc.visibilityState = next;
      doc.dispatchEvent(new Event('visibilitychange'));
    };
    return { doc: doc as unknown as Document, turn };
  }

  it('runs at once in a tab the reader is looking at', () => {
    const ran = vi.fn();
    whenShown(fakeDocument('visible').doc, ran);
    expect(ran).toHaveBeenCalledOnce();
  });

  it('waits in a background tab until the reader turns to it, then runs once', () => {
    const { doc, turn } = fakeDocument('hidden');
    const ran = vi.fn();
    whenShown(doc, ran);
    expect(ran).not.toHaveBeenCalled();
    turn('visible');
    turn('hidden');
    turn('visible');
    expect(ran).toHaveBeenCalledOnce();
  });

  it('runs nothing once aborted', () => {
    const { doc, turn } = fakeDocument('hidden');
    const ran = vi.fn();
    const stop = new AbortController();
    whenShown(doc, ran, stop.signal);
    stop.abort();
    turn('visible');
    whenShown(doc, ran, stop.signal);
    expect(ran).not.toHaveBeenCalled();
  });
});
