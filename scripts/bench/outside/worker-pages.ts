/**
 * The worker watch over a page run: every extension with a worker is watched, and its worker
 * stopped before each visit (as after a reader's 30 s on the last page). What the worker does
 * from one stop to the next is put down to the visit in between, so wakes that come after the
 * tab is gone (e.g. `tabs.onRemoved` when the harness closes it) count for the page too.
 */
import type { OpenedExtension } from './browser';
import { watchWorker, type WorkerCounts, type WorkerWatch } from './worker-watch';

/** What one visit made one worker do. */
export interface VisitWorkerCounts {
  starts: number;
  messages: number;
}

/** Worker watches for a page run; `beforeVisit` plugs into `measurePageCpu`. */
export interface WorkerPageWatch {
  beforeVisit(extension: OpenedExtension, url: string): Promise<void>;
  /** Per page address, per extension name (complete once `close` has run). */
  perPage: Map<string, Record<string, VisitWorkerCounts>>;
  /** Totals over the run per extension name. */
  totals(): Map<string, WorkerCounts>;
  /** Puts down the last visits' counts and closes the watches. */
  close(): Promise<void>;
}

/** Opens a worker watch on each of `extensions` that has a worker. */
export async function watchWorkersOverPages(
  extensions: readonly OpenedExtension[],
): Promise<WorkerPageWatch> {
  const watches = new Map<string, WorkerWatch>();
  for (const extension of extensions.filter((candidate) => candidate.hasWorker)) {
    const watch = await watchWorker(extension);
    watch.reset();
    watches.set(extension.name, watch);
  }
  const since = new Map<string, { url: string; counts: WorkerCounts }>();
  const perPage = new Map<string, Record<string, VisitWorkerCounts>>();
  const putDown = (name: string) => {
    const now = watches.get(name)?.counts();
    const then = since.get(name);
    if (!now || !then) return;
    const row = perPage.get(then.url) ?? {};
    row[name] = {
      starts: now.starts - then.counts.starts,
      messages: now.messages - then.counts.messages,
    };
    perPage.set(then.url, row);
  };
  return {
    async beforeVisit(extension, url) {
      const watch = watches.get(extension.name);
      if (!watch) return;
      putDown(extension.name);
      await watch.stopWorker();
      since.set(extension.name, { url, counts: watch.counts() });
    },
    perPage,
    totals: () => new Map([...watches].map(([name, watch]) => [name, watch.counts()])),
    async close() {
      for (const [name, watch] of watches) {
        putDown(name);
        await watch.close();
      }
    },
  };
}
