/**
 * Reaching Backstory on a page the way the browser does, for the browser tests and the demo. The
 * page itself cannot: the panel is the extension's page in a frame (`sidepanel.html?in=page`),
 * the launcher and the marks are in closed shadow roots.
 */
import type { Frame, Locator, Page } from '@playwright/test';

/** Backstory's host element `tag` on a page (its name may carry a random suffix on hostile pages). */
export function hostOf(page: Page, tag: string): Locator {
  return page.locator(`xpath=/html/*[starts-with(local-name(), "${tag}")]`);
}

/** The panel's frame on `page`, if there. */
export function panelFrameOf(page: Page): Frame | null {
  return (
    page
      .frames()
      .find((frame) =>
        /^(chrome|moz)-extension:\/\/[^/]+\/sidepanel\.html\?in=page/.test(frame.url()),
      ) ?? null
  );
}

/** Waits for the panel's frame on `page` (up to `timeout` ms). */
export async function waitForPanelFrame(page: Page, timeout = 15_000): Promise<Frame> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const frame = panelFrameOf(page);
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error(`no panel frame on ${page.url()}`);
    await page.waitForTimeout(50);
  }
}

/** The panel's landmark, in its frame (waits for the frame). */
export async function panelIn(page: Page): Promise<Locator> {
  return (await waitForPanelFrame(page)).getByRole('complementary', { name: 'Backstory' });
}

/** Presses the launcher as a reader does: a click on its host lands on its button. */
export async function pressLauncher(page: Page): Promise<void> {
  await hostOf(page, 'backstory-launcher').click();
}

/**
 * Runs in a page, or in Backstory's world on it: the element with focus, looking into open shadow
 * roots and, where the extension's API is there to open them, closed ones. Self-contained, to be
 * sent as source (`(${deepActiveElement})()`).
 */
export function deepActiveElement(): Element | null {
  const open = (element: Element): ShadowRoot | null =>
    element.shadowRoot ??
    (
      globalThis as {
        chrome?: { dom?: { openOrClosedShadowRoot?(element: Element): ShadowRoot | null } };
      }
    ).chrome?.dom?.openOrClosedShadowRoot?.(element) ??
    null;
  let active = document.activeElement;
  for (let root = active && open(active); root?.activeElement; root = open(root.activeElement))
    active = root.activeElement;
  return active;
}

interface DomNode {
  nodeId: number;
  localName?: string;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

/**
 * Focuses the first `selector` in the closed shadow root of Backstory's `tag` host, through the
 * DevTools protocol (which sees closed shadow roots, as the page does not).
 */
export async function focusInClosedRoot(page: Page, tag: string, selector: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: DomNode;
    };
    const host = findNode(root, (node) => node.localName?.startsWith(tag) === true);
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) throw new Error(`no <${tag}> with a shadow root`);
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: shadow.nodeId, selector });
    if (!nodeId) throw new Error(`no ${selector} in <${tag}>`);
    await cdp.send('DOM.focus', { nodeId });
  } finally {
    await cdp.detach();
  }
}

function findNode(node: DomNode, match: (node: DomNode) => boolean): DomNode | null {
  if (match(node)) return node;
  for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
    const found = findNode(child, match);
    if (found) return found;
  }
  return null;
}
