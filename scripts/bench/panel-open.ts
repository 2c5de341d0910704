/**
 * The panel's cost to open (SPEC §5): with the built extension loaded in Chromium, the reader
 * presses the launcher on the article (a plain mouse click at its middle, so no test-runner script
 * runs in the page meanwhile). The panel is the extension's page in a frame (`sidepanel.html?in=page`,
 * docs/panel-isolation.md), drawn in the extension's process, so an open costs two main threads:
 * the page's (showing the frame, focus, the marks) and the frame's (the panel). For each, from
 * Chromium's own counters (CDP `Performance.getMetrics` on the page and on the frame's target),
 * the time spent running script and on style and layout from the press until the panel is shown
 * and 300 ms more; from a trace of the same stretch, every task on either thread: the longest and
 * how many ran over a frame (16 ms), in wall-clock and in CPU time (`BENCH_TASKS=1` lists the long
 * ones and what ran in them). A script in the page's own world times the press to the end of the
 * page's first frame with the panel open (the frame's content was drawn ahead, hidden).
 *
 * Before the press, the panel is drawn hidden once the page is idle (the reader has not asked for
 * it to open by itself); that is measured too: the page's script from the task that runs the
 * injected panel script until the panel is drawn, and the frame's whole script until then. Also
 * reports what the panel carries: the script the page gets, the panel page's own scripts and the
 * pack's map data, gzip. `measureLauncher` reports how long after DOMContentLoaded the launcher
 * appears on the article (budget 50 ms), with the page's load event held back as a news page's is.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Frame, Page } from '@playwright/test';
import packs from '../../data/generated/packs.json';
import { EXTENSION_DIR, launchWithExtension, OPEN_BY_HAND } from '../lib/chromium';
import type { ServedPage } from '../lib/fixture-server';
import { panelDrawn } from '../lib/panel-drawn';
import { hostOf, waitForPanelFrame } from '../lib/panel-frame';
import { mainThreadTasks, type MainThreadTask, type TraceEvent } from './trace-tasks';

/** Main-thread time spent on a stretch of the panel's work, in milliseconds. */
export interface TaskCost {
  /** Script on the page's main thread, and on the panel frame's. */
  pageScript: number;
  frameScript: number;
  /** Style and layout, both threads. */
  styleAndLayout: number;
  /** The longest single task on either thread (what decides a dropped frame). */
  longestTask: number;
  /** How many tasks on either thread ran longer than a frame (16 ms). */
  longTasks: number;
  /**
   * The same two in the threads' CPU time, which a machine shared with other work inflates far
   * less than wall-clock time.
   */
  longestTaskCpu: number;
  longTasksCpu: number;
}

/** Main-thread time spent on one open, in milliseconds. */
export interface OpenCost extends TaskCost {
  /** From the press to the end of the page's first frame with the panel shown. */
  firstFrame: number;
}

/** Medians over the runs, plus what the panel weighs. */
export interface PanelOpenReport {
  /**
   * Drawing the panel hidden while the reader reads (no press): from the panel script's injection
   * to the panel drawn in full. `span` is how long that took, wall-clock; `frameScript` is all
   * the frame's script until then.
   */
  prepare: TaskCost & { span: number };
  /** The reader's first press, on the panel drawn ahead (it also starts marking the page). */
  first: OpenCost;
  reopen: OpenCost;
  runs: number;
  /** Runs redone because the panel was drawn before tracing could start (a busy machine). */
  redone: number;
  /** gzip bytes: the script a page with a verdict gets, the panel page's scripts, the map data. */
  panelScript: number;
  panelPage: number;
  mapData: number;
}

type Counters = Record<string, number>;

async function counters(cdp: CDPSession): Promise<Counters> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
}

/** How late the image that holds the article's load event back is served, ms. */
export const LATE_LOAD_MS = 2_000;

/**
 * The page served with one image answered {@link LATE_LOAD_MS} late, at a path of its own host. A
 * news page's load event waits for its images and ads, seconds after its text is there; the saved
 * article has none, and a page that loads at once hides what waits for the load event (until 3
 * December 2026 the script on every page did: the launcher came 230 ms after DOMContentLoaded).
 */
export function withLateLoad(page: ServedPage): ServedPage[] {
  const late = new URL('/backstory-bench/late-image', page.url).href;
  const image = `<img src="${new URL(late).pathname}" alt="" width="1" height="1">`;
  const html = page.html.includes('</body>')
    ? page.html.replace('</body>', `${image}</body>`)
    : `${page.html}${image}`;
  return [
    { ...page, html },
    { url: late, html: '', delayMs: LATE_LOAD_MS },
  ];
}

