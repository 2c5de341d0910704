/**
 * An extension service worker's cold start, from outside: the CPU its thread spends starting
 * (loading and evaluating its script, running what its top level starts) and the JS heap it holds
 * then; and the size of its script. The profiler is started on the running worker, which is then
 * stopped and started again: the worker's inspector session survives the restart and restores the
 * running profiler into the new isolate before its script runs (checked with a worker that
 * busy-waits 5 ms at its top level: 5.4 ms measured).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { OpenedExtension } from './browser';
import type { ChildSession } from './child-session';
import { workerScriptPath } from './manifest';
import { busyMs, extensionTime, type CpuProfile } from './profile';
import { median } from './stats';
import { openWorkerTarget } from './worker-target';

/** One cold start. */
export interface ColdStartRun {
  /** CPU of the worker's thread from start to `settleMs` after running, ms (all but idle). */
  busyMs: number;
  /** Of which with the extension's own script on the stack, ms. */
  scriptMs: number;
  /** From `startWorker` to the browser reporting it running, ms. */
  wallMs: number;
  /** JS heap in use after start, before and after a full GC, bytes. */
  heapUsedBytes: number;
  heapAfterGcBytes: number;
}

/** Several cold starts, in order (the first may lack a code cache), and their medians. */
export interface WorkerColdStart {
  runs: ColdStartRun[];
  median: ColdStartRun;
}

/** Size of the worker's script file. */
export interface ScriptSize {
  path: string;
  rawBytes: number;
  gzipBytes: number;
}

/** The size of the file named by the manifest's `background.service_worker`, or null. */
export function workerScriptSize(dir: string): ScriptSize | null {
  const path = workerScriptPath(dir);
  if (!path) return null;
  const bytes = readFileSync(path);
  return { path, rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

/**
 * Stops and starts `extension`'s worker `runs` times (no event to handle: `ServiceWorker.
 * startWorker`), profiling each start. Open no `watchWorker` on the extension meanwhile.
 */
export async function measureWorkerColdStart(
  extension: OpenedExtension,
  runs = 5,
  settleMs = 1000,
): Promise<WorkerColdStart> {
  let worker: ChildSession | null = null;
  const target = await openWorkerTarget(extension, async (session, waiting) => {
    worker = session;
    if (waiting) await session.send('Runtime.runIfWaitingForDebugger');
  });
  try {
    await target.start();
    const attached = await waitFor(() => worker);
    const results: ColdStartRun[] = [];
    for (let run = 0; run < runs; run++) {
      await attached.send('Profiler.enable');
      await attached.send('Profiler.setSamplingInterval', { interval: 50 });
      await attached.send('Profiler.start');
      await target.stop();
      const start = performance.now();
      await target.start();
      const wallMs = performance.now() - start;
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      const { profile } = (await attached.send('Profiler.stop')) as { profile: CpuProfile };
      const before = await heapUsed(attached);
      await attached.send('HeapProfiler.collectGarbage');
      results.push({
        busyMs: busyMs(profile),
        scriptMs: extensionTime(profile, extension.id).scriptMs,
        wallMs,
        heapUsedBytes: before,
        heapAfterGcBytes: await heapUsed(attached),
      });
    }
    return { runs: results, median: medianRun(results) };
  } finally {
    await target.close();
  }
}

async function heapUsed(worker: ChildSession): Promise<number> {
  const usage = await worker.send('Runtime.getHeapUsage');
  return Number(usage.usedSize);
}

function medianRun(runs: readonly ColdStartRun[]): ColdStartRun {
  const of = (key: keyof ColdStartRun) => median(runs.map((run) => run[key]));
  return {
    busyMs: of('busyMs'),
    scriptMs: of('scriptMs'),
    wallMs: of('wallMs'),
    heapUsedBytes: of('heapUsedBytes'),
    heapAfterGcBytes: of('heapAfterGcBytes'),
  };
}

async function waitFor<T>(get: () => T | null, timeoutMs = 5000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = get();
    if (value !== null) return value;
    if (performance.now() > deadline) throw new Error('worker did not attach');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
