/**
 * Recognition of a live page, cheapest look first: its address and canonical link; then its whole
 * text, read once natively (`document.body.textContent`) and put to the name gate; only a page
 * that passes has its main text read and goes through the engine. Most pages are not a story and
 * stop at the gate, at about the cost of reading `textContent`.
 */
import type { CompiledIndex } from '../recognition/compiled';
import { passesGate } from '../recognition/gate';
import { recognize, recognizeAddress, THRESHOLDS } from '../recognition/recognize';
import type { Verdict } from '../recognition/verdict';
import { canonicalAddress, readMainText } from './read-page';

/** A page's verdict, and the length of its whole text (to notice when the page changes). */
export interface PageRecognition {
  verdict: Verdict | null;
  textLength: number;
}

/** Recognizes `doc` against every pack in `index`. */
export function recognizePage(doc: Document, index: CompiledIndex): PageRecognition {
  const address = doc.URL;
  const canonical = canonicalAddress(doc);
  const text = doc.body?.textContent ?? '';
  const byAddress = recognizeAddress({ address, canonical }, index);
  if (byAddress) return { verdict: byAddress, textLength: text.length };
  if (!passesGate(text, index.gate, THRESHOLDS.relatedNames, doc.title)) {
    return { verdict: null, textLength: text.length };
  }
  const verdict = recognize({ address, canonical, text: readMainText(doc) }, index);
  return { verdict, textLength: text.length };
}

/** The length of the page's whole text, as {@link recognizePage} measures it. */
export function pageTextLength(doc: Document): number {
  return doc.body?.textContent?.length ?? 0;
}
