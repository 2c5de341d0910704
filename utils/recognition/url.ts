/**
 * Address matching: two addresses name the same article when they differ only in scheme, a
 * leading `www.`, tracking parameters, an AMP marker, a trailing slash or the fragment.
 */

const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'cid',
  'icid',
  'ref',
  'ref_src',
  'ref_url',
  'taid',
  'yptr',
  'cmpid',
  'soc_src',
  'soc_trk',
  'smid',
  'smtyp',
  'partner',
  '_ga',
  '_gl',
  'amp',
  'outputtype',
  'share',
  'via',
  'at_medium',
  'at_campaign',
  'xid',
  'sh',
]);

/**
 * The form of an address used as a look-up key: host without `www.`/`amp.`, path without AMP
 * markers or trailing slash, non-tracking query parameters sorted; scheme and fragment dropped.
 * Returns null for strings that are not http(s) addresses.
 */
export function addressKey(address: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(address, base);
  } catch {
    return null; // Not an address at all: nothing to match.
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const host = withoutHostPrefix(url.hostname);
  const path = url.pathname
    .split('/')
    .filter((segment) => segment !== '' && segment.toLowerCase() !== 'amp')
    .join('/')
    .replace(/\.amp(?:\.html)?$/i, '');
  const params = [...url.searchParams]
    .filter(([name]) => !isTrackingParam(name.toLowerCase()))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return `${host}/${path}${params ? `?${params}` : ''}`;
}

function isTrackingParam(name: string): boolean {
  return name.startsWith('utm_') || TRACKING_PARAMS.has(name);
}

/**
 * The host of an http(s) address as {@link addressKey} writes it (lower case, no `www.`, `amp.`
 * or `m.`), or null when it is not one; relative addresses take their host from `base`. Read with
 * the browser's own URL parser and no RegExp: the page gate calls it on every page, where a
 * RegExp would be compiled cold each time.
 */
export function addressHost(address: string, base: string): string | null {
  let url: URL;
  try {
    url = new URL(address, base);
  } catch {
    return null; // Not an address at all: nothing to look up.
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return withoutHostPrefix(url.hostname);
}

/** A host name without the `www.`, `amp.` or `m.` that mobile and AMP copies put before it. */
function withoutHostPrefix(hostname: string): string {
  const host = hostname.toLowerCase();
  for (const prefix of ['www.', 'amp.', 'm.']) {
    if (host.startsWith(prefix)) return host.slice(prefix.length);
  }
  return host;
}
