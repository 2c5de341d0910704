/**
 * "Show in article": finds a person's quote on the page, scrolls to it and highlights it with the
 * CSS Custom Highlight API (`::highlight(backstory-quote)`), never changing the page's DOM. The
 * highlight stays until the next quote is shown or `clear()` (the panel closing).
 */
import { findPassage } from '../page/find-passage';
import { clearHighlight, QUOTE_HIGHLIGHT, setHighlight } from '../page/highlights';
import { rangeOf, readPageText, type PageText } from '../page/page-text';
import { articleRoot, isNotArticle } from '../page/read-page';
import { scrollToRange } from '../page/scroll-to-range';

/** Finds, shows and highlights quotes on one page. */
export interface QuoteHighlighter {
  /** Which of `quotes` are on the page now (read afresh: the page may have changed). */
  locate(quotes: readonly string[]): Set<string>;
  /** Scrolls to the quote and highlights it; false (and nothing changes) when it is not on the page. */
  show(quote: string): boolean;
  /** Removes the highlight. */
  clear(): void;
}

/**
 * Where quotes are looked for: the article's main text first (so a quote found there wins over a
 * copy in a "most read" box), then the whole page.
 */
function readScopes(doc: Document): (() => PageText)[] {
  return [
    () => {
      const root = articleRoot(doc);
      return readPageText(root ?? doc.body, { exclude: isNotArticle });
    },
    () => readPageText(doc.body),
  ];
}

/** Creates the quote highlighter for a document. */
export function createQuoteHighlighter({ doc }: { doc: Document }): QuoteHighlighter {
  const find = (quote: string): Range | null => {
    for (const read of readScopes(doc)) {
      const page = read();
      const match = findPassage(page, quote);
      if (match) return rangeOf(page, match.from, match.to);
    }
    return null;
  };
  return {
    locate(quotes) {
      const found = new Set<string>();
      let missing = [...quotes];
      for (const read of readScopes(doc)) {
        if (missing.length === 0) break;
        const page = read();
        missing = missing.filter((quote) => !(findPassage(page, quote) && found.add(quote)));
      }
      return found;
    },
    show(quote) {
      const range = find(quote);
      if (!range) return false;
      scrollToRange(doc, range);
      setHighlight(doc, QUOTE_HIGHLIGHT, [range]);
      return true;
    },
    clear: () => clearHighlight(doc, QUOTE_HIGHLIGHT),
  };
}
