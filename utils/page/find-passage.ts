/**
 * Finding one of the article's quotes in a page's text: the quote's words in order, ignoring case,
 * punctuation, quote styles, invisible characters, whitespace and the elements the page split the
 * sentence into. DOM-free apart from the `PageText` it is given.
 */
import { tokenize } from '../recognition/normalize';
import { sameSigma } from './folded-text';
import type { PageText } from './page-text';

/** Where a passage is in a `PageText`: folded offsets `[from, to)`, from its first to its last word. */
export interface PassageMatch {
  from: number;
  to: number;
}

/** The first place the quote's words occur in order on the page, or null. */
export function findPassage(page: PageText, quote: string): PassageMatch | null {
  const wanted = tokenize(quote).map(sameSigma);
  if (wanted.length === 0) return null;
  const { words } = page;
  const last = words.length - wanted.length;
  for (let i = 0; i <= last; i++) {
    if (wanted.every((word, j) => words[i + j]?.word === word)) {
      const first = words[i];
      const end = words[i + wanted.length - 1];
      if (first && end) return { from: first.from, to: end.to };
    }
  }
  return null;
}
