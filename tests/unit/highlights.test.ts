import { describe, expect, it } from 'vitest';
import {
  ensureHighlightStyles,
  HIGHLIGHT_CSS,
  highlightsSupported,
  removeHighlightStyles,
  setHighlight,
} from '../../utils/page/highlights';
import { createQuoteHighlighter } from '../../utils/ui/show-in-article';
import { fixturePage, FIXTURES } from './helpers';
import { loadDocument } from './page';

const blank = () => loadDocument('<html><body><p>text</p></body></html>', 'https://a.example/');

describe('highlight styles in the page', () => {
  it('adopts one stylesheet with the ::highlight rules, once', () => {
    const doc = blank();
    ensureHighlightStyles(doc);
    ensureHighlightStyles(doc);
    expect(doc.adoptedStyleSheets).toHaveLength(1);
    expect(HIGHLIGHT_CSS).toContain('::highlight(backstory-quote)');
    // The page's text and elements are untouched.
    expect(doc.body.outerHTML).toBe('<body><p>text</p></body>');
  });

  it('adds it again when the page replaces its adopted sheets, and removes it', () => {
    const doc = blank();
    ensureHighlightStyles(doc);
    doc.adoptedStyleSheets = [];
    ensureHighlightStyles(doc);
    expect(doc.adoptedStyleSheets).toHaveLength(1);
    removeHighlightStyles(doc);
    expect(doc.adoptedStyleSheets).toHaveLength(0);
  });

  it('reports no support where the browser has no highlight registry', () => {
    const doc = blank(); // happy-dom has no CSS.highlights
    expect(highlightsSupported(doc)).toBe(false);
    expect(setHighlight(doc, 'backstory-quote', [doc.createRange()])).toBe(false);
  });
});

describe('createQuoteHighlighter', () => {
  const truncated = FIXTURES.find((f) => f.file === 'version-paywall-truncated.html')!;
  const doc = loadDocument(fixturePage(truncated.file), truncated.url);
  const highlighter = createQuoteHighlighter({ doc });

  it('tells which quotes are on a shortened copy', () => {
    const early = 'I feel very sad, because, actually, I love Russia';
    const late = 'traitors for Russia';
    expect(highlighter.locate([early, late])).toEqual(new Set([early]));
  });

  it('shows nothing, and says so, for a quote that is not there', () => {
    expect(highlighter.show('traitors for Russia')).toBe(false);
  });
});
