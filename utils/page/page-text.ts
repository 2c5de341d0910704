/**
 * The visible text of part of a page as folded words, with the way back to the text nodes: the
 * ground on which quotes and mentions are found and highlighted without touching the page's DOM.
 * Takes the root element as a parameter, so tests hand it a fixture document.
 */
import { runAtOnce, type Steps } from '../slices';
import {
  foldedWordsInSteps,
  foldPiecesInSteps,
  type FoldedText,
  type FoldedWord,
} from './folded-text';

/** A part of the page read for matching. */
export interface PageText {
  /** The text nodes read, in document order (the pieces of `folded`). */
  nodes: Text[];
  folded: FoldedText;
  words: FoldedWord[];
}

/** What to leave out besides Backstory's own elements, scripts, styles and hidden elements. */
export interface ReadTextOptions {
  exclude?: (element: Element) => boolean;
  /** Stop reading after this much text (default {@link MAX_TEXT}). */
  maxChars?: number;
}

/**
 * How much text is read at most: ten times a long article. A page with megabytes of text (an
 * endless feed, a huge archive) is read only this far, so highlighting never stalls it.
 */
export const MAX_TEXT = 400_000;

/** How many nodes are walked between two chances to stop. */
const NODES_PER_STEP = 200;

// NodeFilter's constants, written out so the module needs no browser globals.
const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
const FILTER_ACCEPT = 1;
const FILTER_REJECT = 2;
const ELEMENT_NODE = 1;

/** Elements whose content is never reading text. */
const NOT_TEXT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'select',
  'iframe',
  'object',
  'svg',
  'canvas',
  'math',
  'head',
]);

/** Elements that start a new line: words either side of them never run together. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

/** Whether an element and everything in it is left out of the reading text. */
function isSkipped(element: Element): boolean {
  const name = element.localName;
  if (NOT_TEXT.has(name) || name.startsWith('backstory-')) return true;
  if (element.hasAttribute('hidden')) return true;
  // display: none (also from stylesheets) and content-visibility: hidden; cheap once styles are clean.
  return typeof element.checkVisibility === 'function' && !element.checkVisibility();
}

/** The nearest block element around a node: text nodes under different blocks are separate lines. */
function blockOf(node: Node, root: Element): Element {
  let element = node.parentElement;
  while (element && element !== root && !BLOCKS.has(element.localName)) {
    element = element.parentElement;
  }
  return element ?? root;
}

/**
 * Reads the visible text under `root`: every text node outside scripts, styles, hidden elements,
 * Backstory's own elements and anything `exclude` names, folded into words.
 */
export function readPageText(root: Element, options: ReadTextOptions = {}): PageText {
  return runAtOnce(readPageTextInSteps(root, options));
}

/**
 * {@link readPageText} as steps (see `utils/slices.ts`), so a long page is read over several
 * tasks. The tree walker is live: text the page changes between two steps is read as it is when
 * reached (as with any change after reading, ranges over removed nodes collapse).
 */
export function* readPageTextInSteps(
  root: Element,
  options: ReadTextOptions = {},
): Steps<PageText> {
  const doc = root.ownerDocument;
  const nodes: Text[] = [];
  const pieces: { text: string; breakBefore: boolean }[] = [];
  let lastBlock: Element | null = null;
  let pendingBreak = false;
  let length = 0;
  const maxChars = options.maxChars ?? MAX_TEXT;
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT, {
    acceptNode(node: Node) {
      if (node.nodeType !== ELEMENT_NODE) return FILTER_ACCEPT;
      const element = node as Element;
      return isSkipped(element) || options.exclude?.(element) ? FILTER_REJECT : FILTER_ACCEPT;
    },
  });
  let walked = 0;
  for (let node = walker.nextNode(); node && length < maxChars; node = walker.nextNode()) {
    if (++walked % NODES_PER_STEP === 0) yield;
    if (node.nodeType === ELEMENT_NODE) {
      if ((node as Element).localName === 'br') pendingBreak = true;
      continue;
    }
    const text = node as Text;
    if (!text.data) continue;
    const block = blockOf(text, root);
    pieces.push({ text: text.data, breakBefore: pendingBreak || block !== lastBlock });
    nodes.push(text);
    length += text.data.length;
    lastBlock = block;
    pendingBreak = false;
  }
  const folded = yield* foldPiecesInSteps(pieces);
  return { nodes, folded, words: yield* foldedWordsInSteps(folded) };
}

/** A DOM Range over the original text of folded offsets `[from, to)` (word bounds of a match). */
export function rangeOf(page: PageText, from: number, to: number): Range {
  const { folded, nodes } = page;
  const startNode = nodes[folded.piece[from] ?? -1];
  const endNode = nodes[folded.piece[to - 1] ?? -1];
  if (!startNode || !endNode) throw new RangeError(`no text at folded offsets ${from}–${to}`);
  const range = startNode.ownerDocument.createRange();
  range.setStart(startNode, folded.start[from] ?? 0);
  range.setEnd(endNode, folded.end[to - 1] ?? 0);
  return range;
}

/** The text nodes a match of folded offsets `[from, to)` touches. */
export function nodesOf(page: PageText, from: number, to: number): Text[] {
  const first = page.folded.piece[from] ?? 0;
  const last = page.folded.piece[to - 1] ?? -1;
  return page.nodes.slice(first, last + 1);
}
