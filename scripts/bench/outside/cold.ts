/**
 * What a script costs a page cold, timed from inside: each script is evaluated in a new isolated
 * world of a corpus page (what the browser gives a content script), its source made unique so
 * that V8 compiles it anew, and timed with `performance.now()` around its compile and its
 * synchronous run. The scripts take turns on each page, in a new order each round; the figure per
 * page is the median of its rounds, then median, p90 and mean over pages.
 *
 * A tool for comparing versions of the script on every page, not `npm run bench`'s figure: no
 * sampling gaps, so small differences show in a few minutes, but `performance.now()` moves in
 * steps of 0.1 ms here, and what a script does later (its observer, its timers) is not counted.
 *
 *   npx tsx scripts/bench/outside/cold.ts [--pages N] [--rounds N] name=script.js ...
 *
 * For example the built script beside the floor's one line:
 *
 *   echo 'document.body.textContent.length;' > /tmp/floor.js
 *   npx tsx scripts/bench/outside/cold.ts floor=/tmp/floor.js backstory=.output/chrome-mv3/recognizer.js
 */
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumPath, CHROMIUM_FLAGS } from '../../lib/chromium';
import { corpusPages, offlineRules } from '../../lib/corpus';
import { startFixtureServer } from '../../lib/fixture-server';
import { median, spread } from './stats';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const pageCount = option('--pages', 30);
const rounds = option('--rounds', 3);
const scripts = args
  .filter((arg) => /^[\w-]+=/.test(arg))
  .map((arg) => {
    const [name = '', ...path] = arg.split('=');
    return { name, source: readFileSync(path.join('='), 'utf8') };
  });
if (scripts.length === 0)
  throw new Error('usage: cold.ts [--pages N] [--rounds N] name=file.js ...');

const corpus = corpusPages();
if (!corpus) throw new Error('no corpus: set CORPUS_DIR');
const pages = corpus.slice(0, pageCount);
const server = await startFixtureServer(pages);
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: [...CHROMIUM_FLAGS, `--host-resolver-rules=${offlineRules(server.hostResolverRules)}`],
});
const context = await browser.newContext();
const perPage = new Map(scripts.map(({ name }) => [name, [] as number[]]));
let worlds = 0;

/** Ms to compile and run `source` in a new isolated world of a fresh tab showing `url`. */
async function coldRun(url: string, source: string): Promise<number> {
  const tab = await context.newPage();
  try {
    await tab.goto(url, { waitUntil: 'load' }).catch(() => undefined);
    const cdp = await context.newCDPSession(tab);
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: `cold-${worlds++}`,
    });
    const unique = `${source}\n// ${worlds}`;
    const expression = `(() => {
      const source = ${JSON.stringify(unique)};
      const start = performance.now();
      (0, eval)(source);
      return performance.now() - start;
    })()`;
    const { result } = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: executionContextId,
      returnByValue: true,
    });
    return result.value as number;
  } finally {
    await tab.close();
  }
}

/** A copy of `items` in a uniformly random order (Fisher–Yates). */
function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

try {
  for (const page of pages) {
    const times = new Map(scripts.map(({ name }) => [name, [] as number[]]));
    for (let round = 0; round < rounds; round++) {
      const order = shuffled(scripts);
      for (const { name, source } of order) times.get(name)?.push(await coldRun(page.url, source));
    }
    const line = scripts.map(({ name }) => `${name} ${median(times.get(name) ?? []).toFixed(2)}`);
    console.log(`${page.url.split('/').pop()}: ${line.join(', ')} ms`);
    for (const { name } of scripts) perPage.get(name)?.push(median(times.get(name) ?? []));
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`\n${pages.length} pages, ${rounds} rounds (ms: median / p90 / mean over pages)`);
for (const { name } of scripts) {
  const { median: middle, p90, mean } = spread(perPage.get(name) ?? []);
  console.log(`${name}: ${middle.toFixed(2)} / ${p90.toFixed(2)} / ${mean.toFixed(2)}`);
}
