/**
 * Where an extension's time on a page goes, function by function: the corpus pages visited as in
 * `page-cpu.ts` (fresh tab, profiler from the empty document to 1.2 s after load), and every
 * sample with the extension on its stack counted for the innermost frame (V8's own entries such
 * as "(program)" or a DOM getter stand for themselves) under the extension's innermost function,
 * each sample weighted as `page-cpu.ts` weighs it (`sampleWeightsUs`).
 * Build without minifying (`NO_MINIFY=1 npx wxt build`) for readable names.
 *
 *   npx tsx scripts/bench/outside/functions.ts [--pages N] [--ticker] [DIR]
 *
 * DIR defaults to .output/chrome-mv3; `--ticker` profiles the ticker page (`ticker-page.ts`) for
 * 60 s after its load instead of the corpus pages.
 */
import { corpusPages, offlineRules } from '../../lib/corpus';
import { startFixtureServer } from '../../lib/fixture-server';
import { openExtension } from './browser';
import { blankPagesFor } from './pages';
import { sampleWeightsUs, type CpuProfile } from './profile';
import { tickerPage } from './ticker-page';
import { profiledVisit } from './visit';

const args = process.argv.slice(2);
const pagesAt = args.indexOf('--pages');
const pageCount = pagesAt >= 0 ? Number(args[pagesAt + 1]) : 20;
const dir = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--pages');

const ticker = args.includes('--ticker');
const corpus = ticker ? [tickerPage()] : corpusPages();
if (!corpus) throw new Error('no corpus: set CORPUS_DIR');
const pages = corpus.slice(0, pageCount);
const server = await startFixtureServer([...pages, ...blankPagesFor(pages)]);
const extension = await openExtension(
  { name: 'backstory', dir: dir ?? '.output/chrome-mv3' },
  offlineRules(server.hostResolverRules),
);
const totals = new Map<string, number>();
const lineTicks = new Map<string, number>();
try {
  for (const page of pages) {
    const { profile } = await profiledVisit(extension, page.url, (tab) =>
      tab.waitForTimeout(ticker ? 60_000 : 1200),
    );
    for (const [key, ms] of byFunction(profile, `chrome-extension://${extension.id}/`)) {
      totals.set(key, (totals.get(key) ?? 0) + ms);
    }
  }
} finally {
  await extension.close();
  await server.close();
}
const rows = [...totals].sort((a, b) => b[1] - a[1]);
const sum = rows.reduce((total, [, ms]) => total + ms, 0);
console.log(`${pages.length} pages, ${(sum / pages.length).toFixed(2)} ms a page in the extension`);
for (const [key, ms] of rows.slice(0, 40)) {
  console.log(`${(ms / pages.length).toFixed(3).padStart(8)} ms  ${key}`);
}

if (process.env.LINES) {
  for (const [line, ticks] of [...lineTicks].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`${ticks} ticks  ${line}`);
}

/** Ms per "innermost extension function > innermost frame" in one profile. */
function byFunction(profile: CpuProfile, prefix: string): Map<string, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const keyOf = new Map<number, string | null>();
  for (const node of profile.nodes) {
    let key: string | null = null;
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const frame = byId.get(id)?.callFrame;
      if (frame?.url.startsWith(prefix)) {
        const file = frame.url.slice(prefix.length);
        const own = `${file}:${frame.functionName || '(anonymous)'}@${(frame.lineNumber ?? -1) + 1}`;
        const leaf = node.callFrame;
        if (id === node.id && process.env.LINES) {
          for (const tick of (node as { positionTicks?: { line: number; ticks: number }[] })
            .positionTicks ?? []) {
            lineTicks.set(
              `${file}:${tick.line}`,
              (lineTicks.get(`${file}:${tick.line}`) ?? 0) + tick.ticks,
            );
          }
        }
        key = id === node.id ? own : `${own} > ${leaf.functionName || leaf.url || '?'}`;
        break;
      }
    }
    keyOf.set(node.id, key);
  }
  const result = new Map<string, number>();
  const weights = sampleWeightsUs(profile);
  (profile.samples ?? []).forEach((id, i) => {
    const key = keyOf.get(id);
    if (key) result.set(key, (result.get(key) ?? 0) + (weights[i] ?? 0) / 1000);
  });
  return result;
}
