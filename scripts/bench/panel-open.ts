/**
 * The panel's cost to open (SPEC §5, issue 5): with the built extension loaded in Chromium, the
 * reader clicks the launcher on the article and the benchmark reads, from Chromium's own counters
 * (CDP `Performance.getMetrics`), how long the page's main thread spent running script, and on
 * style and layout, from the click until the panel is drawn and two frames have passed. The first
 * open includes loading the panel script and marking the article's mentions; a reopen is the
 * panel alone. Also reports how long after DOMContentLoaded the launcher appears on the article
 * (budget 50 ms) and what the panel carries: its script and the pack's map data, gzip.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from '@playwright/test';
import packs from '../../data/generated/packs.json';
import { EXTENSION_DIR, launchWithExtension, OPEN_BY_HAND } from '../lib/chromium';

/** Main-thread time spent on one open, in milliseconds. */
export interface OpenCost {
  script: number;
  styleAndLayout: number;
  /** The longest single task on the page's main thread (what decides a dropped frame). */
  longestTask: number;
}

/** Medians over the runs, plus what the panel weighs. */
export interface PanelOpenReport {
  /** From the page's DOMContentLoaded, and from its load event, to the launcher on the page, ms. */
  launcher: { afterDomContentLoaded: number; afterLoad: number };
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

const twoFrames = (page: Page) =>
  page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string; data?: { frames?: { processId?: number; url?: string }[] } };
}

/** The longest task (ms) on the main thread of the page's renderer in a Chromium trace. */
function longestTask(trace: Buffer, url: string): number {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const started = events.find((event) => event.name === 'TracingStartedInBrowser');
  const pid = started?.args?.data?.frames?.find((frame) => frame.url === url)?.processId;
  const main = events.find(
    (event) =>
      event.pid === pid && event.name === 'thread_name' && event.args?.name === 'CrRendererMain',
  );
  if (!main) throw new Error('bench: no main thread for the page in the trace');
  const tasks = events.filter(
    (event) => event.pid === main.pid && event.tid === main.tid && event.name === 'RunTask',
  );
  return Math.max(0, ...tasks.map((task) => (task.dur ?? 0) / 1000));
}

/**
 * Main-thread time (ms) spent while `act` runs and the next two frames are drawn: Chromium's
 * counters for script, style and layout, and a trace for the longest task.
 */
async function timeOf(page: Page, cdp: CDPSession, act: () => Promise<void>): Promise<OpenCost> {
  const browser = page.context().browser();
  if (!browser) throw new Error('bench: no browser to trace');
  await twoFrames(page);
  await browser.startTracing(page, {
    categories: [
      'toplevel',
      'devtools.timeline',
      'v8',
      'blink',
      'disabled-by-default-devtools.timeline',
    ],
  });
  const before = await counters(cdp);
  await act();
  await twoFrames(page);
  const after = await counters(cdp);
  const trace = await browser.stopTracing();
  const spent = (name: string) => ((after[name] ?? 0) - (before[name] ?? 0)) * 1000;
  return {
    script: spent('ScriptDuration'),
    styleAndLayout: spent('RecalcStyleDuration') + spent('LayoutDuration'),
    longestTask: longestTask(trace, page.url()),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
};

const medianCost = (costs: OpenCost[]): OpenCost => ({
  script: median(costs.map((cost) => cost.script)),
  styleAndLayout: median(costs.map((cost) => cost.styleAndLayout)),
  longestTask: median(costs.map((cost) => cost.longestTask)),
});

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
      await page.goto(articleUrl);
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
      await page.waitForTimeout(300); // recognition and its report settle
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const open = async () => {
        await launcher.click();
        await panel.getByRole('heading', { name: 'People', exact: true }).waitFor();
      };
      first.push(await timeOf(page, cdp, open));
      await page.waitForTimeout(200); // the mention marks, made just after the panel is drawn
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'hidden' });
      reopen.push(await timeOf(page, cdp, open));
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
    first: medianCost(first),
    reopen: medianCost(reopen),
    runs,
    panelScript: gzipSync(readFileSync(join(EXTENSION_DIR, 'content-scripts/panel.js'))).length,
    mapData: pack ? gzipSync(JSON.stringify(pack.map)).length : 0,
  };
}
