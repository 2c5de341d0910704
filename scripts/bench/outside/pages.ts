/**
 * Extra pages the outside benchmark serves beside the corpus: an empty page on each host, where a
 * tab is sent before the profiler starts (see `visit.ts`).
 */
import type { ServedPage } from '../../lib/fixture-server';

/** The path of the empty page served on every host. */
export const BLANK_PATH = '/__blank';

/** The empty page on the same host as `pageUrl`. */
export function blankUrlFor(pageUrl: string): string {
  return `${new URL(pageUrl).origin}${BLANK_PATH}`;
}

/** One empty page for each host among `pages` (to add to the served list). */
export function blankPagesFor(pages: readonly ServedPage[]): ServedPage[] {
  const origins = [...new Set(pages.map((page) => new URL(page.url).origin))];
  return origins.map((origin) => ({
    url: `${origin}${BLANK_PATH}`,
    html: '<!doctype html><html lang="en"><head><title>blank</title></head><body></body></html>',
  }));
}
