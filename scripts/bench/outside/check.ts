/**
 * `npx tsx scripts/bench/outside/check.ts [--pages N]`: checks the outside harness against
 * extensions whose cost is known: the floor, the floor plus a 5 ms busy-wait (the difference
 * must come out near 5 ms a page), and an extension that sends one message per page (its worker
 * must be seen starting and receiving once per page). Also times `document.body.textContent` in
 * each page with `performance.now`, to set beside the floor's figure. Exits 1 when a check fails.
 */
import { rmSync } from 'node:fs';
import { corpusPages, offlineRules } from '../../lib/corpus';
import { startFixtureServer } from '../../lib/fixture-server';
import { openExtension, type OpenedExtension } from './browser';
import { writeChattyExtension } from './calibration';
import { writeFloorExtension } from './floor';
import { measurePageCpu, PAGE_CPU_DEFAULTS } from './page-cpu';
import { blankPagesFor } from './pages';
import { median } from './stats';
import { extensionMs } from './profile';
import { profiledVisit } from './visit';
import { watchWorkersOverPages } from './worker-pages';

const BURN_MS = 5;
const pagesArg = process.argv.indexOf('--pages');
const count = pagesArg > 0 ? Number(process.argv[pagesArg + 1]) : 20;
const pages = (corpusPages() ?? []).slice(0, count);
if (pages.length === 0) throw new Error('no corpus pages');
const server = await startFixtureServer([...pages, ...blankPagesFor(pages)]);
const dirs = {
  floor: writeFloorExtension(),
  burn: writeFloorExtension({ burnMs: BURN_MS, name: 'Floor plus 5 ms' }),
  chatty: writeChattyExtension(),
  timed: writeFloorExtension({ recordMs: true, name: 'Floor, timed' }),
};
const opened: OpenedExtension[] = [];
let failed = false;
const report = (ok: boolean, line: string) => {
  failed ||= !ok;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${line}`);
};
try {
  const rules = offlineRules(server.hostResolverRules);
  for (const [name, dir] of Object.entries(dirs))
    opened.push(await openExtension({ name, dir }, rules));
  const watch = await watchWorkersOverPages(opened);
  const rows = await measurePageCpu(
    opened,
    pages.map((page) => page.url),
    {
      ...PAGE_CPU_DEFAULTS,
      beforeVisit: (extension, url) => watch.beforeVisit(extension, url),
    },
  );
  const counts = watch.totals().get('chatty');
  if (!counts) throw new Error('chatty was not watched');
  await watch.close();
  const perVisit = [...watch.perPage.values()].map((row) => row.chatty);
  const onePerVisit =
    perVisit.length === pages.length &&
    perVisit.every((visit) => visit?.starts === 1 && visit.messages === 1);

  const cpu = (name: string) => rows.map((row) => row.visits[name]?.cpuMs ?? NaN);
  const floor = cpu('floor');
  const extra = cpu('burn').map((value, i) => value - (floor[i] ?? NaN));
  const extraMedian = median(extra);
  report(
    Math.abs(extraMedian - BURN_MS) < 1.5,
    `floor + ${BURN_MS} ms minus floor, median per page: ${extraMedian.toFixed(2)} ms (per page: ${extra.map((value) => value.toFixed(1)).join(' ')})`,
  );
  report(
    counts.starts === pages.length && counts.startsSeenByBrowser === pages.length,
    `chatty worker starts: ${counts.starts} (browser saw ${counts.startsSeenByBrowser}) for ${pages.length} pages`,
  );
  report(
    counts.messages === pages.length,
    `chatty messages: ${counts.messages} for ${pages.length} pages`,
  );
  report(onePerVisit, `chatty: one start and one message in each visit's own window`);

  const timed = await openExtension({ name: 'timed', dir: dirs.timed }, rules);
  opened.push(timed);
  const pairs = await profileBesideTiming(
    timed,
    pages.map((page) => page.url),
  );
  const gap = pairs.map(({ profiled, timed: inScript }) => profiled - inScript);
  report(
    Math.abs(median(gap)) < 0.5,
    `floor's read timed inside its content script: median ${median(pairs.map((pair) => pair.timed)).toFixed(2)} ms; profiler says ${median(pairs.map((pair) => pair.profiled)).toFixed(2)} ms (median difference ${median(gap).toFixed(2)} ms: compile and start-up)`,
  );
  const inPage = await textContentInPage(
    opened[0],
    pages.map((page) => page.url),
  );
  const floorMedian = median(floor);
  report(
    floorMedian > 0.2 && floorMedian < 3,
    `floor per page: median ${floorMedian.toFixed(2)} ms (profile, compile included); textContent timed in the page: median ${median(inPage).toFixed(2)} ms`,
  );
} finally {
  for (const extension of opened) await extension.close();
  await server.close();
  for (const dir of Object.values(dirs)) rmSync(dir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;

/** Per page, the timed floor's read: what the profiler says and what its own timing says, ms. */
async function profileBesideTiming(extension: OpenedExtension, urls: readonly string[]) {
  const pairs: { profiled: number; timed: number }[] = [];
  for (const url of urls) {
    let timed = NaN;
    const { profile } = await profiledVisit(extension, url, async (page) => {
      await page.waitForTimeout(PAGE_CPU_DEFAULTS.settleMs);
      timed = Number(await page.evaluate(() => document.documentElement.dataset.floorMs));
    });
    pairs.push({ profiled: extensionMs(profile, extension.id), timed });
  }
  return pairs;
}

/** One read of `document.body.textContent` per page, timed in the page's main world, ms. */
async function textContentInPage(extension: OpenedExtension | undefined, urls: readonly string[]) {
  if (!extension) throw new Error('no browser to time textContent in');
  const times: number[] = [];
  for (const url of urls) {
    const page = await extension.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    times.push(
      await page.evaluate(() => {
        const start = performance.now();
        const length = document.body.textContent?.length ?? 0;
        return performance.now() - start + length * 0;
      }),
    );
    await page.close();
  }
  return times;
}
