/**
 * What an extension's scripts cost over time on a page that never stops changing (see
 * `ticker-page.ts`): the tab is opened, left 1.2 s past its load event (the per-page figure
 * already covers the first run), then profiled for a while; the figure is scaled to ms per 60 s.
 */
import type { OpenedExtension } from './browser';
import { extensionMs, samplingSummary, type SamplingSummary } from './profile';
import { TICKER_URL } from './ticker-page';

/** How the ticker is measured. */
export interface TickerOptions {
  /** Profiled time, s (default `$TICKER_SECONDS` or 60). */
  seconds: number;
  /** Time left after the load event before profiling, ms. */
  settleMs: number;
  /** Profile every extension's tab at once (default) or one after another. */
  concurrent: boolean;
  samplingIntervalUs: number;
}

/** Defaults: 60 s (or `$TICKER_SECONDS`), all at once, 50 µs sampling. */
export function tickerDefaults(): TickerOptions {
  const seconds = Number(process.env.TICKER_SECONDS ?? 60);
  if (!(seconds > 0)) throw new Error(`TICKER_SECONDS must be a positive number, not ${seconds}`);
  return { seconds, settleMs: 1200, concurrent: true, samplingIntervalUs: 50 };
}

/** One extension's cost on the ticker page. */
export interface TickerReading {
  name: string;
  /** CPU in the extension's scripts over the profiled time, ms. */
  cpuMs: number;
  /** The same per 60 s. */
  msPer60s: number;
  sampling: SamplingSummary;
  /** Recipe cards the page added while profiled: about one a second unless timers were throttled. */
  cardsAdded: number;
}

/** Profiles the ticker page in each extension's browser. */
export async function measureTicker(
  extensions: readonly OpenedExtension[],
  options: TickerOptions = tickerDefaults(),
): Promise<TickerReading[]> {
  if (options.concurrent) return Promise.all(extensions.map((ext) => tickerOnce(ext, options)));
  const readings: TickerReading[] = [];
  for (const extension of extensions) readings.push(await tickerOnce(extension, options));
  return readings;
}

async function tickerOnce(
  extension: OpenedExtension,
  options: TickerOptions,
): Promise<TickerReading> {
  const page = await extension.context.newPage();
  try {
    const session = await extension.context.newCDPSession(page);
    await page.goto(TICKER_URL, { waitUntil: 'load' });
    await page.waitForTimeout(options.settleMs);
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: options.samplingIntervalUs });
    const cards = () => page.evaluate(() => document.querySelectorAll('#feed article').length);
    const cardsBefore = await cards();
    await session.send('Profiler.start');
    await page.waitForTimeout(options.seconds * 1000);
    const cardsAdded = (await cards()) - cardsBefore;
    const { profile } = await session.send('Profiler.stop');
    const cpuMs = extensionMs(profile, extension.id);
    const sampling = samplingSummary(profile);
    return {
      name: extension.name,
      cpuMs,
      msPer60s: (cpuMs * 60_000) / sampling.spanMs,
      sampling,
      cardsAdded,
    };
  } finally {
    await page.close();
  }
}
