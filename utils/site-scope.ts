/**
 * Where Backstory may act: the part of the reader's settings that the script on every page needs
 * (`scope`, `onlySites`, `quietSites`), read from the stored settings without the settings
 * module's validation library, so that every page pays only for these few lines. The settings
 * module (`settings.ts`) uses the same site rule, so both read a stored value alike.
 */

/** The reader's choice of sites. */
export interface SiteScope {
  /** Sites (host names; a domain covers its subdomains) where Backstory stays quiet. */
  quietSites: string[];
  /** Recognize on every site, or only on the sites listed in `onlySites`. */
  scope: 'everywhere' | 'listed';
  onlySites: string[];
}

/** A site as the settings store it: a lower-case host name such as `nytimes.com`. */
export const SITE = /^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z0-9-]+$/;
/** The most sites a list may hold. */
export const MAX_SITES = 500;

/**
 * The site scope in stored settings (`settings.ts`'s format): each key kept when valid, else its
 * default (every site, nothing quiet), as `parseSettings` does.
 */
export function siteScopeOf(stored: unknown): SiteScope {
  const record =
    typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  return {
    quietSites: sitesOf(record.quietSites),
    scope: record.scope === 'listed' ? 'listed' : 'everywhere',
    onlySites: sitesOf(record.onlySites),
  };
}

function sitesOf(value: unknown): string[] {
  if (!Array.isArray(value) || value.length > MAX_SITES) return [];
  const sites = value.map((site) => (typeof site === 'string' ? site.trim().toLowerCase() : ''));
  return sites.every((site) => SITE.test(site)) ? sites : [];
}

/** Whether a host is one of `sites` or under one of them (`www.nytimes.com` is under `nytimes.com`). */
export function hostMatches(host: string, sites: readonly string[]): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return sites.some((site) => name === site || name.endsWith(`.${site}`));
}

/** Whether Backstory may act on a page at `host` under these settings. */
export function isActiveOn(settings: SiteScope, host: string): boolean {
  if (hostMatches(host, settings.quietSites)) return false;
  return settings.scope === 'everywhere' || hostMatches(host, settings.onlySites);
}
