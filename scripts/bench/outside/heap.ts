/**
 * The JS heap an extension adds to a tab showing a page it leaves alone (no panel, no launcher).
 * `Runtime.getHeapUsage` reports the whole isolate (the page's main world and every isolated
 * world together) after a full GC, so the figure is a difference: the same page with the
 * extension minus with the floor, medians over several alternating runs. It is not the isolated
 * world's own share: it also counts what the extension makes the page hold (wrappers, listeners,
 * nodes it added) and, through GC timing, a little noise. A heap snapshot could split worlds, but
 * objects reachable from both (DOM wrappers, listeners held by nodes) make any split a choice.
 */
import type { OpenedExtension } from './browser';
import { rotate } from './page-cpu';
import { median } from './stats';

/** How the heap is measured. */
export interface TabHeapOptions {
  /** Runs per extension, alternating between them (default 5). */
  runs: number;
  /** Idle time after the load event before the GC and the reading, ms (default 2000). */
  idleMs: number;
}

/** Default: 5 runs, 2 s idle. */
export const TAB_HEAP_DEFAULTS: TabHeapOptions = { runs: 5, idleMs: 2000 };

/** One extension's heap readings on the page, bytes. */
export interface TabHeapReading {
  name: string;
  runs: number[];
  median: number;
  /** Median minus the floor's median, bytes (null for the floor itself or with no floor). */
  overFloor: number | null;
}

/** The tab heap per extension on `pageUrl`. */
export interface TabHeapResult {
  pageUrl: string;
  readings: TabHeapReading[];
}

/** Measures the used JS heap of a tab on `pageUrl` with each extension (`floorName`: the floor). */
export async function measureTabHeap(
  extensions: readonly OpenedExtension[],
  pageUrl: string,
  floorName: string | null,
  options: TabHeapOptions = TAB_HEAP_DEFAULTS,
): Promise<TabHeapResult> {
  const runs = new Map<string, number[]>(extensions.map((extension) => [extension.name, []]));
  for (let run = 0; run < options.runs; run++) {
    for (const extension of rotate(extensions, run)) {
      runs.get(extension.name)?.push(await heapOnce(extension, pageUrl, options.idleMs));
    }
  }
  const floorRuns = floorName ? runs.get(floorName) : undefined;
  const floorMedian = floorRuns ? median(floorRuns) : null;
  const readings = extensions.map(({ name }) => {
    const values = runs.get(name) ?? [];
    const value = median(values);
    const overFloor = floorMedian === null || name === floorName ? null : value - floorMedian;
    return { name, runs: values, median: value, overFloor };
  });
  return { pageUrl, readings };
}

async function heapOnce(extension: OpenedExtension, url: string, idleMs: number): Promise<number> {
  const page = await extension.context.newPage();
  try {
    const session = await extension.context.newCDPSession(page);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(idleMs);
    await session.send('HeapProfiler.collectGarbage');
    const { usedSize } = await session.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await page.close();
  }
}
