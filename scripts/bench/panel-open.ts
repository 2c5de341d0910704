/**
 * The panel's cost to open (SPEC §5, issue 5): with the built extension loaded in Chromium, the
 * reader presses the launcher on the article (a plain mouse click at its middle, so no test-runner
 * script runs in the page meanwhile) and the benchmark reads, from Chromium's own counters (CDP
 * `Performance.getMetrics`), how long the page's main thread spent running script, and on style
 * and layout, from the press until the panel's work is done (every section drawn, and on a first
 * open the page marked) and two frames have passed. A trace of the same stretch gives every task
 * on the page's main thread: the longest, how many ran over a frame (16 ms), each in wall-clock
 * and in CPU time (`BENCH_TASKS=1` lists the long ones and what ran in them). A script in the
 * page's own world times the press to the end of the first frame that shows the panel's header
 * and the first of its sections' content. Before the press, the panel is drawn hidden once the page
 * is idle (the reader has not asked for it to open by itself); that preparation is measured too,
 * from the task that runs the injected panel script to the panel drawn in full. The first press
 * shows the drawn panel and starts marking the article's mentions; a reopen is the panel alone.
 * Also reports how long after
 * DOMContentLoaded the launcher appears on the article (budget 50 ms) and what the panel carries:
 * its script and the pack's map data, gzip.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from '@playwright/test';
import packs from '../../data/generated/packs.json';
import { EXTENSION_DIR, launchWithExtension, OPEN_BY_HAND } from '../lib/chromium';
import { panelDrawn } from '../lib/panel-drawn';
import { mainThreadTasks, type MainThreadTask, type TraceEvent } from './trace-tasks';

/** Main-thread time spent on a stretch of the panel's work, in milliseconds. */
export interface TaskCost {
  script: number;
  styleAndLayout: number;
  /** The longest single task on the page's main thread (what decides a dropped frame). */
  longestTask: number;
  /** How many of the page's main-thread tasks ran longer than a frame (16 ms). */
  longTasks: number;
  /**
   * The same two in the main thread's CPU time, which a machine shared with other work inflates
   * far less than wall-clock time.
   */
  longestTaskCpu: number;
  longTasksCpu: number;
}

/** Main-thread time spent on one open, in milliseconds. */
export interface OpenCost extends TaskCost {
  /**
   * From the press to the end of the frame that first shows the panel: its header and first
   * section on a first open, the panel itself on a reopen.
   */
  firstFrame: number;
}

/** Medians over the runs, plus what the panel weighs. */
export interface PanelOpenReport {
  /** From the page's DOMContentLoaded, and from its load event, to the launcher on the page, ms. */
  launcher: { afterDomContentLoaded: number; afterLoad: number };
  /**
   * Drawing the panel hidden while the reader reads (no press): from the panel script's injection
   * to the panel drawn in full. `span` is how long that took, wall-clock.
   */
  prepare: TaskCost & { span: number };
  /** The reader's first press, on the panel drawn ahead (it also starts marking the page). */
  first: OpenCost;
  reopen: OpenCost;
  runs: number;
  /** gzip bytes. */
  panelScript: number;
  mapData: number;
}

type Counters = Record<string, number>;

async function counters(cdp: CDPSession): Promise<Counters> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
}

/** One frame at 60 Hz, in ms: a task longer than this drops a frame. */
const FRAME_MS = 16;

/**
 * Watches, from the page's own world, for the panel's frames: the time of the press
 * (`pointerdown`), the end of the first frame that shows the panel (header and a drawn first
 * section, or the open panel on a reopen), and when its work is done (every section drawn, the
 * page marked). Installed before the page's scripts; the panel's shadow root is open.
 * `panelDrawn` is {@link panelDrawn}, passed in with it (a page gets no imports).
 */
