/**
 * Per page, the CPU an extension's scripts cost in the page's renderer (compiling and running them,
 * and the DOM calls they make), read from outside with the V8 sampling profiler. Several
 * extensions are measured in the same run, one browser each, alternating page by page and
 * rotating which goes first.
 */
import type { OpenedExtension } from './browser';
import { extensionIdsIn, extensionTime, samplingSummary, type SamplingSummary } from './profile';
import { profiledVisit, VISIT_DEFAULTS, type VisitOptions, type VisitRoute } from './visit';

/** How the pages are visited. */
export interface PageCpuOptions extends VisitOptions {
  /** Time after the load event still counted, ms (deferred work: idle callbacks, timers). */
  settleMs: number;
  /** Called before each visit, e.g. to stop the extension's worker (see `worker-pages.ts`). */
  beforeVisit?: (extension: OpenedExtension, url: string) => Promise<void>;
  /** Called after each page has been visited with every extension. */
  onPage?: (row: PageCpuRow, index: number, total: number) => void;
}

/** Default: 1.2 s after the load event. */
export const PAGE_CPU_DEFAULTS: PageCpuOptions = { ...VISIT_DEFAULTS, settleMs: 1200 };

/** One extension's figures on one page. */
export interface PageCpuVisit {
  /** CPU in the extension's scripts, ms (NaN when the visit failed). */
  cpuMs: number;
  /** Of which garbage collection that interrupted them (see `extensionTime`). */
  gcMs: number;
  /**
   * Of which compiling the extension's scripts at their top level, from the trace: the profiler
   * does not see it (see `ProfiledVisit.compiles`), so it is added to what it sampled.
   */
  compileMs: number;
  loadMs: number;
  sampling: SamplingSummary | null;
  /**
   * Whether the profile shows the page was profiled at all: a sample in the page's own scripts or
   * in the extension's (a page with no script of its own and an extension too quick to be sampled
   * shows neither).
   */
  covered: boolean;
  /** How the profiler was started (the fallback only after a lost profile, see `visit.ts`). */
  route: VisitRoute | null;
  /** Why the visit failed, after one retry. */
  error?: string;
}

/** One page's figures, per extension name. */
export interface PageCpuRow {
  url: string;
  visits: Record<string, PageCpuVisit>;
}

/**
 * Visits every page of `urls` with every extension of `extensions` (in turn, the order rotated by
 * one each page so none is always first) and returns the figures page by page.
 */
export async function measurePageCpu(
  extensions: readonly OpenedExtension[],
  urls: readonly string[],
  options: PageCpuOptions = PAGE_CPU_DEFAULTS,
): Promise<PageCpuRow[]> {
  const rows: PageCpuRow[] = [];
  for (const [index, url] of urls.entries()) {
    const visits: Record<string, PageCpuVisit> = {};
    for (const extension of rotate(extensions, index)) {
      visits[extension.name] = await visitWithRetry(extension, url, options);
    }
    const row = { url, visits };
    rows.push(row);
    options.onPage?.(row, index, urls.length);
  }
  return rows;
}

/** `items` rotated left by `by` places. */
export function rotate<T>(items: readonly T[], by: number): T[] {
  const shift = items.length === 0 ? 0 : by % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

async function visitWithRetry(
  extension: OpenedExtension,
  url: string,
  options: PageCpuOptions,
): Promise<PageCpuVisit> {
  let lastError: unknown;
  for (const route of ['new-tab', 'same-site-blank'] as const) {
    try {
      return await visitOnce(extension, url, options, route);
    } catch (error) {
      lastError = error;
    }
  }
  return {
    cpuMs: NaN,
    gcMs: NaN,
    compileMs: NaN,
    loadMs: NaN,
    sampling: null,
    covered: false,
    route: null,
    error: String(lastError),
  };
}

async function visitOnce(
  extension: OpenedExtension,
  url: string,
  options: PageCpuOptions,
  route: VisitRoute,
): Promise<PageCpuVisit> {
  await options.beforeVisit?.(extension, url);
  const { profile, compiles, loadMs } = await profiledVisit(
    extension,
    url,
    (page) => page.waitForTimeout(options.settleMs),
    options,
    route,
  );
  // Only this browser's one extension may show up: anything else means a wrong id.
  const strangers = extensionIdsIn(profile).filter((id) => id !== extension.id);
  if (strangers.length > 0) {
    throw new Error(
      `${extension.name}: profile shows ${strangers.join(', ')}, not ${extension.id}`,
    );
  }
  const time = extensionTime(profile, extension.id);
  const origin = `${new URL(url).origin}/`;
  const covered =
    time.scriptMs > 0 || profile.nodes.some((node) => node.callFrame.url.startsWith(origin));
  const sampling = samplingSummary(profile);
  const own = `chrome-extension://${extension.id}/`;
  const compileMs = compiles
    .filter((compile) => compile.url.startsWith(own))
    .reduce((sum, compile) => sum + compile.ms, 0);
  return {
    cpuMs: time.totalMs + compileMs,
    gcMs: time.gcMs,
    compileMs,
    loadMs,
    sampling,
    covered: covered || compileMs > 0,
    route,
  };
}
