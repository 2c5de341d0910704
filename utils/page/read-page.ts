/**
 * Reading a page for recognition: its address, canonical link and main text. Takes the document as
 * a parameter so tests hand it a fixture. Cheap by design: it reads paragraph text with native
 * selectors instead of walking every node, and never forces layout.
 */
import type { PageInput } from '../recognition/recognize';

/** Containers that hold an article's body, most specific first. */
const BODY_SELECTORS = [
  '[itemprop="articleBody"]',
  'article',
  '[role="main"]',
  'main',
  '#content',
  '.article-body',
];
/** Text blocks of an article body. */
const BLOCKS = 'p, h1, h2, h3, blockquote, figcaption, li, pre';
/** Parts of a page that are not the article: menus, "most read" boxes, comments, footers. */
const NOT_ARTICLE =
  'nav, aside, footer, form, header nav, [role="navigation"], [role="complementary"], [role="contentinfo"], [aria-hidden="true"], #comments, .comments, [class*="most-read"], [class*="mostRead"], [class*="related-"], [class*="recommend"], [class*="newsletter"], backstory-panel, backstory-launcher';
/** Below this much paragraph text, the page keeps its words elsewhere: fall back to all text. */
const MIN_BLOCK_TEXT = 400;

/** The page as the engine sees it. */
export function readPage(doc: Document): PageInput {
  return {
    address: doc.location.href,
    canonical: canonicalAddress(doc),
    text: readMainText(doc),
    lang: doc.documentElement?.lang || null,
  };
}

/** The page's canonical address: `<link rel="canonical">`, else `og:url` (in its head), else null. */
export function canonicalAddress(doc: Document): string | null {
  // Both belong in the head: looking there only spares a walk of a long page that has neither.
  // One look for either (most pages have neither, or only the link); the link wins when both.
  const head = doc.head ?? doc;
  const first = head.querySelector(`${CANONICAL}, ${OG_URL}`);
  if (!first) return null;
  const link = first.matches(CANONICAL) ? first : head.querySelector(CANONICAL);
  if (link) return (link as HTMLLinkElement).href;
  return (first as HTMLMetaElement).content;
}

const CANONICAL = 'link[rel~="canonical" i][href]';
const OG_URL = 'meta[property="og:url" i][content]';

/**
 * The page's main text: the text blocks of its article container (or of the body), leaving out
 * navigation, asides, comments and footers. Blocks are joined with newlines so words of adjacent
 * blocks never run together.
 */
export function readMainText(doc: Document): string {
  const root = articleRoot(doc);
  if (!root) return '';
  const parts: string[] = [];
  let length = 0;
  for (const block of root.querySelectorAll(BLOCKS)) {
    // Nested blocks (a <p> inside a <blockquote>) are read once, through the outer block.
    const outer = block.parentElement?.closest(BLOCKS);
    if (outer && root.contains(outer)) continue;
    if (block.closest(NOT_ARTICLE)) continue;
    const text = block.textContent ?? '';
    parts.push(text);
    length += text.length;
  }
  if (length >= MIN_BLOCK_TEXT) return parts.join('\n');
  return textWithoutCode(root);
}

/** Elements whose text is not prose: script sources, JSON data, styles, unused templates. */
const NOT_PROSE = 'script, style, noscript, template';

/**
 * An element's text without the text of scripts and styles, which `textContent` includes: a
 * single-page app may carry the whole article in a `<script type="application/json">` before it
 * renders it, and that is not the page saying it (yet).
 */
function textWithoutCode(root: Element): string {
  if (!root.querySelector(NOT_PROSE)) return root.textContent ?? '';
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement?.closest(NOT_PROSE)) parts.push(node.nodeValue ?? '');
  }
  return parts.join('');
}

/** Whether an element is a part of the page that is not the article (menus, asides, comments…). */
export function isNotArticle(element: Element): boolean {
  return element.matches(NOT_ARTICLE);
}

/** The element holding the article: the listed container with the most paragraph text, or the body. */
export function articleRoot(doc: Document): Element | null {
  let best: Element | null = null;
  let bestLength = 0;
  for (const selector of BODY_SELECTORS) {
    for (const candidate of doc.querySelectorAll(selector)) {
      if (candidate.closest(NOT_ARTICLE)) continue;
      let length = 0;
      for (const paragraph of candidate.querySelectorAll('p'))
        length += paragraph.textContent?.length ?? 0;
      if (length > bestLength) {
        best = candidate;
        bestLength = length;
      }
    }
  }
  return bestLength >= MIN_BLOCK_TEXT ? best : doc.body;
}
