/**
 * Owns a shadow root on the page for one of Backstory's surfaces (launcher, panel, marks): a
 * custom element host in the top layer whose own styles are pinned with `!important` from inside,
 * a closed shadow root that the page's CSS cannot reach and its scripts cannot read (the host's
 * `shadowRoot` is null to them; events from inside reach them retargeted to the host), and
 * `destroy()` to take it all away again.
 */

/** The closed shadow roots Backstory made, by host: only this world holds them. */
const roots = new WeakMap<Element, ShadowRoot>();

/**
 * Resets the host, and hides the backdrop the top layer gives it: a page rule such as
 * `::backdrop { background: black }` would otherwise darken the whole page behind the launcher.
 */
const HOST_RESET = `:host { all: initial !important; }
:host::backdrop { display: none !important; }`;

/** A mounted shadow root. */
export interface ShadowHost {
  host: HTMLElement;
  root: ShadowRoot;
  /** Puts the host on top of the top layer again (above a launcher mounted after it). */
  raise(): void;
  destroy(): void;
}

/**
 * Creates `<name>` at the end of `<html>` (outside `<body>`, which pages replace) with `css` inside
 * its shadow root, and raises it to the top layer. The host is reset with
 * `:host { all: initial !important }`: important rules from inside a shadow tree beat the page's
 * important rules (CSS Cascade 4, "context"), so page rules such as `* { all: unset !important }`
 * lose. Put the host's own layout in `css` under `:host`, with `!important`, after the reset.
 */
export function createShadowHost(doc: Document, name: string, css: string): ShadowHost {
  const { host, root } = createHost(doc, name);
  adoptCss(doc, root, `${HOST_RESET}\n${css}`);
  doc.documentElement.append(host);
  raiseToTopLayer(host);
  return {
    host,
    root,
    raise: () => {
      if (typeof host.hidePopover !== 'function') return;
      // Leaving and re-entering the top layer lays the host out again: only when something of
      // the page's own may have entered the top layer above it since.
      if (host.matches(':popover-open') && !hasPageTopLayer(doc)) return;
      if (host.matches(':popover-open')) host.hidePopover();
      raiseToTopLayer(host);
    },
    destroy: () => host.remove(),
  };
}

/**
 * Creates the host element and its shadow root. A page can define `name` as its own custom
 * element before Backstory runs (its constructor then runs for Backstory's element, can take the
 * shadow root first and watch every attribute); such a host is dropped for one named
 * `<name>-<random>`, which the page cannot have defined in advance.
 */
function createHost(doc: Document, name: string): { host: HTMLElement; root: ShadowRoot } {
  const candidates = [name, `${name}-${Math.random().toString(36).slice(2, 10)}`];
  for (const candidate of candidates) {
    const host = doc.createElement(candidate);
    // Undefined custom elements do not match :defined; the page's own ones do.
    if (host.matches(':defined')) continue;
    try {
      const root = host.attachShadow({ mode: 'closed' });
      roots.set(host, root);
      return { host, root };
    } catch (error) {
      // The page's constructor threw after taking the shadow root: try the next name.
      console.warn(`Backstory: <${candidate}> is taken by the page`, error);
    }
  }
  throw new Error(`Backstory: no free element name for <${name}>`);
}

/**
 * Shows the host as a manual popover, which puts it in the top layer: above every page element
 * whatever its z-index (pages lay "max z-index" overlays over everything), and out of the page's
 * transforms and clipping (a page that scales `<html>` would otherwise shrink and move a fixed
 * panel). A manual popover is never light-dismissed. Where popovers are missing (Firefox before
 * 125) the host's own z-index still applies.
 */
function raiseToTopLayer(host: HTMLElement): void {
  if (typeof host.showPopover !== 'function') return;
  host.popover = 'manual';
  try {
    host.showPopover();
  } catch (error) {
    // Only thrown for a host that is not connected or already shown: the z-index still applies.
    console.warn('Backstory: could not raise the panel above the page', error);
  }
}

/**
 * Whether the page has an element of its own in the top layer (a popover, a modal, fullscreen).
 * Backstory's hosts are undefined custom elements named `backstory-…` (see `createHost`); an
 * element that only looks like one could at worst keep the panel under the page's own popover,
 * which a page can do anyway by removing it.
 */
function hasPageTopLayer(doc: Document): boolean {
  const own = (element: Element) =>
    element.localName.startsWith('backstory-') && !element.matches(':defined');
  if (doc.fullscreenElement && !own(doc.fullscreenElement)) return true;
  return [...doc.querySelectorAll(':popover-open, dialog[open]')].some((element) => !own(element));
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

/**
 * The element that has focus, looking inside open shadow roots and Backstory's closed ones (this
 * script's, and those of Backstory's other scripts on the page, which the browser opens to an
 * extension: Chrome's `dom.openOrClosedShadowRoot`, Firefox's `Element.openOrClosedShadowRoot`).
 */
export function deepActiveElement(doc: Document): Element | null {
  let active = doc.activeElement;
  for (;;) {
    const inner = (active && shadowRootOf(active))?.activeElement;
    if (!inner) return active;
    active = inner;
  }
}

interface ClosedRootReaders {
  chrome?: { dom?: { openOrClosedShadowRoot?(element: Element): ShadowRoot | null } };
}

function shadowRootOf(element: Element): ShadowRoot | null {
  const own = element.shadowRoot ?? roots.get(element);
  if (own) return own;
  if (!element.localName.startsWith('backstory-')) return null;
  const firefox = (element as { openOrClosedShadowRoot?: () => ShadowRoot | null })
    .openOrClosedShadowRoot;
  if (typeof firefox === 'function') return firefox.call(element);
  return (globalThis as ClosedRootReaders).chrome?.dom?.openOrClosedShadowRoot?.(element) ?? null;
}
