/**
 * Sums up `measurePageCpu`'s rows: per extension, the median and p90 over pages, and set against
 * the floor measured in the same run, page by page.
 */
import type { PageCpuRow } from './page-cpu';
import { median, quantile, ratioToFloor, spread, type RatioToFloor, type Spread } from './stats';

/** One extension's page CPU over the run. */
export interface PageCpuSummary {
  name: string;
  /** Pages measured with every extension (failed visits leave a page out for all). */
  pages: number;
  /** CPU per page in the extension's scripts, ms. */
  cpuMs: Spread;
  /** Of which compiling its scripts at their top level (traced, not sampled), ms. */
  compileMs: Spread;
  /** Against the floor (null for the floor itself, or without one). */
  vsFloor: RatioToFloor | null;
  /** Pages on which not one profiler sample landed in the extension's scripts. */
  pagesWithoutSamples: number;
  /** Median sampling interval over its visits, µs. */
  medianIntervalUs: number;
  /** 90th percentile over visits of the longest gap between samples, ms. */
  p90MaxGapMs: number;
  /** Median time to the load event, ms. */
  medianLoadMs: number;
  /** Visits whose profile showed neither the page's scripts nor the extension's. */
  visitsUncovered: number;
  /** Visits whose profile was lost on the new-tab route and redone via a same-site blank page. */
  visitsViaBlank: number;
}

/** Per-extension summaries of `rows`; `floorName` names the floor among the extensions. */
export function summarizePageCpu(
  rows: readonly PageCpuRow[],
  names: readonly string[],
  floorName: string | null,
): PageCpuSummary[] {
  const complete = rows.filter((row) =>
    names.every((name) => Number.isFinite(row.visits[name]?.cpuMs)),
  );
  const cpuOf = (name: string) => complete.map((row) => row.visits[name]?.cpuMs ?? NaN);
  const floor = floorName ? cpuOf(floorName) : null;
  return names.map((name) => {
    const visits = complete.map((row) => row.visits[name]).filter((visit) => visit !== undefined);
    const cpu = cpuOf(name);
    return {
      name,
      pages: complete.length,
      cpuMs: spread(cpu),
      compileMs: spread(visits.map((visit) => visit.compileMs)),
      vsFloor: floor && name !== floorName ? ratioToFloor(cpu, floor) : null,
      pagesWithoutSamples: cpu.filter((value) => value === 0).length,
      medianIntervalUs: median(visits.map((visit) => visit.sampling?.medianIntervalUs ?? NaN)),
      p90MaxGapMs: quantile(
        visits.map((visit) => visit.sampling?.maxGapMs ?? NaN),
        0.9,
      ),
      medianLoadMs: median(visits.map((visit) => visit.loadMs)),
      visitsUncovered: visits.filter((visit) => !visit.covered).length,
      visitsViaBlank: visits.filter((visit) => visit.route === 'same-site-blank').length,
    };
  });
}
