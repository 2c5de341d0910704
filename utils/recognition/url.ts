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
  const host = url.hostname.toLowerCase().replace(/^(?:www|amp|m)\./, '');
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

// An http(s) address's host, past any user name; the rest of the address is not looked at.
const HTTP_HOST = /^https?:\/\/(?:[^/?#@\\]*@)?([^/?#:\\]*)/i;
const SCHEME = /^[a-z][a-z\d+.-]*:/i;

/**
 * The host of an address as {@link addressKey} writes it (lower case, no `www.`), read without
 * parsing the address, so that most pages are told apart from the indexed articles cheaply. Null
 * when that cannot be done safely (unusual characters, other schemes): parse the address then.
 * Relative addresses take their host from `base`.
 */
export function addressHost(address: string, base: string): string | null {
  const trimmed = address.trim();
  const absolute = trimmed.startsWith('//') ? `http:${trimmed}` : trimmed;
  const host = HTTP_HOST.exec(SCHEME.test(absolute) ? absolute : base)?.[1]?.toLowerCase();
  if (!host || !/^[a-z\d.-]+$/.test(host)) return null;
  return host.replace(/^(?:www|amp|m)\./, '');
}
