/**
 * The outside benchmark's report as Markdown: one summary table (a row per extension), the notes
 * needed to read it, and optionally the per-page table.
 */
import type { OutsideBenchReport } from './bench';

const MB = 1024 * 1024;

/** The summary table and its notes. */
export function formatOutsideReport(report: OutsideBenchReport): string {
  const first = report.pageSummaries.find((summary) => summary.name === report.names[0]);
  const header = [
    'extension',
    'CPU/page median ms',
    'p90 ms',
    'mean ms',
    'of which top-level compile, median ms',
    '× floor of medians',
    '× floor of p90s',
    '× floor of means',
    `× ${report.names[0] ?? 'first'} of medians`,
    'worker starts /100 pages',
    'messages /100 pages',
    'worker script KB raw / gzip',
    'worker cold start CPU ms (in script)',
    'worker heap MB',
    'tab heap Δ vs floor MB',
    'ticker ms / 60 s',
  ];
  const rows = report.names.map((name) => {
    const page = report.pageSummaries.find((summary) => summary.name === name);
    const worker = report.workers[name];
    const heap = report.heap.readings.find((reading) => reading.name === name);
    const ticker = report.ticker.find((reading) => reading.name === name);
    return [
      name,
      fixed(page?.cpuMs.median, 2),
      fixed(page?.cpuMs.p90, 2),
      fixed(page?.cpuMs.mean, 2),
      fixed(page?.compileMs.median, 2),
      fixed(page?.vsFloor?.ofMedians, 2),
      fixed(page?.vsFloor?.ofP90s, 2),
      fixed(page?.vsFloor?.ofMeans, 2),
      name === report.floorName || !page || !first
        ? '–'
        : fixed(page.cpuMs.median / first.cpuMs.median, 2),
      fixed(worker?.startsPer100Pages, 0),
      fixed(worker?.messagesPer100Pages, 0),
      worker?.script
        ? `${fixed(worker.script.rawBytes / 1024, 1)} / ${fixed(worker.script.gzipBytes / 1024, 1)}`
        : '–',
      worker?.coldStart
        ? `${fixed(worker.coldStart.median.busyMs, 1)} (${fixed(worker.coldStart.median.scriptMs, 1)})`
        : '–',
      fixed(worker?.coldStart ? worker.coldStart.median.heapAfterGcBytes / MB : undefined, 2),
      heap?.overFloor == null ? '–' : fixed(heap.overFloor / MB, 2),
      fixed(ticker?.msPer60s, 1),
    ];
  });
  return [table(header, rows), '', ...notes(report)].join('\n');
}

/** Per page, each extension's CPU in ms and what each worker did, as a Markdown table. */
export function formatPageTable(report: OutsideBenchReport): string {
  const watched = Object.keys(report.workers);
  const rows = report.pageRows.map((row) => [
    row.url.replace(/^http:\/\/corpus\.test\//, ''),
    ...report.names.map((name) => fixed(row.visits[name]?.cpuMs, 2)),
    ...watched.map((name) => {
      const counts = report.pageWorkers[row.url]?.[name];
      return counts ? `${counts.starts} / ${counts.messages}` : '–';
    }),
  ]);
  const header = [
    'page',
    ...report.names.map((name) => `${name} ms`),
    ...watched.map((name) => `${name} worker starts / messages`),
  ];
  return table(header, rows);
}

function notes(report: OutsideBenchReport): string[] {
  const floor = report.pageSummaries.find((summary) => summary.name === report.floorName);
  const lines = [
    `- ${report.pageCount} corpus pages, each visited once per extension, alternating and rotating the order; CPU counted from navigation to ${report.settleMs} ms after the load event, in stacks with a frame from the extension's chrome-extension:// scripts (V8 sampling profiler), plus the top-level compile of those scripts, which no sample can show (\`v8.compile\` trace events).`,
    `- Sampling: median interval ${fixed(floor?.medianIntervalUs, 0)} µs; p90 of each visit's longest gap ${fixed(floor?.p90MaxGapMs, 1)} ms. Pages with no sample in the extension: ${report.pageSummaries.map((summary) => `${summary.name} ${summary.pagesWithoutSamples}`).join(', ')}.`,
    `- Visits redone via a same-site blank page after a lost profile: ${report.pageSummaries.map((summary) => `${summary.name} ${summary.visitsViaBlank}`).join(', ')}; visits whose profile shows neither the page's scripts nor the extension's: ${report.pageSummaries.map((summary) => `${summary.name} ${summary.visitsUncovered}`).join(', ')}.`,
    '- Worker: stopped before every page visit (as after 30 s idle), so starts /100 pages = visits that woke it; messages = runtime.onMessage events. Cold start: median of restarts with no event, CPU of the worker thread until 1 s after running (in its own script in brackets), heap after a full GC.',
    `- Tab heap: used JS heap after a full GC, 2 s after load, on ${report.heap.pageUrl}; median of runs minus the floor's (whole isolate, not the isolated world alone).`,
    `- Ticker: ${TICKER_NOTE}; cards added while profiled: ${report.ticker.map((reading) => `${reading.name} ${reading.cardsAdded}`).join(', ')}.`,
    `- Machine: 1-minute load average during the pages median ${fixed(report.loadAverage.median, 1)}, max ${fixed(report.loadAverage.max, 1)}, on ${report.loadAverage.cores} cores${report.loadAverage.median > report.loadAverage.cores ? ' (BUSY: other work inflates every figure here; rerun on a quiet machine)' : ''}.`,
    `- Ids: ${report.names.map((name) => `${name} ${report.ids[name]}`).join(', ')}. Took ${fixed(report.durationMs / 60_000, 1)} min: pages ${fixed(report.phaseMs.pages / 60_000, 1)} min (${fixed(report.phaseMs.pages / 1000 / (report.pageCount * report.names.length), 2)} s a visit), worker cold starts ${fixed(report.phaseMs.coldStarts / 1000, 0)} s, heap ${fixed(report.phaseMs.heap / 1000, 0)} s, ticker ${fixed(report.phaseMs.ticker / 1000, 0)} s.`,
  ];
  return lines;
}

const TICKER_NOTE =
  'http://ticker.test/live (a line every 100 ms, a 1,500-character card every second), profiled after load, all tabs at once';

function table(header: readonly string[], rows: readonly string[][]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function fixed(value: number | undefined, digits: number): string {
  return value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits);
}
