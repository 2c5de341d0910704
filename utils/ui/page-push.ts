/**
 * "Push the page aside" (setting `layout: 'push'`): while the panel is open the page's root element
 * gets a margin as wide as the panel on the panel's side, so the article reflows beside the panel
 * instead of under it. In the narrow layout, where the panel is a bottom sheet, the page instead
 * gets room at its end, so its last lines can scroll clear of the sheet. All of it is one
 * Backstory-owned stylesheet on the document, removed on close; overlay mode adds nothing, so
 * opening the panel there shifts nothing on the page.
 */

/** The panel's width in the side layout (`:host` in `entrypoints/panel.content/layout.css`). */
export const PANEL_WIDTH_PX = 420;
/** Below this viewport width the panel is a bottom sheet (the media queries in the panel CSS). */
export const SHEET_BELOW_PX = 700;
/** The sheet's height, as a share of the viewport height. */
export const SHEET_HEIGHT_VH = 70;

/** Which edge the panel pushes the page from, or null for no push. */
export type PushSide = 'left' | 'right' | null;

/**
 * The document CSS for a push from `side`. `html:root` and `!important` outrank page rules such as
 * `html { margin: 0 !important }` (same origin and importance, higher specificity).
 */
export function pagePushCss(side: 'left' | 'right'): string {
  return [
    `@media (min-width: ${SHEET_BELOW_PX}px) {`,
    `  html:root { margin-${side}: ${PANEL_WIDTH_PX}px !important; }`,
    `}`,
    `@media (max-width: ${SHEET_BELOW_PX - 0.02}px) {`,
    `  html:root { padding-bottom: ${SHEET_HEIGHT_VH}vh !important; }`,
    `}`,
  ].join('\n');
}

/** The push stylesheet's switch. */
export interface PagePush {
  /** Pushes the page from `side`, or stops pushing (null). */
  set(side: PushSide): void;
}

/**
 * Controls the push stylesheet of `doc`. A constructed stylesheet adopted by the document is not
 * subject to the page's `style-src` CSP; where a browser refuses one from a content script
 * (Firefox's Xray wrappers, https://bugzilla.mozilla.org/show_bug.cgi?id=1751346) a `<style>`
 * element does the same job.
 */
export function createPagePush(doc: Document): PagePush {
  let current: PushSide = null;
  let remove: (() => void) | null = null;
  return {
    set(side) {
      if (side === current) return;
      remove?.();
      remove = side ? addDocumentCss(doc, pagePushCss(side)) : null;
      current = side;
    },
  };
}

function addDocumentCss(doc: Document, css: string): () => void {
  try {
    const View = doc.defaultView;
    if (!View) throw new Error('document has no window');
    const sheet = new View.CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    if (doc.adoptedStyleSheets.includes(sheet)) {
      return () => {
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((other) => other !== sheet);
      };
    }
  } catch {
    // Constructed stylesheets unavailable here: the <style> element below does the same job.
  }
  const style = doc.createElement('style');
  style.textContent = css;
  doc.documentElement.append(style);
  return () => style.remove();
}
