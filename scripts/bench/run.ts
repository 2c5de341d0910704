/**
 * `npm run bench`: the recognition benchmark (SPEC §5), in Debian's Chromium, over the corpus of
 * real news pages and the story's own pages. For each page it times reading
 * `document.body.textContent` once and recognition (reading the page and running the engine) with
 * the real index and with 1,000 packs, and reports ratios: recognition / textContent (target ≤ 2x,
 * median over pages that are not the story) and 1,000 packs / 1 pack (target ≤ 1.5x). It also
 * reports the gzip size of the script injected into every page (target ≤ 20 KB). A benchmark, not
 * a test: it prints figures and never fails on time. Needs `npm run build` (the script runs it).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import recognition from '../../data/generated/recognition.json';
import { buildIndex } from '../../utils/recognition/compile';
import type { CompiledIndex } from '../../utils/recognition/compiled';
import { FIXTURES, fixturePage } from '../../tests/fixtures';
import { CHROMIUM_FLAGS, chromiumPath, EXTENSION_DIR } from '../lib/chromium';
import { corpusPages, CORPUS_DIR, offlineRules } from '../lib/corpus';
import { startFixtureServer, type ServedPage } from '../lib/fixture-server';
import { bundleInPage } from './bundle';
import type { PageCost } from './in-page';
import { measurePanelOpen, type PanelOpenReport } from './panel-open';
import { syntheticPacks, vocabularyOf } from './synthetic-packs';

const ROOT = resolve(import.meta.dirname, '../..');
const one = recognition as CompiledIndex;
const article = readFileSync(
  join(ROOT, 'data/packs/nbc-russians-kazakhstan-2022/article.txt'),
  'utf8',
);
const thousand = buildIndex([...one.packs, ...syntheticPacks(999, vocabularyOf(article))]);

// BENCH_ONLY=regex measures only the pages whose address matches (for looking into one page).
const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;

// The story's pages: the article at its address, and its copies and related coverage elsewhere.
const storyPages: ServedPage[] = FIXTURES.filter((entry) => entry.expect !== null)
  .filter((entry) => !only || only.test(entry.url))
  .filter((entry, i, all) => all.findIndex((other) => other.file === entry.file) === i)
  .map((entry) => ({ url: entry.url, html: fixturePage(entry.file) }));
const corpus = (corpusPages() ?? []).filter((page) => !only || only.test(page.url));
if (corpus.length === 0 && !only) {
  console.log(`bench: no corpus at ${CORPUS_DIR}; story pages only.`);
}

const server = await startFixtureServer([...corpus, ...storyPages]);
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: [...CHROMIUM_FLAGS, `--host-resolver-rules=${offlineRules(server.hostResolverRules)}`],
});
// The engine goes in before each page's own scripts (and past its CSP); the indexes go in as one
// JSON string, which crosses into the page far faster than a deep object.
const script = `${await bundleInPage()}\nglobalThis.backstoryBench = backstoryBench;`;
const indexes = JSON.stringify({ one, thousand });
const results: { url: string; story: boolean; cost: PageCost }[] = [];
let panelOpen: PanelOpenReport | null = null;
try {
  const context = await browser.newContext();
  await context.addInitScript({ content: script });
  const page = await context.newPage();
  const all = [...corpus, ...storyPages];
  for (const [i, served] of all.entries()) {
    process.stderr.write(`\rbench: page ${i + 1} of ${all.length}`);
    await page.goto(server.localUrl(served.url), { waitUntil: 'load', timeout: 30_000 });
    const cost = await page.evaluate(
      (json) =>
        (globalThis as unknown as BenchGlobal).backstoryBench.measure(
          JSON.parse(json) as Record<string, CompiledIndex>,
        ),
      indexes,
    );
    results.push({ url: served.url, story: storyPages.includes(served), cost });
  }
  process.stderr.write('\n');
  await browser.close();
  // Opening the panel, with the built extension, on the article at its address.
  const articleUrl = FIXTURES[0]?.url;
  if (articleUrl && (!only || only.test(articleUrl))) {
    process.stderr.write('bench: opening the panel\n');
    panelOpen = await measurePanelOpen(
      server.localUrl(articleUrl),
      offlineRules(server.hostResolverRules),
    );
  }
} finally {
  await browser.close();
  await server.close();
}

interface BenchGlobal {
  backstoryBench: { measure(indexes: Record<string, CompiledIndex>): PageCost };
}

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))] ?? NaN;
};
const ratio = (value: number) => `${value.toFixed(2)}x`;
const summary = (label: string, rows: typeof results) => {
  if (rows.length === 0) return;
  const vsText = rows.map((row) => (row.cost.recognition.one ?? NaN) / row.cost.textContent);
  const vsPacks = rows.map(
    (row) => (row.cost.recognition.thousand ?? NaN) / (row.cost.recognition.one ?? NaN),
  );
  const ms = rows.map((row) => row.cost.recognition.one ?? NaN);
  const passed = (name: string) => rows.filter((row) => row.cost.gated[name]).length;
  console.log(
    `${label.padEnd(30)} pages ${String(rows.length).padStart(3)}   recognition/textContent ` +
      `median ${ratio(quantile(vsText, 0.5))} p90 ${ratio(quantile(vsText, 0.9))}   ` +
      `1,000/1 packs median ${ratio(quantile(vsPacks, 0.5))} p90 ${ratio(quantile(vsPacks, 0.9))}   ` +
      `recognition median ${quantile(ms, 0.5).toFixed(2)} ms p90 ${quantile(ms, 0.9).toFixed(2)} ms   ` +
      `past the gate: ${passed('one')} (1 pack), ${passed('thousand')} (1,000 packs)`,
  );
};

if (process.argv.includes('--pages')) {
  for (const { url, cost } of results) {
    const one = cost.recognition.one ?? NaN;
    console.log(
      `${url.padEnd(70)} text ${cost.textContent.toFixed(3)} ms  recognition ${one.toFixed(3)} ms ` +
        `(read ${cost.readPage.toFixed(3)} ms) ` +
        `(${ratio(one / cost.textContent)})  1,000 packs ${ratio((cost.recognition.thousand ?? NaN) / one)}  ` +
        `gate ${cost.gated.one ? 'pass' : 'stop'}/${cost.gated.thousand ? 'pass' : 'stop'}  ` +
        `${cost.verdicts.one ?? 'none'}`,
    );
  }
}
const wrong = results.filter(({ cost }) => cost.verdicts.one !== cost.verdicts.thousand);
summary(
  'corpus (not the story)',
  results.filter((row) => !row.story),
);
summary(
  "the story's pages",
  results.filter((row) => row.story),
);
const injected = readFileSync(join(EXTENSION_DIR, 'content-scripts/recognizer.js'));
console.log(
  `injected script content-scripts/recognizer.js: ${(gzipSync(injected).length / 1024).toFixed(1)} KB gzip ` +
    `(${(injected.length / 1024).toFixed(1)} KB raw)`,
);
console.log(
  `index sizes: 1 pack ${(JSON.stringify(one).length / 1024).toFixed(0)} KB, ` +
    `1,000 packs ${(JSON.stringify(thousand).length / 1024).toFixed(0)} KB (JSON)`,
);
if (wrong.length > 0) {
  console.log(`note: ${wrong.length} page(s) got another verdict with 1,000 packs:`);
  for (const { url, cost } of wrong) console.log(`  ${url}: ${JSON.stringify(cost.verdicts)}`);
}

if (panelOpen) {
  console.log(
    `launcher on the article (median of ${panelOpen.runs}; budget 50 ms): ` +
      `${panelOpen.launcher.afterDomContentLoaded.toFixed(1)} ms after DOMContentLoaded, ` +
      `${panelOpen.launcher.afterLoad.toFixed(1)} ms after the load event`,
  );
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const cost = (open: PanelOpenReport['first']) =>
    `press to first frame ${ms(open.firstFrame)}, script ${ms(open.script)}, ` +
    `style and layout ${ms(open.styleAndLayout)}, longest task ${ms(open.longestTask)} ` +
    `(CPU ${ms(open.longestTaskCpu)}), tasks over 16 ms: ${open.longTasks} (CPU ${open.longTasksCpu})`;
  const { prepare } = panelOpen;
  console.log(
    `panel open (median of ${panelOpen.runs}; one frame is 16.7 ms):\n` +
      `  drawn ahead, hidden, on idle (no press): ${ms(prepare.span)} from injection, ` +
      `script ${ms(prepare.script)}, style and layout ${ms(prepare.styleAndLayout)}, ` +
      `longest task ${ms(prepare.longestTask)} (CPU ${ms(prepare.longestTaskCpu)}), ` +
      `tasks over 16 ms: ${prepare.longTasks} (CPU ${prepare.longTasksCpu})\n` +
      `  first press: ${cost(panelOpen.first)}\n  reopen:      ${cost(panelOpen.reopen)}`,
  );
  console.log(
    `panel script ${kb(panelOpen.panelScript)} + map data ${kb(panelOpen.mapData)} = ` +
      `${kb(panelOpen.panelScript + panelOpen.mapData)} gzip (budget 80 KB)`,
  );
}