function watchPanelFrames(panelDrawn: () => boolean) {
  const afterFrame = (done: () => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done();
      channel.port2.postMessage(null);
    });
  const state = {
    /**
     * Resolves two frames after the panel drawn hidden ahead of the press is drawn in full
     * (checked once a frame: a query in the panel's shadow root).
     */
    prepared: () =>
      new Promise<void>((resolve) => {
        const check = () => {
          if (panelDrawn()) afterFrame(() => afterFrame(resolve));
          else requestAnimationFrame(check);
        };
        check();
      }),
    pressed: NaN,
    firstFrame: NaN,
    done: null as Promise<void> | null,
    /** Starts watching for one press: resolves `done` when the panel's work is over. */
    arm(first: boolean) {
      state.pressed = NaN;
      state.firstFrame = NaN;
      state.done = new Promise<void>((resolve) => {
        let shown = false;
        const check = () => {
          const host = [...document.documentElement.children].find((element) =>
            element.localName.startsWith('backstory-panel'),
          );
          const root = host?.shadowRoot;
          if (!host || !root || !host.hasAttribute('data-open')) return;
          const drawn =
            root.querySelector('.header .title') && root.querySelector('.section > h2 + *');
          if (!shown && drawn) {
            shown = true;
            afterFrame(() => (state.firstFrame = performance.now() - state.pressed));
          }
          const marked = [...document.documentElement.children].some((element) =>
            element.localName.startsWith('backstory-marks'),
          );
          const busy = root.querySelector('[aria-busy="true"]');
          if (shown && !busy && (marked || !first)) {
            observer.disconnect();
            afterFrame(() => afterFrame(resolve));
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.documentElement, {
          subtree: true,
          childList: true,
          attributes: true,
        });
        const watchShadow = new MutationObserver(() => {
          const root = [...document.documentElement.children].find((element) =>
            element.localName.startsWith('backstory-panel'),
          )?.shadowRoot;
          if (!root) return;
          watchShadow.disconnect();
          observer.observe(root, { subtree: true, childList: true, attributes: true });
          check();
        });
        watchShadow.observe(document.documentElement, { childList: true });
        watchShadow.takeRecords();
        const existing = [...document.documentElement.children].find((element) =>
          element.localName.startsWith('backstory-panel'),
        )?.shadowRoot;
        if (existing) {
          watchShadow.disconnect();
          observer.observe(existing, { subtree: true, childList: true, attributes: true });
        }
      });
    },
  };
  addEventListener('pointerdown', (event) => (state.pressed = event.timeStamp), true);
  (window as unknown as { panelFrames: typeof state }).panelFrames = state;
}

/** Script, style and layout from Chromium's counters; the tasks' lengths from the trace. */
function taskCost(before: Counters, after: Counters, tasks: readonly MainThreadTask[]): TaskCost {
  const spent = (name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
  return {
    script: spent('ScriptDuration'),
    styleAndLayout: spent('RecalcStyleDuration') + spent('LayoutDuration'),
    longestTask: Math.max(0, ...tasks.map((task) => task.duration)),
    longTasks: tasks.filter((task) => task.duration > FRAME_MS).length,
    longestTaskCpu: Math.max(0, ...tasks.map((task) => task.cpu)),
    longTasksCpu: tasks.filter((task) => task.cpu > FRAME_MS).length,
  };
}

/** The categories traced: every task on the main thread and what ran in it. */
const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'v8',
  'blink',
  'disabled-by-default-devtools.timeline',
];

/** The browser, for tracing. */
function browserOf(page: Page) {
  const browser = page.context().browser();
  if (!browser) throw new Error('bench: no browser to trace');
  return browser;
}

async function stopTracing(page: Page): Promise<MainThreadTask[]> {
  const trace = await browserOf(page).stopTracing();
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  return mainThreadTasks(events, page.url());
}

/**
 * Main-thread cost (ms) of drawing the panel ahead of the press, on a page just loaded: traced
 * from the load event, counted from the task that runs the injected panel script to the panel
 * drawn in full and two frames more.
 */
async function prepareCost(page: Page, cdp: CDPSession): Promise<TaskCost & { span: number }> {
  await browserOf(page).startTracing(page, { categories: TRACE_CATEGORIES });
  const before = await counters(cdp);
  // One call that the page's own script answers: a test runner's polling would run its own
  // script in the page, and be counted.
  await page.evaluate(() =>
    (window as unknown as { panelFrames: { prepared(): Promise<void> } }).panelFrames.prepared(),
  );
  const after = await counters(cdp);
  const tasks = await stopTracing(page);
  const injected = tasks.findIndex((task) => task.inside.some((what) => /panel\.js/.test(what)));
  const preparing = tasks.slice(injected);
  const [start, last] = [preparing[0], preparing.at(-1)];
  if (injected < 0 || !start || !last)
    throw new Error('bench: the panel was prepared before tracing started');
  printLongTasks('preparing')(preparing);
  return {
    ...taskCost(before, after, preparing),
    span: last.start + last.duration - start.start,
  };
}

/**
 * Main-thread cost (ms) of one press of the launcher, until the panel's work is done and two
 * frames have passed: Chromium's counters for script, style and layout, and a trace for the tasks.
 * The press is a plain mouse click at `at`, so no test-runner script runs in the page meanwhile.
 */
async function timeOf(
  page: Page,
  cdp: CDPSession,
  at: { x: number; y: number },
  first: boolean,
  report: (tasks: MainThreadTask[]) => void,
): Promise<OpenCost> {
  const browser = browserOf(page);
  await page.evaluate((first) => {
    (window as unknown as { panelFrames: { arm(first: boolean): void } }).panelFrames.arm(first);
    return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  }, first);
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const before = await counters(cdp);
  await page.mouse.click(at.x, at.y);
  const firstFrame = await page.evaluate(async () => {
    const frames = (
      window as unknown as { panelFrames: { done: Promise<void>; firstFrame: number } }
    ).panelFrames;
    await frames.done;
    return frames.firstFrame;
  });
  // Work the panel left for later (quotes found again on a reopen) runs in these 300 ms.
  await page.waitForTimeout(300);
  const after = await counters(cdp);
  const tasks = await stopTracing(page);
  report(tasks);
  return { ...taskCost(before, after, tasks), firstFrame };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
};

