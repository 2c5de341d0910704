/**
 * What recognition concludes about a page. The engine returns structured evidence; the words a
 * reader sees are made from it in `utils/strings.ts`.
 */

import type { Language } from './languages';

/** The three verdicts a page can get; "none" is the absence of a verdict (`null`). */
export type VerdictKind = 'article' | 'version' | 'related';

/** Why the verdict was reached, in numbers the panel header turns into a sentence. */
export type Evidence =
  /** The page's address, or its canonical link, is one of the article's own. */
  | { kind: 'address'; via: 'address' | 'canonical' }
  /** `share` (0..1) of the article's text is on the page. */
  | { kind: 'text'; share: number }
  /** The page quotes `quotes` of the article's quotes and names `names` of its people and places. */
  | { kind: 'quotes'; quotes: number; names: number }
  /**
   * The page has `matched` of the `span` names and numbers of a stretch of the article in its
   * order, in `lang`: a translation (or a rewrite) of it.
   */
  | { kind: 'sequence'; matched: number; span: number; lang: Language }
  /**
   * The page is about the story's events: `terms` of its subject terms and `names` of its names,
   * reported in `lang`.
   */
  | { kind: 'topic'; terms: number; names: number; lang: Language };

/** A page's verdict for one pack. */
export interface Verdict {
  kind: VerdictKind;
  packId: string;
  evidence: Evidence;
}
