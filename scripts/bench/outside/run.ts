/**
 * `npx tsx scripts/bench/outside/run.ts [--pages N] [--settle MS] [name=DIR ...]`: the outside benchmark (see
 * `bench.ts`) for the extensions given (default `backstory=.output/chrome-mv3`, which must be
 * built), beside the floor. Prints one line per page, then the summary table; writes the whole
 * report to `bench-output/outside/report.json` and the per-page table beside it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ExtensionUnderTest } from './browser';
import { runOutsideBench } from './bench';
import { formatOutsideReport, formatPageTable } from './report';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Reads `--pages N`, `--settle MS` and `name=DIR` arguments. */
function parseArguments(args: readonly string[]): {
  pages?: number;
  settleMs?: number;
  extensions: ExtensionUnderTest[];
} {
  let pages: number | undefined;
  let settleMs: number | undefined;
  const extensions: ExtensionUnderTest[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--pages') {
      pages = Number(args[++i]);
      if (!Number.isInteger(pages) || pages < 1)
        throw new Error(`--pages wants a count, not ${args[i]}`);
    } else if (arg === '--settle') {
      settleMs = Number(args[++i]);
      if (!(settleMs >= 0)) throw new Error(`--settle wants milliseconds, not ${args[i]}`);
    } else if (/^[\w-]+=/.test(arg)) {
      const [name = '', ...dir] = arg.split('=');
      extensions.push({ name, dir: resolve(dir.join('=')) });
    } else {
      throw new Error(`usage: run.ts [--pages N] [--settle MS] [name=DIR ...] (not "${arg}")`);
    }
  }
  if (extensions.length === 0) {
    extensions.push({ name: 'backstory', dir: join(ROOT, '.output/chrome-mv3') });
  }
  return { pages, settleMs, extensions };
}

const { pages, settleMs, extensions } = parseArguments(process.argv.slice(2));
const report = await runOutsideBench({
  extensions,
  pages,
  settleMs,
  log: (line) => console.log(line),
});
const outDir = join(ROOT, 'bench-output/outside');
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
writeFileSync(join(outDir, 'pages.md'), `${formatPageTable(report)}\n`);
console.log(`\n${formatOutsideReport(report)}\n\nPer page: ${join(outDir, 'pages.md')}`);
