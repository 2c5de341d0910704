/**
 * The whole outside benchmark: the extensions given, plus the floor, each in its own Chromium,
 * over the corpus pages (CPU per page, worker starts and messages), then each worker's cold start,
 * the tab heap on one typical page, and the ticker page. `run.ts` is its command line; the main
 * bench can call `runOutsideBench` and `formatOutsideReport` directly.
 */
import { rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { corpusPages, CORPUS_DIR, offlineRules } from '../../lib/corpus';
import { startFixtureServer, type ServedPage } from '../../lib/fixture-server';
import { openExtension, type ExtensionUnderTest, type OpenedExtension } from './browser';
import { writeFloorExtension } from './floor';
import { measurePageCpu, PAGE_CPU_DEFAULTS, type PageCpuRow } from './page-cpu';
import { summarizePageCpu, type PageCpuSummary } from './page-cpu-summary';
import { blankPagesFor } from './pages';
import { measureTabHeap, TAB_HEAP_DEFAULTS, type TabHeapResult } from './heap';
import { median } from './stats';
import { measureTicker, tickerDefaults, type TickerReading } from './ticker';
import { tickerPage } from './ticker-page';
import {
  measureWorkerColdStart,
  workerScriptSize,
  type ScriptSize,
  type WorkerColdStart,
} from './worker-cold-start';
import { watchWorkersOverPages, type VisitWorkerCounts } from './worker-pages';
import type { WorkerCounts } from './worker-watch';

/** The name the floor goes by in the results. */
export const FLOOR_NAME = 'floor';

/** What to run. */
export interface OutsideBenchOptions {
  extensions: ExtensionUnderTest[];
  /** Only the first N corpus pages (default: all). */
  pages?: number;
  /** Time counted after each page's load event, ms (default 1200). */
  settleMs?: number;
  /** Cold starts per worker (default 5). */
  coldStartRuns?: number;
  /** Runs per extension for the tab heap (default 5). */
  heapRuns?: number;
  /** Ticker time, s (default `$TICKER_SECONDS` or 60). */
  tickerSeconds?: number;
  /** Progress lines (default: none). */
  log?: (line: string) => void;
}

/** One extension's worker over the run. */
export interface WorkerReport {
  counts: WorkerCounts;
  startsPer100Pages: number;
  messagesPer100Pages: number;
  /** Null when the worker would not start again in time. */
  coldStart: WorkerColdStart | null;
  script: ScriptSize | null;
}

/** Everything the outside benchmark measured. */
export interface OutsideBenchReport {
  floorName: string;
  names: string[];
  ids: Record<string, string>;
  pageCount: number;
  settleMs: number;
  pageRows: PageCpuRow[];
  /** Per page address, per extension with a worker: what that visit made the worker do. */
  pageWorkers: Record<string, Record<string, VisitWorkerCounts>>;
  pageSummaries: PageCpuSummary[];
  workers: Record<string, WorkerReport>;
  heap: TabHeapResult;
  ticker: TickerReading[];
  durationMs: number;
  /**
   * The machine's 1-minute load average, sampled after each page: the figures are wall time with
   * the extension's code on the stack, so other work on the machine inflates them (and the
   * sampler's gaps). Compare with `cores`.
   */
  loadAverage: { median: number; max: number; cores: number };
  /** Time taken by each part, ms: pages, worker cold starts, heap, ticker. */
  phaseMs: Record<'pages' | 'coldStarts' | 'heap' | 'ticker', number>;
}

/** Runs the outside benchmark (see the file's comment). */
export async function runOutsideBench(options: OutsideBenchOptions): Promise<OutsideBenchReport> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  if (options.extensions.some((extension) => extension.name === FLOOR_NAME)) {
    throw new Error(`"${FLOOR_NAME}" is the floor's name: call the extension something else`);
  }
  const corpus = corpusPages();
  if (!corpus) throw new Error(`no corpus at ${CORPUS_DIR}`);
  const pages = corpus.slice(0, options.pages ?? corpus.length);
  const served: ServedPage[] = [...pages, tickerPage()];
  const server = await startFixtureServer([...served, ...blankPagesFor(served)]);
  const floorDir = writeFloorExtension();
  const opened: OpenedExtension[] = [];
  try {
    const rules = offlineRules(server.hostResolverRules);
    for (const extension of [...options.extensions, { name: FLOOR_NAME, dir: floorDir }]) {
      opened.push(await openExtension(extension, rules));
      log(`opened ${extension.name} (${opened.at(-1)?.id})`);
    }
    const names = opened.map((extension) => extension.name);
    const settleMs = options.settleMs ?? PAGE_CPU_DEFAULTS.settleMs;

    let mark = performance.now();
    const lap = () => {
      const now = performance.now();
      const taken = now - mark;
      mark = now;
      return taken;
    };
    const loads: number[] = [];
    const watch = await watchWorkersOverPages(opened);
    const pageRows = await measurePageCpu(
      opened,
      pages.map((page) => page.url),
      {
        ...PAGE_CPU_DEFAULTS,
        settleMs,
        beforeVisit: (extension, url) => watch.beforeVisit(extension, url),
        onPage: (row, index, total) => {
          loads.push(loadavg()[0] ?? NaN);
          log(pageLine(row, names, index, total));
        },
      },
    );
    const counts = watch.totals();
    await watch.close();
    const pagesMs = lap();

    const workers: Record<string, WorkerReport> = {};
    for (const extension of opened.filter((candidate) => candidate.hasWorker)) {
      log(`cold starts: ${extension.name}`);
      const workerCounts = counts.get(extension.name);
      if (!workerCounts) continue;
      workers[extension.name] = {
        counts: workerCounts,
        startsPer100Pages: (100 * workerCounts.starts) / pages.length,
        messagesPer100Pages: (100 * workerCounts.messages) / pages.length,
        // A worker that would not start again in time (a loaded machine) leaves its cold start
        // out of the table rather than the whole run's figures.
        coldStart: await measureWorkerColdStart(extension, options.coldStartRuns ?? 5).catch(
          (error: unknown) => {
            log(`cold starts: ${extension.name}: ${String(error)}`);
            return null;
          },
        ),
        script: workerScriptSize(extension.dir),
      };
    }

    const coldStartsMs = lap();
    const heapPage = typicalPage(pages);
    log(`tab heap on ${heapPage}`);
    const heap = await measureTabHeap(opened, heapPage, FLOOR_NAME, {
      ...TAB_HEAP_DEFAULTS,
      runs: options.heapRuns ?? TAB_HEAP_DEFAULTS.runs,
    });
    const heapMs = lap();
    const tickerOptions = tickerDefaults();
    if (options.tickerSeconds !== undefined) tickerOptions.seconds = options.tickerSeconds;
    log(`ticker: ${tickerOptions.seconds} s`);
    const ticker = await measureTicker(opened, tickerOptions);
    const tickerMs = lap();

    return {
      floorName: FLOOR_NAME,
      names,
      ids: Object.fromEntries(opened.map((extension) => [extension.name, extension.id])),
      pageCount: pages.length,
      settleMs,
      pageRows,
      pageWorkers: Object.fromEntries(watch.perPage),
      pageSummaries: summarizePageCpu(pageRows, names, FLOOR_NAME),
      workers,
      heap,
      ticker,
      durationMs: performance.now() - started,
      loadAverage: { median: median(loads), max: Math.max(...loads), cores: cpus().length },
      phaseMs: { pages: pagesMs, coldStarts: coldStartsMs, heap: heapMs, ticker: tickerMs },
    };
  } finally {
    for (const extension of opened) await extension.close();
    await server.close();
    rmSync(floorDir, { recursive: true, force: true });
  }
}

/** The page whose HTML length is the median of `pages`: a typical page for the heap. */
function typicalPage(pages: readonly ServedPage[]): string {
  const middle = median(pages.map((page) => page.html.length));
  const sorted = [...pages].sort(
    (a, b) => Math.abs(a.html.length - middle) - Math.abs(b.html.length - middle),
  );
  const page = sorted[0];
  if (!page) throw new Error('no pages to measure the heap on');
  return page.url;
}

function pageLine(row: PageCpuRow, names: readonly string[], index: number, total: number) {
  const figures = names.map((name) => {
    const visit = row.visits[name];
    return `${name} ${visit?.error ? 'failed' : (visit?.cpuMs.toFixed(2) ?? '?')}`;
  });
  return `[${index + 1}/${total}] ${row.url.replace('http://corpus.test/', '')}: ${figures.join(', ')} ms`;
}
