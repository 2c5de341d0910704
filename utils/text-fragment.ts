/**
 * A link to the words of a page (URL Fragment Text Directives, `#:~:text=`): browsers that know
 * them scroll to and highlight the excerpt; others open the page as usual.
 * https://wicg.github.io/scroll-to-text-fragment/
 */

/** Words at each end of the excerpt the directive names; the browser matches what lies between. */
const EDGE_WORDS = 5;

/** `url` with a text directive for `excerpt`: its first and last words, or all of a short one. */
export function textFragmentUrl(url: string, excerpt: string): string {
  const words = excerpt.split(/\s+/).filter(Boolean);
  if (words.length === 0) return url;
  const encode = (text: string) =>
    encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C').replace(/&/g, '%26');
  const directive =
    words.length <= EDGE_WORDS * 2
      ? encode(words.join(' '))
      : `${encode(words.slice(0, EDGE_WORDS).join(' '))},${encode(words.slice(-EDGE_WORDS).join(' '))}`;
  const hash = url.indexOf('#');
  const base = hash === -1 ? url : url.slice(0, hash);
  const fragment = hash === -1 ? '' : url.slice(hash + 1).split(':~:')[0];
  return `${base}#${fragment}:~:text=${directive}`;
}
