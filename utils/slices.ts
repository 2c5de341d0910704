/**
 * Long work cut into slices that give the main thread back in between: the work is a generator
 * that `yield`s wherever it may stop, and `runInSlices` runs it until its time budget is spent,
 * then continues in a later task. DOM-free (the clock and the way to wait are parameters), so it
 * is unit-tested with a fake clock. Also the waits for a quiet moment: the next task (`nextTask`),
 * an idle main thread (`whenIdle`) and a shown tab (`whenShown`).
 */

/** How long one slice may run, ms: half a frame, leaving the rest to the page's own work. */
export const SLICE_BUDGET_MS = 8;

/** Work that can stop wherever it `yield`s and finally returns `T`. */
export type Steps<T> = Generator<void, T, void>;

/** What `runInSlices` needs. */
export interface SliceOptions {
  /** Time budget of one slice, ms ({@link SLICE_BUDGET_MS} when left out). */
  budgetMs?: number;
  /** The clock, ms (`performance.now` when left out). */
  now?: () => number;
  /** Runs `work` in a later task ({@link nextTask} when left out). */
  next?: (work: () => void) => void;
  /** Stops the work between two slices; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Runs `steps` in slices of at most about `budgetMs` each; resolves with what it returns. */
export function runInSlices<T>(steps: Steps<T>, options: SliceOptions = {}): Promise<T> {
  const budget = options.budgetMs ?? SLICE_BUDGET_MS;
  const now = options.now ?? (() => performance.now());
  const next = options.next ?? nextTask;
  return new Promise<T>((resolve, reject) => {
    const slice = () => {
      if (options.signal?.aborted) {
        steps.return(undefined as T);
        reject(options.signal.reason);
        return;
      }
      const end = now() + budget;
      try {
        for (;;) {
          const step = steps.next();
          if (step.done) {
            resolve(step.value);
            return;
          }
          if (now() >= end) break;
        }
      } catch (error) {
        reject(error);
        return;
      }
      next(slice);
    };
    slice();
  });
}

/** Runs `steps` to the end at once, for callers that need the result now. */
export function runAtOnce<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

interface PostTaskScheduler {
  postTask(work: () => void, options?: { priority?: string }): Promise<unknown>;
}

/**
 * Runs `work` in a new task: `scheduler.postTask` where the browser has it (Chromium; it is not
 * clamped to 4 ms when tasks queue tasks), `setTimeout` elsewhere (Firefox ESR).
 */
export function nextTask(work: () => void): void {
  const scheduler = (globalThis as { scheduler?: PostTaskScheduler }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    scheduler.postTask(work, { priority: 'user-visible' }).catch((error: unknown) => {
      console.warn('Backstory: a scheduled task failed', error);
    });
  } else setTimeout(work, 0);
}

interface IdleScheduler {
  requestIdleCallback(work: () => void, options?: { timeout?: number }): number;
  cancelIdleCallback(handle: number): void;
}

/**
 * Runs `work` once the main thread is idle (`requestIdleCallback`), and at the latest after
 * `timeoutMs`; where there are no idle callbacks, after `timeoutMs`. Nothing runs once `signal`
 * is aborted.
 */
export function whenIdle(
  work: () => void,
  { timeoutMs, signal }: { timeoutMs: number; signal?: AbortSignal },
): void {
  if (signal?.aborted) return;
  const scope = globalThis as Partial<IdleScheduler>;
  const run = () => {
    signal?.removeEventListener('abort', cancel);
    if (!signal?.aborted) work();
  };
  let cancel: () => void;
  if (typeof scope.requestIdleCallback === 'function') {
    const idle = scope as IdleScheduler;
    const handle = idle.requestIdleCallback(run, { timeout: timeoutMs });
    cancel = () => idle.cancelIdleCallback(handle);
  } else {
    const timer = setTimeout(run, timeoutMs);
    cancel = () => clearTimeout(timer);
  }
  signal?.addEventListener('abort', cancel, { once: true });
}

/**
 * Runs `work` once `doc` is shown: now if it is, else at its first `visibilitychange` to
 * visible (a tab opened in the background waits until the reader turns to it). Nothing runs once
 * `signal` is aborted.
 */
export function whenShown(doc: Document, work: () => void, signal?: AbortSignal): void {
  if (signal?.aborted) return;
  if (doc.visibilityState !== 'hidden') return work();
  const onChange = () => {
    if (doc.visibilityState === 'hidden') return;
    doc.removeEventListener('visibilitychange', onChange);
    work();
  };
  doc.addEventListener('visibilitychange', onChange, { signal });
}
