/// <reference types="chrome" />
/**
 * Browser-test helpers for the reader's settings and for checking what a reader sees: settings go
 * into `chrome.storage.local` (key `settings`, as the options page saves them) through the
 * extension's service worker.
 */
import type { Page } from '@playwright/test';
import { OPEN_BY_HAND, type ExtensionBrowser } from '../../scripts/lib/chromium';
import type { Settings } from '../../utils/settings';
import { deepActiveElement } from '../../scripts/lib/panel-frame';
import { inExtensionWorld, panelFrameOf } from './fixtures';

/**
 * Stores settings as the options page would (keys left out take their defaults), except that
 * the panel does not open by itself unless `autoOpen` is given: these tests open it by hand.
 */
export async function storeSettings(
  browser: ExtensionBrowser,
  settings: Partial<Settings>,
): Promise<void> {
  await browser.storeSettings({ ...OPEN_BY_HAND, ...settings });
}

/** What the focused element (looking into shadow roots) shows as its focus ring. */
export interface FocusRing {
  /** The element: tag and accessible-ish name. */
  element: string;
  /** Best contrast of a ring colour (outline, or a box-shadow ring) with what is behind it. */
  contrast: number;
  /** The widest ring, in CSS pixels. */
  width: number;
}

/**
 * The focused element's ring: its outline and box-shadow rings (spread ≥ 2px), each colour's
 * contrast with the first opaque background behind the element (crossing shadow roots), best of
 * them. A missing ring gives contrast 1 and width 0.
 */
export async function focusRing(page: Page): Promise<FocusRing> {
  const frame = panelFrameOf(page);
  const run = `(${ringOfFocus.toString()})((${deepActiveElement.toString()})())`;
  if (frame && (await frame.evaluate(() => document.hasFocus()))) {
    return frame.evaluate(run) as Promise<FocusRing>;
  }
  // On the page: from Backstory's world, which can look into its closed shadow roots.
  return inExtensionWorld<FocusRing>(page, run);
}

/** Runs in a page or the extension's world: the ring of `active` (see `focusRing`). */
function ringOfFocus(active: Element | null): FocusRing {
  if (!active) return { element: 'none', contrast: 1, width: 0 };
  const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = (color: string) => {
    const [r = 0, g = 0, b = 0] = rgb(color).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a: string, b: string) => {
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
    return (x + 0.05) / (y + 0.05);
  };
  let behind = 'rgb(255, 255, 255)';
  for (let node: Node | null = active.parentNode; node;) {
    if (node instanceof Element) {
      const bg = getComputedStyle(node).backgroundColor;
      const alpha = rgb(bg)[3];
      if (bg !== 'transparent' && alpha !== 0) {
        behind = bg;
        break;
      }
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  const style = getComputedStyle(active);
  const rings: { color: string; width: number }[] = [];
  if (style.outlineStyle !== 'none') {
    rings.push({ color: style.outlineColor, width: parseFloat(style.outlineWidth) });
  }
  // Computed box-shadow: "rgb(r, g, b) 0px 0px 0px 3px, …"
  for (const shadow of style.boxShadow === 'none' ? [] : style.boxShadow.split(/,(?![^(]*\))/)) {
    const color = shadow.match(/rgba?\([^)]*\)/)?.[0];
    const lengths = shadow
      .replace(/rgba?\([^)]*\)/, '')
      .trim()
      .split(/\s+/)
      .map(parseFloat);
    if (color && !shadow.includes('inset') && (lengths[3] ?? 0) >= 2) {
      rings.push({ color, width: lengths[3]! });
    }
  }
  const label = active.getAttribute('aria-label') ?? active.textContent?.trim().slice(0, 40);
  return {
    element: `${active.localName} ${label ?? ''}`.trim(),
    contrast: Math.max(1, ...rings.map((ring) => ratio(ring.color, behind))),
    width: Math.max(0, ...rings.map((ring) => ring.width)),
  };
}
