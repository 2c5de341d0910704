/**
 * "Show in article": finds a person's quote on the page, scrolls to it and highlights it with the
 * CSS Custom Highlight API (`::highlight(backstory-quote)`), never changing the page's DOM. The
 * highlight stays until the next quote is shown or `clear()` (the panel closing).
 */
import { findPassage } from '../page/find-passage';
import { clearHighlight, QUOTE_HIGHLIGHT, setHighlight } from '../page/highlights';
import { rangeOf, readPageTextInSteps, type PageText } from '../page/page-text';
import { articleRoot, isNotArticle } from '../page/read-page';
import { scrollToRange } from '../page/scroll-to-range';
import { runAtOnce, runInSlices, type Steps } from '../slices';

/** Finds, shows and highlights quotes on one page. */
export interface QuoteHighlighter {
  /** Which of `quotes` are on the page now (read afresh: the page may have changed). */
  locate(quotes: readonly string[]): Set<string>;
  /** {@link QuoteHighlighter.locate} in steps (see `utils/slices.ts`), for a long page. */
  locateInSteps(quotes: readonly string[]): Steps<Set<string>>;
  /** Scrolls to the quote and highlights it; false (and nothing changes) when it is not on the page. */
  show(quote: string): boolean;
  /** Removes the highlight. */
  clear(): void;
}

/**
 * Where quotes are looked for: the article's main text first (so a quote found there wins over a
 * copy in a "most read" box), then the whole page.
 */
function readScopes(doc: Document): (() => Steps<PageText>)[] {
  return [
    () => readPageTextInSteps(articleRoot(doc) ?? doc.body, { exclude: isNotArticle }),
    () => readPageTextInSteps(doc.body),
  ];
}

/** Creates the quote highlighter for a document. */
export function createQuoteHighlighter({ doc }: { doc: Document }): QuoteHighlighter {
  function* locateInSteps(quotes: readonly string[]): Steps<Set<string>> {
    const found = new Set<string>();
    let missing = [...quotes];
    for (const read of readScopes(doc)) {
      if (missing.length === 0) break;
      const page = yield* read();
      const left: string[] = [];
      for (const quote of missing) {
        if (findPassage(page, quote)) found.add(quote);
        else left.push(quote);
        yield;
      }
      missing = left;
    }
    return found;
  }
  const find = (quote: string): Range | null => {
    for (const read of readScopes(doc)) {
      const page = runAtOnce(read());
      const match = findPassage(page, quote);
      if (match) return rangeOf(page, match.from, match.to);
    }
    return null;
  };
  return {
    locate(quotes) {
      return runAtOnce(locateInSteps(quotes));
    },
    locateInSteps,
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

/**
 * What the panel needs of the article's quotes on the page it is about. The panel on the page
 * reads this document ({@link quotesOnPage}); the browser's side panel asks the tab's script.
 */
export interface PageQuotes {
  /** Which of `quotes` are on the page now. */
  locate(quotes: readonly string[], signal: AbortSignal): Promise<ReadonlySet<string>>;
  /** Scrolls the page to the quote and highlights it; false when it is not on the page. */
  show(quote: string): Promise<boolean>;
  /** Removes the highlight. */
  clear(): void;
}

/** The quotes of this document, read in slices so a long page never holds up a frame. */
export function quotesOnPage(doc: Document): PageQuotes {
  const highlighter = createQuoteHighlighter({ doc });
  return {
    locate: (quotes, signal) => runInSlices(highlighter.locateInSteps(quotes), { signal }),
    show: (quote) => Promise.resolve(highlighter.show(quote)),
    clear: () => highlighter.clear(),
  };
}
