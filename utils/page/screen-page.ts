/**
 * The page gate's looks at a live page, on every page. The first look at an address reads what a
 * page says it is about: its title, its description, its headline and its lead (the first
 * paragraphs of the article that holds the headline), a few thousand characters however long the
 * page, all read natively. A page with no paragraphs to speak of is read whole
 * (`document.body.textContent`). Later looks, on a page that keeps changing, read only what was
 * added since. Most pages are not a story and end here, for less than reading their text costs.
 */
import { findOnPage, namesIn, type PageGate, type Suspect } from '../recognition/gate';
import { canonicalAddress } from './read-page';

/** What the gate found on a page (a suspect or not: see `isSuspect`), where, and its text's length. */
export interface Screening {
  found: Suspect;
  /** The page's address when it was read (`document.URL`). */
  address: string;
  textLength: number;
}

/**
 * The characters of paragraphs the first look reads: a news article names its people and places
 * in its first few paragraphs (see docs/performance.md for what this spares every page).
 */
export const LEAD_CHARS = 6_000;

/** Fewer characters of paragraphs than this, and the page is read whole: its text is not in <p>s. */
export const LEAD_MIN_CHARS = 600;

/**
 * Puts `doc` to the page gate: its address, canonical link and lead ({@link leadText}), or its
 * whole text when `whole` is set or it has no lead.
 */
export function screenDocument(doc: Document, gate: PageGate, whole = false): Screening {
  const text = (whole ? null : leadText(doc)) ?? doc.body?.textContent ?? '';
  const address = doc.URL;
  const found = findOnPage({ address, canonical: canonicalAddress(doc), text }, gate);
  return { found, address, textLength: text.length };
}

/**
 * What a page says it is about: its title, its description, its first headline (<h1>) and the
 * first {@link LEAD_CHARS} characters of the paragraphs of the article (or main part) that holds
 * that headline, else of the body. Null when the paragraphs hold fewer than
 * {@link LEAD_MIN_CHARS} characters: the page's text is elsewhere (lists, tables, bare <div>s).
 * Parts are joined with newlines so that no two make a word together.
 */
export function leadText(doc: Document): string | null {
  const body = doc.body;
  if (!body) return null;
  const headline = body.getElementsByTagName('h1')[0];
  const root = headline?.closest('article, main, [role="main"]') ?? body;
  // A live collection: only the paragraphs read are looked for.
  const paragraphs = root.getElementsByTagName('p');
  let lead = '';
  for (let i = 0; i < paragraphs.length && lead.length < LEAD_CHARS; i++) {
    lead += `${paragraphs[i]?.textContent ?? ''}\n`;
  }
  if (lead.length < LEAD_MIN_CHARS) return null;
  const description = doc.head?.querySelector<HTMLMetaElement>(DESCRIPTION)?.content ?? '';
  return `${doc.title}\n${description}\n${headline?.textContent ?? ''}\n${lead}`;
}

const DESCRIPTION =
  'meta[name="description" i][content], meta[property="og:description" i][content]';

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

/** The length of the page's whole text, as {@link screenDocument} measures it when whole. */
export function pageTextLength(doc: Document): number {
  return doc.body?.textContent?.length ?? 0;
}