/** The median of each figure over the runs. */
function medianCost<T extends object>(costs: readonly T[]): T {
  const keys = Object.keys(costs[0] ?? {}) as (keyof T & string)[];
  return Object.fromEntries(
    keys.map((key) => [key, median(costs.map((cost) => cost[key] as number))]),
  ) as T;
}

/** With `BENCH_TASKS=1`, prints the tasks over a frame and what ran in them. */
const printLongTasks = (label: string) => (tasks: MainThreadTask[]) => {
  if (!process.env.BENCH_TASKS) return;
  console.log(`${label}: ${tasks.length} tasks`);
  for (const task of tasks.filter((task) => task.cpu > FRAME_MS && task.duration > FRAME_MS)) {
    console.log(
      `  +${task.start.toFixed(0)} ms: ${task.duration.toFixed(1)} ms (CPU ${task.cpu.toFixed(1)} ms)`,
    );
    for (const line of task.inside.slice(0, 6)) console.log(`      ${line}`);
  }
};

/**
 * Opens the panel on `articleUrl` (served by the rules given) `runs` times, each in a fresh tab,
 * then closes and reopens it once per tab.
 */
export async function measurePanelOpen(
  articleUrl: string,
  hostResolverRules: string,
  runs = 7,
): Promise<PanelOpenReport> {
  const browser = await launchWithExtension({ hostResolverRules, headless: true });
  const launcherTimes: { afterDomContentLoaded: number; afterLoad: number }[] = [];
  const prepare: (TaskCost & { span: number })[] = [];
  const first: OpenCost[] = [];
  const reopen: OpenCost[] = [];
  try {
    // The reader opens the panel; it must not open by itself first.
    await browser.storeSettings(OPEN_BY_HAND);
    for (let run = 0; run < runs; run++) {
      const page = await browser.context.newPage();
      // Notes when Backstory's launcher joins the page (its host goes into <html>).
      await page.addInitScript(() => {
        const seen = new MutationObserver(() => {
          const host = [...document.documentElement.children].find((element) =>
            element.localName.startsWith('backstory-launcher'),
          );
          if (!host) return;
          (window as unknown as { launcherAt: number }).launcherAt = performance.now();
          seen.disconnect();
        });
        seen.observe(document, { childList: true, subtree: true });
      });
      // tsx keeps function names with a `__name` helper the page does not have.
      await page.addInitScript({
        content: `const __name = (f) => f; (${watchPanelFrames.toString()})(${panelDrawn.toString()});`,
      });
      await page.goto(articleUrl);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      // The panel is drawn hidden once the page is idle: traced from here.
      prepare.push(await prepareCost(page, cdp));
      const launcher = page.getByRole('button', { name: /^Backstory/ });
      const panel = page.getByRole('complementary', { name: 'Backstory' });
      await launcher.waitFor();
      launcherTimes.push(
        await page.evaluate(() => {
          const [navigation] = performance.getEntriesByType(
            'navigation',
          ) as PerformanceNavigationTiming[];
          const at = (window as unknown as { launcherAt?: number }).launcherAt ?? NaN;
          return {
            afterDomContentLoaded: at - (navigation?.domContentLoadedEventEnd ?? NaN),
            afterLoad: at - (navigation?.loadEventEnd ?? NaN),
          };
        }),
      );
      await page.waitForTimeout(300); // anything the drawing left settles
      // The launcher's middle, found before the press is timed.
      const centre = async () => {
        const box = await launcher.boundingBox();
        if (!box) throw new Error('bench: the launcher has no box');
        return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      };
      first.push(await timeOf(page, cdp, await centre(), true, printLongTasks('first press')));
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'hidden' });
      reopen.push(await timeOf(page, cdp, await centre(), false, printLongTasks('reopen')));
      await cdp.detach();
      await page.close();
    }
  } finally {
    await browser.close();
  }
  const pack = packs[0];
  return {
    launcher: {
      afterDomContentLoaded: median(launcherTimes.map((time) => time.afterDomContentLoaded)),
      afterLoad: median(launcherTimes.map((time) => time.afterLoad)),
    },
    prepare: medianCost(prepare),
    first: medianCost(first),
    reopen: medianCost(reopen),
    runs,
    panelScript: gzipSync(readFileSync(join(EXTENSION_DIR, 'content-scripts/panel.js'))).length,
    mapData: pack ? gzipSync(JSON.stringify(pack.map)).length : 0,
  };
}
