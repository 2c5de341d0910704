/**
 * Where Backstory may act: the reader's choice of sites (`scope`, `onlySites`, `quietSites`), and
 * the rule for a site. The background registers the script on every page from it
 * (`background/registration.ts`); the story script checks it on pages open when it changes.
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
