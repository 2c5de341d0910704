/**
 * Where the browser runs the script on every page: registered by the background at run time
 * (`scripting.registerContentScripts`) from the reader's choice of sites, so that the browser
 * itself keeps it off the sites the reader made quiet, or off every site they did not list. The
 * script then needs no settings of its own and calls no extension API on a page that is not a
 * story (reading storage there cost more than the rest of its work; see docs/performance.md).
 */
import type { WxtBrowser as Browser } from 'wxt/browser';
import type { SiteScope } from '../site-scope';

/** The id of the registered script. */
export const RECOGNIZER_ID = 'recognizer';
/** The script itself (built by WXT from `entrypoints/recognizer.ts`). */
export const RECOGNIZER_SCRIPT = 'recognizer.js';

const EVERY_PAGE = ['http://*/*', 'https://*/*'];

/** Match patterns of a site and its subdomains, on http and https. */
export function sitePatterns(site: string): string[] {
  return [`*://${site}/*`, `*://*.${site}/*`];
}

/** Where the script runs under `scope`, or null when it runs nowhere (no site listed). */
export function recognizerMatches(
  scope: SiteScope,
): { matches: string[]; excludeMatches: string[] } | null {
  const matches = scope.scope === 'listed' ? scope.onlySites.flatMap(sitePatterns) : EVERY_PAGE;
  if (matches.length === 0) return null;
  return { matches, excludeMatches: scope.quietSites.flatMap(sitePatterns) };
}

/** Registers, updates or removes the script so that it runs where `scope` says. */
export async function syncRecognizer(browser: Browser, scope: SiteScope): Promise<void> {
  const where = recognizerMatches(scope);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [RECOGNIZER_ID] });
  if (!where) {
    if (registered.length > 0)
      await browser.scripting.unregisterContentScripts({ ids: [RECOGNIZER_ID] });
    return;
  }
  const script = {
    id: RECOGNIZER_ID,
    js: [RECOGNIZER_SCRIPT],
    matches: where.matches,
    // An empty list is refused by some browsers: leave the key out instead.
    ...(where.excludeMatches.length > 0 && { excludeMatches: where.excludeMatches }),
    // As soon as the document is parsed, not at `document_idle`: the browser holds idle scripts
    // until the load event or 200 ms after DOMContentLoaded, and a news page's load waits for its
    // images and ads, so the launcher came 230 ms after the page was ready (docs/performance.md).
    // The script's work is the same either way.
    runAt: 'document_end' as const,
    allFrames: false,
    persistAcrossSessions: true,
  };
  if (registered.length === 0) await browser.scripting.registerContentScripts([script]);
  else
    await browser.scripting.updateContentScripts([
      { ...script, excludeMatches: where.excludeMatches },
    ]);
}
