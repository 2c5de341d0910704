/**
 * The part of the benchmark that runs inside the page (bundled by `scripts/bench/bundle.ts` and
 * injected into each page): times reading `document.body.textContent` once, and recognition
 * (reading the page + the engine) against each index it is given.
 */
import type { CompiledIndex } from '../../utils/recognition/compiled';
import { readPage } from '../../utils/page/read-page';
import { recognize } from '../../utils/recognition/recognize';

/** One page's timings, in milliseconds per run. */
export interface PageCost {
  textContent: number;
  /** Recognition per index name. */
  recognition: Record<string, number>;
  /** Of which: reading the page (address, canonical link, main text). */
  readPage: number;
  /** The verdict kind with each index (null for none). */
  verdicts: Record<string, string | null>;
  textLength: number;
  elements: number;
}

let sink = 0;

/** Mean time of `run`, repeated for at least `budgetMs` after one warm-up call. */
function perRun(run: () => number, budgetMs: number): number {
  sink += run();
  const start = performance.now();
  let runs = 0;
  let now = start;
  do {
    sink += run();
    runs += 1;
    now = performance.now();
  } while (now - start < budgetMs);
  return (now - start) / runs;
}

/**
 * Measures the current document. Each measurement is repeated for `budgetMs` (the browser's timer
 * is coarse), in `rounds` interleaved rounds, keeping the fastest round: the usual way to keep
 * a busy machine's noise out of micro-benchmarks.
 */
export function measure(
  indexes: Record<string, CompiledIndex>,
  rounds = 3,
  budgetMs = 30,
): PageCost {
  const doc = document;
  let textContent = Infinity;
  const recognition: Record<string, number> = {};
  let read = Infinity;
  for (let round = 0; round < rounds; round++) {
    read = Math.min(
      read,
      perRun(() => readPage(doc).text.length, budgetMs),
    );
    textContent = Math.min(
      textContent,
      perRun(() => (doc.body.textContent ?? '').length, budgetMs),
    );
    for (const [name, index] of Object.entries(indexes)) {
      const cost = perRun(() => (recognize(readPage(doc), index) ? 1 : 0), budgetMs);
      recognition[name] = Math.min(recognition[name] ?? Infinity, cost);
    }
  }
  const verdicts: Record<string, string | null> = {};
  for (const [name, index] of Object.entries(indexes)) {
    verdicts[name] = recognize(readPage(doc), index)?.kind ?? null;
  }
  return {
    textContent,
    recognition,
    readPage: read,
    verdicts,
    textLength: (doc.body.textContent ?? '').length + (sink > 0 ? 0 : 0),
    elements: doc.getElementsByTagName('*').length,
  };
}
