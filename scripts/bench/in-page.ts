/**
 * The part of the benchmark that runs inside the page (bundled by `scripts/bench/bundle.ts` and
 * injected into each page): times reading `document.body.textContent` once, and recognition
 * (`recognizePage`: address, canonical link, the name gate on the page's text, and for pages that
 * pass it the main text and the engine) against each index it is given.
 */
import type { CompiledIndex } from '../../utils/recognition/compiled';
import { passesGate } from '../../utils/recognition/gate';
import { THRESHOLDS } from '../../utils/recognition/recognize';
import { readPage } from '../../utils/page/read-page';
import { recognizePage } from '../../utils/page/recognize-page';

/** One page's timings, in milliseconds per run. */
export interface PageCost {
  textContent: number;
  /** Recognition per index name. */
  recognition: Record<string, number>;
  /** Reading the page's main text and links as the engine needs them (pages past the gate). */
  readPage: number;
  /** Whether the page passed the name gate, per index name. */
  gated: Record<string, boolean>;
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
      const cost = perRun(() => (recognizePage(doc, index).verdict ? 1 : 0), budgetMs);
      recognition[name] = Math.min(recognition[name] ?? Infinity, cost);
    }
  }
  const verdicts: Record<string, string | null> = {};
  const gated: Record<string, boolean> = {};
  for (const [name, index] of Object.entries(indexes)) {
    verdicts[name] = recognizePage(doc, index).verdict?.kind ?? null;
    gated[name] = passesGate(
      doc.body.textContent ?? '',
      index.gate,
      THRESHOLDS.relatedNames,
      doc.title,
    );
  }
  return {
    textContent,
    recognition,
    readPage: read,
    gated,
    verdicts,
    textLength: (doc.body.textContent ?? '').length + (sink > 0 ? 0 : 0),
    elements: doc.getElementsByTagName('*').length,
  };
}
