/**
 * Highlights on the page through the CSS Custom Highlight API: ranges are registered by name in
 * `CSS.highlights` and painted by `::highlight(name)` rules, so the page's DOM and text are never
 * changed (no wrapping elements). The rules must live in the page's own document (a shadow root's
 * styles do not reach the page's text), so one small constructed stylesheet is adopted by the
 * document: constructed sheets are not subject to the page's `style-src` CSP.
 * https://developer.mozilla.org/en-US/docs/Web/API/CSS_Custom_Highlight_API
 */

/** The passage "Show in article" points to. */
export const QUOTE_HIGHLIGHT = 'backstory-quote';
/** The pack's people and places where the page names them. */
export const MENTION_HIGHLIGHT = 'backstory-mention';
/** The mention whose card is open. */
export const ACTIVE_MENTION_HIGHLIGHT = 'backstory-mention-active';

/**
 * The page-level rules. `!important` and a place after the page's own sheets (adopted sheets come
 * last) keep a page's rules from restyling these names. Colours keep contrast on light and dark
 * pages: the quote sets both text and background.
 */
export const HIGHLIGHT_CSS = `
::highlight(${QUOTE_HIGHLIGHT}) {
  background-color: #ffd84d !important;
  color: #111111 !important;
}
::highlight(${MENTION_HIGHLIGHT}) {
  text-decoration-line: underline !important;
  text-decoration-style: dotted !important;
  text-decoration-color: #3b7dd8 !important;
  text-decoration-thickness: 2px !important;
  text-underline-offset: 3px !important;
}
::highlight(${ACTIVE_MENTION_HIGHLIGHT}) {
  background-color: rgb(59 125 216 / 0.22) !important;
  text-decoration-line: underline !important;
  text-decoration-style: solid !important;
  text-decoration-color: #3b7dd8 !important;
  text-decoration-thickness: 2px !important;
}
`;

interface HighlightWindow {
  CSS?: { highlights?: Map<string, unknown> };
  Highlight?: new (...ranges: Range[]) => { priority: number };
  CSSStyleSheet: typeof CSSStyleSheet;
}

/** Which highlight is painted over which where they overlap. */
const PRIORITY: Record<string, number> = {
  [MENTION_HIGHLIGHT]: 0,
  [ACTIVE_MENTION_HIGHLIGHT]: 1,
  [QUOTE_HIGHLIGHT]: 2,
};

const styled = new WeakMap<Document, CSSStyleSheet | HTMLStyleElement>();

function viewOf(doc: Document): HighlightWindow | null {
  return (doc.defaultView as unknown as HighlightWindow | null) ?? null;
}

/** Whether the browser can highlight without changing the page (Chrome 105+, Firefox 140+). */
export function highlightsSupported(doc: Document): boolean {
  const view = viewOf(doc);
  return Boolean(view?.CSS?.highlights && view.Highlight);
}

/**
 * Makes sure the `::highlight` rules are in the document, adding them again if the page replaced
 * its adopted stylesheets since. Falls back to a `<style>` element outside `<body>` where a
 * constructed sheet cannot be adopted from an extension (Firefox's Xray wrappers,
 * https://bugzilla.mozilla.org/show_bug.cgi?id=1751346).
 */
export function ensureHighlightStyles(doc: Document): void {
  const existing = styled.get(doc);
  if (existing && 'replaceSync' in existing && doc.adoptedStyleSheets.includes(existing)) return;
  if (existing && !('replaceSync' in existing) && existing.isConnected) return;
  const view = viewOf(doc);
  try {
    if (!view) throw new Error('document has no window');
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    if (doc.adoptedStyleSheets.includes(sheet)) {
      styled.set(doc, sheet);
      return;
    }
  } catch {
    // Adopting is refused here: the <style> element below carries the same rules.
  }
  const style = doc.createElement('style');
  style.textContent = HIGHLIGHT_CSS;
  doc.documentElement.append(style);
  styled.set(doc, style);
}

/** Paints `ranges` under `name`, replacing what was there; false where highlights are unsupported. */
export function setHighlight(doc: Document, name: string, ranges: readonly Range[]): boolean {
  const view = viewOf(doc);
  if (!view?.CSS?.highlights || !view.Highlight) return false;
  ensureHighlightStyles(doc);
  const highlight = new view.Highlight(...ranges);
  highlight.priority = PRIORITY[name] ?? 0;
  view.CSS.highlights.set(name, highlight);
  return true;
}

/** Removes the highlight `name` from the page. */
export function clearHighlight(doc: Document, name: string): void {
  viewOf(doc)?.CSS?.highlights?.delete(name);
}

/** Removes Backstory's stylesheet from the document (when Backstory is taken off the page). */
export function removeHighlightStyles(doc: Document): void {
  const existing = styled.get(doc);
  if (!existing) return;
  if ('replaceSync' in existing) {
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((sheet) => sheet !== existing);
  } else existing.remove();
  styled.delete(doc);
}