/** When the launcher joined the article, medians over the opens, ms. */
export interface LauncherReport {
  /** From the page's DOMContentLoaded to the launcher on the page (SPEC §5: under 50 ms). */
  afterDomContentLoaded: number;
  /** From DOMContentLoaded to the page's load event, which the late image holds back. */
  loadAfterDomContentLoaded: number;
  runs: number;
}

/**
 * Opens `articleUrl` (served by {@link withLateLoad}, by the rules given) `runs` times, each in a
 * fresh tab, and reads when the launcher joined the page. Nothing of the test runner's runs in the
 * page until the launcher is there: its own script, evaluated on the page's main thread, took 14
 * to 43 ms there, on the launcher's way.
 */
export async function measureLauncher(
  articleUrl: string,
  hostResolverRules: string,
  runs = 7,
): Promise<LauncherReport> {
  const browser = await launchWithExtension({ hostResolverRules, headless: true });
  const times: { afterDomContentLoaded: number; loadAfterDomContentLoaded: number }[] = [];
  try {
    await browser.storeSettings(OPEN_BY_HAND);
    for (let run = 0; run < runs; run++) {
      const page = await browser.context.newPage();
      await page.addInitScript({
        content: `const __name = (f) => f; (${watchPanelHost.toString()})();`,
      });
      await page.goto(articleUrl, { waitUntil: 'commit' });
      // Waited for from outside: the launcher comes long before the late image.
      await new Promise((resolve) => setTimeout(resolve, LATE_LOAD_MS + 1_000));
      await hostOf(page, 'backstory-launcher').waitFor();
      times.push(
        await page.evaluate(() => {
          const [navigation] = performance.getEntriesByType(
            'navigation',
          ) as PerformanceNavigationTiming[];
          const ready = navigation?.domContentLoadedEventEnd ?? NaN;
          const at = (window as unknown as { panelHost: { launcherAt: number } }).panelHost
            .launcherAt;
          return {
            afterDomContentLoaded: at - ready,
            loadAfterDomContentLoaded: (navigation?.loadEventEnd || NaN) - ready,
          };
        }),
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
  return {
    afterDomContentLoaded: median(times.map((time) => time.afterDomContentLoaded)),
    loadAfterDomContentLoaded: median(times.map((time) => time.loadAfterDomContentLoaded)),
    runs,
  };
}

/** One frame at 60 Hz, in ms: a task longer than this drops a frame. */
const FRAME_MS = 16;

/**
 * Runs in the page's own world, before its scripts: notes when Backstory's launcher joins the
 * page (its host goes into <html>), the time of each press (`pointerdown`), and, once armed, the
 * end of the page's first frame with the panel's host open (`data-open`: the page sees the host,
 * not what is inside it).
 */
function watchPanelHost() {
  const hostNamed = (tag: string) =>
    [...document.documentElement.children].find((element) => element.localName.startsWith(tag));
  const afterFrame = (done: () => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done();
      channel.port2.postMessage(null);
    });
  const state = {
    launcherAt: NaN,
    pressed: NaN,
    /** Resolves with ms from the press to the end of the first frame with the panel open. */
    shown: null as Promise<number> | null,
    arm() {
      state.pressed = NaN;
      state.shown = new Promise<number>((resolve) => {
        const check = () => {
          if (!hostNamed('backstory-panel')?.hasAttribute('data-open')) return false;
          afterFrame(() => resolve(performance.now() - state.pressed));
          return true;
        };
        const observer = new MutationObserver(() => {
          if (check()) observer.disconnect();
        });
        observer.observe(document.documentElement, { subtree: true, attributes: true });
      });
    },
  };
  const seen = new MutationObserver(() => {
    if (!hostNamed('backstory-launcher')) return;
    state.launcherAt = performance.now();
    seen.disconnect();
  });
  seen.observe(document, { childList: true, subtree: true });
  addEventListener('pointerdown', (event) => (state.pressed = event.timeStamp), true);
  (window as unknown as { panelHost: typeof state }).panelHost = state;
}

/** The two threads' cost from both targets' counters and the tasks traced on both threads. */
function taskCost(
  page: { before: Counters; after: Counters },
  frame: { before: Counters; after: Counters },
  tasks: readonly MainThreadTask[],
): TaskCost {
  const spent = ({ before, after }: { before: Counters; after: Counters }, name: string) =>
    ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
  const styleAndLayout = (counts: { before: Counters; after: Counters }) =>
    spent(counts, 'RecalcStyleDuration') + spent(counts, 'LayoutDuration');
  return {
    pageScript: spent(page, 'ScriptDuration'),
    frameScript: spent(frame, 'ScriptDuration'),
    styleAndLayout: styleAndLayout(page) + styleAndLayout(frame),
    longestTask: Math.max(0, ...tasks.map((task) => task.duration)),
    longTasks: tasks.filter((task) => task.duration > FRAME_MS).length,
    longestTaskCpu: Math.max(0, ...tasks.map((task) => task.cpu)),
    longTasksCpu: tasks.filter((task) => task.cpu > FRAME_MS).length,
  };
}

/** The categories traced: every task on the main threads and what ran in it. */
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

/** The tasks traced on the page's main thread and on the panel frame's. */
async function stopTracing(page: Page, frame: Frame) {
  const trace = await browserOf(page).stopTracing();
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  return { page: mainThreadTasks(events, page.url()), frame: mainThreadTasks(events, frame.url()) };
}

/** No counters: a stretch whose figures come from elsewhere. */
const NONE = { before: {}, after: {} };

/** The sum of `figure` over `tasks`, ms. */
const sumOf = (tasks: readonly MainThreadTask[], figure: 'script' | 'styleAndLayout') =>
  tasks.reduce((sum, task) => sum + task[figure], 0);

/** The page's and the frame's sessions, for their counters. */
interface Sessions {
  page: CDPSession;
  frame: CDPSession;
}

async function bothCounters(sessions: Sessions) {
  return { page: await counters(sessions.page), frame: await counters(sessions.frame) };
}

/**
 * Cost of drawing the panel ahead of the press, on a page just loaded (the page's counters from
 * its load, the frame's from its start): the page's tasks from the one that runs the injected
 * panel script, the frame's all, until the panel is drawn in full.
 */
async function prepareCost(
  page: Page,
  pageSession: CDPSession,
): Promise<{ cost: TaskCost & { span: number }; frame: Frame; sessions: Sessions } | null> {
  await browserOf(page).startTracing(page, { categories: TRACE_CATEGORIES });
  const pageBefore = await counters(pageSession);
  const frame = await waitForPanelFrame(page);
  // Polled on a timer: a hidden frame draws no animation frames.
  await frame.waitForFunction(panelDrawn, undefined, { polling: 50 });
  const pageAfter = await counters(pageSession);
  // The frame's counters start when a session asks for them, after its drawing: its script and
  // style and layout are read from the trace instead.
  const frameSession = await page.context().newCDPSession(frame);
  await frameSession.send('Performance.enable');
  const traced = await stopTracing(page, frame);
  const injected = traced.page.findIndex((task) =>
    task.inside.some((what) => /panel\.js/.test(what)),
  );
  // The panel script ran before tracing started (the page went idle before `goto` returned):
  // this run cannot be measured.
  if (injected < 0) {
    await frameSession.detach();
    return null;
  }
  const onPage = traced.page.slice(injected);
  const preparing = [...onPage, ...traced.frame];
  printLongTasks('preparing')(onPage, 'the page');
  printLongTasks('preparing')(traced.frame, 'the panel frame');
  const starts = preparing.map((task) => task.start);
  const ends = preparing.map((task) => task.start + task.duration);
  const pageCost = taskCost({ before: pageBefore, after: pageAfter }, NONE, preparing);
  return {
    cost: {
      ...pageCost,
      frameScript: sumOf(traced.frame, 'script'),
      styleAndLayout: pageCost.styleAndLayout + sumOf(traced.frame, 'styleAndLayout'),
      span: Math.max(...ends) - Math.min(...starts),
    },
    frame,
    sessions: { page: pageSession, frame: frameSession },
  };
}

/**
 * Cost of one press of the launcher, until the panel is shown and 300 ms more: both targets'
 * counters for script, style and layout, and a trace for the tasks. The press is a plain mouse
 * click at `at`, so no test-runner script runs in the page meanwhile.
 */
async function timeOf(
  page: Page,
  frame: Frame,
  sessions: Sessions,
  at: { x: number; y: number },
  report: (tasks: MainThreadTask[], thread: string) => void,
): Promise<OpenCost> {
  await page.evaluate(() => {
    (window as unknown as { panelHost: { arm(): void } }).panelHost.arm();
    return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
  await browserOf(page).startTracing(page, { categories: TRACE_CATEGORIES });
  const before = await bothCounters(sessions);
  await page.mouse.click(at.x, at.y);
  const firstFrame = await page.evaluate(
    () => (window as unknown as { panelHost: { shown: Promise<number> } }).panelHost.shown,
  );
  // Work the panel leaves for later (the page's marks, quotes found again) runs in these 300 ms.
  await page.waitForTimeout(300);
  const after = await bothCounters(sessions);
  const traced = await stopTracing(page, frame);
  const tasks = [...traced.page, ...traced.frame];
  report(traced.page, 'the page');
  report(traced.frame, 'the panel frame');
  return {
    ...taskCost(
      { before: before.page, after: after.page },
      { before: before.frame, after: after.frame },
      tasks,
    ),
    firstFrame,
  };
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
const printLongTasks = (label: string) => (tasks: MainThreadTask[], thread: string) => {
  if (!process.env.BENCH_TASKS) return;
  console.log(`${label}, ${thread}: ${tasks.length} tasks`);
  for (const task of tasks.filter((task) => task.cpu > FRAME_MS && task.duration > FRAME_MS)) {
    console.log(
      `  +${task.start.toFixed(0)} ms: ${task.duration.toFixed(1)} ms (CPU ${task.cpu.toFixed(1)} ms)`,
    );
    for (const line of task.inside.slice(0, 6)) console.log(`      ${line}`);
  }
};

/** gzip bytes of the built files `names` (under the extension's directory). */
function gzipOf(...names: string[]): number {
  return names.reduce(
    (sum, name) => sum + gzipSync(readFileSync(join(EXTENSION_DIR, name))).length,
    0,
  );
}

/** The scripts the panel's page loads: its own chunk and the chunks it shares. */
function panelPageScripts(): string[] {
  const html = readFileSync(join(EXTENSION_DIR, 'sidepanel.html'), 'utf8');
  const own = [...html.matchAll(/(?:src|href)="\/?(chunks\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const chunks = readdirSync(join(EXTENSION_DIR, 'chunks')).map((name) => `chunks/${name}`);
  return own.filter((name) => chunks.includes(name));
}

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
  const prepare: (TaskCost & { span: number })[] = [];
  const first: OpenCost[] = [];
  const reopen: OpenCost[] = [];
  let redone = 0;
  try {
    // The reader opens the panel; it must not open by itself first.
    await browser.storeSettings(OPEN_BY_HAND);
    // Until `runs` opens are measured (a run whose panel came before tracing is redone).
    while (prepare.length < runs) {
      const page = await browser.context.newPage();
      // tsx keeps function names with a `__name` helper the page does not have.
      await page.addInitScript({
        content: `const __name = (f) => f; (${watchPanelHost.toString()})();`,
      });
      await page.goto(articleUrl);
      const pageSession = await page.context().newCDPSession(page);
      await pageSession.send('Performance.enable');
      // The panel is drawn hidden once the page is idle: traced from here.
      const prepared = await prepareCost(page, pageSession);
      if (!prepared) {
        if (++redone > runs) throw new Error('bench: the panel is always drawn before tracing');
        await page.close();
        continue;
      }
      prepare.push(prepared.cost);
      const launcher = hostOf(page, 'backstory-launcher');
      await launcher.waitFor();
      await page.waitForTimeout(300); // anything the drawing left settles
      // The launcher's middle, found before each press is timed.
      const press = async (label: string) => {
        const box = await launcher.boundingBox();
        if (!box) throw new Error('bench: the launcher has no box');
        const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        return timeOf(page, prepared.frame, prepared.sessions, at, printLongTasks(label));
      };
      first.push(await press('first press'));
      await page.keyboard.press('Escape');
      await page.waitForFunction(
        () =>
          ![...document.documentElement.children].some(
            (element) =>
              element.localName.startsWith('backstory-panel') && element.hasAttribute('data-open'),
          ),
      );
      await page.waitForTimeout(300);
      reopen.push(await press('reopen'));
      await prepared.sessions.frame.detach();
      await pageSession.detach();
      await page.close();
    }
  } finally {
    await browser.close();
  }
  const pack = packs[0];
  return {
    prepare: medianCost(prepare),
    first: medianCost(first),
    reopen: medianCost(reopen),
    runs,
    redone,
    panelScript: gzipOf('content-scripts/panel.js'),
    panelPage: gzipOf(...panelPageScripts()),
    mapData: pack ? gzipSync(JSON.stringify(pack.map)).length : 0,
  };
}
