/**
 * The first look at a live page, on every page: its address and canonical link, then its whole
 * text, read once natively (`document.body.textContent`), put to the page gate. Most pages are not
 * a story and end here, at about the cost of reading their text.
 */
import { screenPage, type PageGate, type Suspect } from '../recognition/gate';
import { canonicalAddress } from './read-page';

/** What the gate made of a page, and the length of its whole text (to notice it changing). */
export interface Screening {
  suspect: Suspect | null;
  textLength: number;
}

/** Puts `doc` to the page gate. */
export function screenDocument(doc: Document, gate: PageGate): Screening {
  const text = doc.body?.textContent ?? '';
  const suspect = screenPage({ address: doc.URL, canonical: canonicalAddress(doc), text }, gate);
  return { suspect, textLength: text.length };
}

/** The length of the page's whole text, as {@link screenDocument} measures it. */
export function pageTextLength(doc: Document): number {
  return doc.body?.textContent?.length ?? 0;
}
