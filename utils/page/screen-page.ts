/**
 * The page gate's looks at a live page, on every page: the first at its address, canonical link
 * and whole text, read once natively (`document.body.textContent`); later ones, on a page that
 * keeps changing, only at what was added since. Most pages are not a story and end here, at about
 * the cost of reading their text.
 */
import { findOnPage, namesIn, type PageGate, type Suspect } from '../recognition/gate';
import { canonicalAddress } from './read-page';

/** What the gate found on a page (a suspect or not: see `isSuspect`), and its text's length. */
export interface Screening {
  found: Suspect;
  textLength: number;
}

/** Puts the whole of `doc` to the page gate. */
export function screenDocument(doc: Document, gate: PageGate): Screening {
  const text = doc.body?.textContent ?? '';
  const found = findOnPage({ address: doc.URL, canonical: canonicalAddress(doc), text }, gate);
  return { found, textLength: text.length };
}

/**
 * The names the gate finds in the text of `added` (lists of nodes added to a page since it was
 * last looked at, as mutation records give them; nodes gone again are skipped). Each node's text
 * is read apart, so two nodes never make a word together.
 */
export function screenAdded(added: readonly NodeList[], gate: PageGate): string[] {
  let text = '';
  for (const nodes of added) {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i];
      if (node?.isConnected) text += `${node.textContent ?? ''}\n`;
    }
  }
  return text ? namesIn(text, gate) : [];
}

/** The length of the page's whole text, as {@link screenDocument} measures it. */
export function pageTextLength(doc: Document): number {
  return doc.body?.textContent?.length ?? 0;
}
