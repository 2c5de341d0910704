/**
 * Address matching: two addresses name the same article when they differ only in scheme, a
 * leading `www.`, tracking parameters, an AMP marker, a trailing slash or the fragment.
 */

// A list, not a Set: the script on every page carries this module, and builds nothing it may not use.
const TRACKING_PARAMS = [
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
];

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
    .join('/');
  const params = [...url.searchParams]
    .filter(([name]) => !isTrackingParam(name.toLowerCase()))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return `${host}/${withoutAmpSuffix(path)}${params ? `?${params}` : ''}`;
}

/** The path without an AMP page's ending (`.amp`, `.amp.html`, in any case). */
function withoutAmpSuffix(path: string): string {
  // String tests, not a RegExp literal, which the browser checks on every page as it reads the
  // script on every page (docs/performance.md).
  const lower = path.toLowerCase();
  if (lower.endsWith('.amp.html')) return path.slice(0, -'.amp.html'.length);
  return lower.endsWith('.amp') ? path.slice(0, -'.amp'.length) : path;
}

function isTrackingParam(name: string): boolean {
  return name.startsWith('utm_') || TRACKING_PARAMS.includes(name);
}

/**
 * The host of an http(s) address as {@link addressKey} writes it (lower case, no `www.`, `amp.`
 * or `m.`), or null when it is not one; relative addresses take their host from `base`. The page
 * gate calls it on every page: a plain absolute address (as `document.URL` and a link's `href`
 * give it) is read as a string, anything else with the browser's own URL parser; no RegExp, which
 * would be compiled cold on every page.
 */
export function addressHost(address: string, base: string): string | null {
  return plainHost(address) ?? parsedHost(address, base);
}

/** The host of an absolute http(s) address whose host is plain lower-case ASCII, else null. */
function plainHost(address: string): string | null {
  const start = address.startsWith('https://') ? 8 : address.startsWith('http://') ? 7 : 0;
  if (start === 0) return null;
  let end = start;
  for (; end < address.length; end++) {
    const code = address.charCodeAt(end);
    if (code === 0x2f || code === 0x3f || code === 0x23) break; // "/", "?", "#"
    // Letters, digits, "-", "." only: a port, user or anything unusual goes to the parser.
    const plain =
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0x30 && code <= 0x39) ||
      code === 0x2d ||
      code === 0x2e;
    if (!plain) return null;
  }
  return end > start ? withoutHostPrefix(address.slice(start, end)) : null;
}

function parsedHost(address: string, base: string): string | null {
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
