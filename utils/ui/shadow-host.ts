/**
 * Owns a shadow root on the page for one of Backstory's surfaces (launcher, panel): a custom
 * element host whose own styles are pinned with `!important` inline, an open shadow root that the
 * page's CSS cannot reach, and `destroy()` to take it all away again.
 */

/** A mounted shadow root. */
export interface ShadowHost {
  host: HTMLElement;
  root: ShadowRoot;
  destroy(): void;
}

/**
 * Creates `<name>` at the end of `<html>` (outside `<body>`, which pages replace) with `css` inside
 * its shadow root. The host is reset with `:host { all: initial !important }`: important rules
 * from inside a shadow tree beat the page's important rules (CSS Cascade 4, "context"), so page
 * rules such as `* { all: unset !important }` lose. Put the host's own layout in `css` under
 * `:host`, with `!important`, after the reset.
 */
export function createShadowHost(doc: Document, name: string, css: string): ShadowHost {
  const host = doc.createElement(name);
  const root = host.attachShadow({ mode: 'open' });
  adoptCss(doc, root, `:host { all: initial !important; }\n${css}`);
  doc.documentElement.append(host);
  return {
    host,
    root,
    destroy: () => host.remove(),
  };
}

/**
 * Puts CSS into the shadow root. A constructed stylesheet is not subject to the page's
 * `style-src` CSP; where a browser refuses one from a content script (Firefox's Xray wrappers,
 * https://bugzilla.mozilla.org/show_bug.cgi?id=1751346), a `<style>` element is used instead.
 */
function adoptCss(doc: Document, root: ShadowRoot, css: string): void {
  try {
    const View = doc.defaultView;
    if (!View) throw new Error('document has no window');
    const sheet = new View.CSSStyleSheet();
    sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
    if (root.adoptedStyleSheets.length === 1) return;
  } catch {
    // Constructed stylesheets unavailable here: the <style> element below does the same job.
  }
  const style = doc.createElement('style');
  style.textContent = css;
  root.append(style);
}

/** The element that has focus, looking inside open shadow roots. */
export function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
