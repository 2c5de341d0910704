/**
 * `npm run bench` (SPEC §5): what Backstory costs, measured from outside in Debian's Chromium,
 * printed as one table. See docs/performance.md for the method and the history of the figures.
 *
 * - Every page (`outside/`): all CPU in each extension's scripts in the page's renderer (CPU
 *   profiler samples with its `chrome-extension://` frames on the stack, and the traced top-level
 *   compile of its scripts, which no sample shows, from navigation to 1.2 s after load) over the corpus pages that are not the story, beside a floor
 *   extension that reads `document.body.textContent` once, page by page in turn; with 1, 1,000
 *   and 10,000 stories (the same code built with synthetic packs, `scaled-builds.ts`). The
 *   service worker's starts and messages, cold start and heap; the heap Backstory adds to a tab;
 *   a page that never stops changing.
 * - The script on every page: its size with each library, and the gate's bytes per story.
 * - The launcher on the article, and opening the panel there (`panel-open.ts`).
 *
 * A benchmark, not a test: it prints figures and never fails on time. `BENCH_PAGES=n` measures
 * the first n corpus pages; `BENCH_SKIP_PANEL=1` leaves the panel out. Needs `npm run build`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FIXTURES, fixturePage } from '../../tests/fixtures';
import { EXTENSION_DIR } from '../lib/chromium';
import { corpusPages, CORPUS_DIR, offlineRules } from '../lib/corpus';
import { startFixtureServer } from '../lib/fixture-server';
import { runOutsideBench } from './outside/bench';
import { formatOutsideReport } from './outside/report';
import { measureLauncher, measurePanelOpen, withLateLoad } from './panel-open';
import { printLauncher, printPanelOpen } from './panel-open-report';
import { scaledBuild } from './scaled-builds';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sizeOf = (dir: string) => {
  const script = readFileSync(join(dir, 'recognizer.js'));
  return { raw: script.length, gzip: gzipSync(script).length };
};

process.stderr.write('bench: building the extension with 1,000 and 10,000 stories\n');
const builds = [
  { name: '1 story', stories: 1, dir: EXTENSION_DIR, gateBytes: NaN },
  ...[1_000, 10_000].map((stories) => {
    const build = scaledBuild(stories);
    return {
      name: `${stories.toLocaleString('en')} stories`,
      stories,
      dir: build.dir,
      gateBytes: build.library.gateBytes,
    };
  }),
];

console.log('\nThe script on every page (recognizer.js; budget 20 KB gzip):\n');
console.log('| stories | raw | gzip | gzip per story |');
console.log('| --- | --- | --- | --- |');
const base = sizeOf(EXTENSION_DIR);
for (const build of builds) {
  const size = sizeOf(build.dir);
  const perStory =
    build.stories > 1 ? `${((size.gzip - base.gzip) / (build.stories - 1)).toFixed(1)} bytes` : '—';
  console.log(`| ${build.name} | ${kb(size.raw)} | ${kb(size.gzip)} | ${perStory} |`);
}

if (corpusPages()) {
  const pages = process.env.BENCH_PAGES ? Number(process.env.BENCH_PAGES) : undefined;
  const report = await runOutsideBench({
    extensions: builds.map(({ name, dir }) => ({ name, dir })),
    ...(pages !== undefined && { pages }),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  console.log(`\n${formatOutsideReport(report)}`);
} else {
  console.log(`\nbench: no corpus at ${CORPUS_DIR}; the per-page figures need it.`);
}

const article = FIXTURES[0];
if (article && !process.env.BENCH_SKIP_PANEL) {
  const served = { url: article.url, html: fixturePage(article.file) };
  process.stderr.write('bench: the launcher on the article\n');
  const late = await startFixtureServer(withLateLoad(served));
  try {
    console.log('');
    printLauncher(
      await measureLauncher(late.localUrl(article.url), offlineRules(late.hostResolverRules)),
    );
  } finally {
    await late.close();
  }
  process.stderr.write('bench: opening the panel\n');
  const server = await startFixtureServer([served]);
  try {
    printPanelOpen(
      await measurePanelOpen(server.localUrl(article.url), offlineRules(server.hostResolverRules)),
    );
  } finally {
    await server.close();
  }
}
