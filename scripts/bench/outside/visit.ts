/**
 * One profiled page visit in a fresh tab: the renderer's CPU profiler starts on the tab's initial
 * empty document, then the tab opens the page. Chromium gives a new tab's first navigation the
 * process of its empty document, so the profiled isolate is the page's.
 *
 * A cross-site navigation can instead move the tab to a new renderer process and leave the
 * profiler behind (`Profiler.stop` then fails). The fallback, `via: 'same-site-blank'`, first
 * sends the tab to an empty page on the page's own host and starts the profiler there: a same-site
 * navigation keeps the process. It is not the default because the extension's content scripts
 * run on that empty page too: their messages would be counted with the page's, and their
 * `document_idle` work can land inside the profiled window.
 */
import type { CDPSession, Page } from '@playwright/test';
import type { OpenedExtension } from './browser';
import { blankUrlFor } from './pages';
import type { CpuProfile } from './profile';

/** How a visit is profiled. */
export interface VisitOptions {
  /** Requested sampling interval, µs (what the sampler really gives is in the profile). */
  samplingIntervalUs: number;
  /** Longest wait for the page's load event, ms. */
  loadTimeoutMs: number;
}

/** Default visit options: 50 µs sampling (≈110 µs in practice here), 30 s to load. */
export const VISIT_DEFAULTS: VisitOptions = { samplingIntervalUs: 50, loadTimeoutMs: 30_000 };

/** Where the profiler starts: the new tab's empty document, or an empty page on the same host. */
export type VisitRoute = 'new-tab' | 'same-site-blank';

/** A script's top-level compile, as the browser traces it (`v8.compile`). */
export interface ScriptCompile {
  url: string;
  ms: number;
}

/** What one visit gave. */
export interface ProfiledVisit {
  profile: CpuProfile;
  /**
   * Every script compiled at its top level during the visit. The sampling profiler cannot see
   * this: a content script is compiled before any of its frames is on the stack, so its samples
   * are counted for no script.
   */
  compiles: ScriptCompile[];
  /** From starting the navigation to the load event, ms. */
  loadMs: number;
  route: VisitRoute;
}

/** The profiler did not come back with a profile (e.g. the tab changed renderer process). */
export class ProfileLostError extends Error {
  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    super(`profile lost for ${url}: ${String(cause)}`, { cause });
    this.name = 'ProfileLostError';
  }
}

/**
 * Opens `url` in a fresh tab of `extension`'s browser with the renderer profiled, runs `during`
 * once the load event has fired (e.g. wait 1.2 s), then stops the profiler and closes the tab.
 */
export async function profiledVisit(
  extension: OpenedExtension,
  url: string,
  during: (page: Page, session: CDPSession) => Promise<void>,
  options: VisitOptions = VISIT_DEFAULTS,
  route: VisitRoute = 'new-tab',
): Promise<ProfiledVisit> {
  const page = await extension.context.newPage();
  try {
    const session = await extension.context.newCDPSession(page);
    if (route === 'same-site-blank') await page.goto(blankUrlFor(url), { waitUntil: 'load' });
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: options.samplingIntervalUs });
    await session.send('Profiler.start');
    const compiles = await traceCompiles(session);
    const start = performance.now();
    await page.goto(url, { waitUntil: 'load', timeout: options.loadTimeoutMs });
    const loadMs = performance.now() - start;
    await during(page, session);
    const { profile } = await session.send('Profiler.stop').catch((error: unknown) => {
      throw new ProfileLostError(url, error);
    });
    return { profile, compiles: await compiles(), loadMs, route };
  } finally {
    await page.close();
  }
}

/** A trace event as `Tracing.dataCollected` gives it (the fields read here). */
interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  args?: { data?: { url?: string } };
}

/**
 * Starts tracing V8's `v8.compile` events (category `v8`, which adds little to the page's time);
 * the returned function ends the trace and gives the compiles.
 */
async function traceCompiles(session: CDPSession): Promise<() => Promise<ScriptCompile[]>> {
  const events: TraceEvent[] = [];
  const collect = ({ value }: { value: object[] }) => events.push(...(value as TraceEvent[]));
  session.on('Tracing.dataCollected', collect);
  await session.send('Tracing.start', {
    traceConfig: { includedCategories: ['v8'] },
    transferMode: 'ReportEvents',
  });
  return async () => {
    const complete = new Promise<void>((done) =>
      session.once('Tracing.tracingComplete', () => done()),
    );
    await session.send('Tracing.end');
    await complete;
    session.off('Tracing.dataCollected', collect);
    return events
      .filter(({ name, ph }) => name === 'v8.compile' && ph === 'X')
      .map(({ args, dur }) => ({ url: args?.data?.url ?? '', ms: (dur ?? 0) / 1000 }));
  };
}
