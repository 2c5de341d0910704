/**
 * The browser-test fixture: the built extension in Debian's Chromium, with every fixture page
 * served on 127.0.0.1 at its real address (host-resolver rules), plus a page object for the panel.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Frame, type Locator, type Page } from '@playwright/test';
import {
  launchWithExtension,
  OPEN_BY_HAND,
  type ExtensionBrowser,
} from '../../scripts/lib/chromium';
import {
  startFixtureServer,
  type FixtureServer,
  type ServedPage,
} from '../../scripts/lib/fixture-server';
import { evaluateInExtensionWorld } from '../../scripts/lib/isolated-world';
import {
  deepActiveElement,
  focusInClosedRoot,
  hostOf,
  panelFrameOf,
  waitForPanelFrame,
} from '../../scripts/lib/panel-frame';
import { panelDrawn } from '../../scripts/lib/panel-drawn';
import { FIXTURES, fixturePage } from '../fixtures';

export { FIXTURES, panelFrameOf };
export const ARTICLE_URL = FIXTURES[0]!.url;

/**
 * The timeline filter's status for events carrying any of `tags`, counted from the first pack
 * ("12 of 53 events"), so the tests follow the pack as it grows.
 */
export function filterStatus(...tags: string[]): string {
  const pack = JSON.parse(
    readFileSync(
      join(import.meta.dirname, '../../data/packs/nbc-russians-kazakhstan-2022/pack.json'),
      'utf8',
    ),
  ) as { timeline: { tags: string[] }[] };
  const shown = pack.timeline.filter((event) => event.tags.some((tag) => tags.includes(tag)));
  return `${shown.length} of ${pack.timeline.length} events`;
}

/**
 * The panel as a reader meets it. The page cannot read Backstory's surfaces: the launcher and
 * the marks are in closed shadow roots, the panel is the extension's page in a frame there. The
 * tests reach the panel as the browser does, through its frame; the launcher by its host (a
 * click lands on its button) and, for focus, through the DevTools protocol.
 */
export class PanelPage {
  constructor(readonly page: Page) {}
  /** The launcher's host: visible when the launcher is, and a click on it presses the button. */
  get launcher(): Locator {
    return hostOf(this.page, 'backstory-launcher');
  }
  /** The panel's host on the page: hidden while the panel is closed, absent before it is drawn. */
  get panelHost(): Locator {
    // Backstory's own host is in the top layer (a popover); a page's look-alike is not.
    return hostOf(this.page, 'backstory-panel').and(this.page.locator('[popover]'));
  }
  /** The panel's frame, once the page has it (waits for it up to `timeout` ms). */
  panelFrame(timeout = 15_000): Promise<Frame> {
    return waitForPanelFrame(this.page, timeout);
  }
  /** The panel's landmark, in its frame. */
  async panel(): Promise<Locator> {
    return (await this.panelFrame()).getByRole('complementary', { name: 'Backstory' });
  }
  async heading(name: string): Promise<Locator> {
    return (await this.panel()).getByRole('heading', { name, exact: true });
  }
  /** Every pin on the Places maps (main and detail). */
  async mapPins(): Promise<Locator> {
    return (await this.panel())
      .getByRole('group', { name: /^Places on the map/ })
      .getByRole('button');
  }
  /** The pin of the place named `name`. */
  async mapPin(name: string): Promise<Locator> {
    return (await this.panel())
      .getByRole('group', { name: /^Places on the map/ })
      .getByRole('button', { name, exact: true });
  }
  /**
   * Waits for the panel drawn hidden ahead of the reader's first press (on a page with a verdict
   * where it does not open by itself) to be drawn in full.
   */
  async prepared(): Promise<void> {
    const frame = await this.panelFrame();
    // Polled on a timer: a hidden frame draws no animation frames.
    await frame.waitForFunction(panelDrawn, undefined, { polling: 100 });
  }
  /** Moves keyboard focus to the launcher's button, as a reader's Tab would. */
  async focusLauncher(): Promise<void> {
    await focusInClosedRoot(this.page, 'backstory-launcher', 'button');
  }

  /** Names of Backstory's elements on the page (launcher, panel hosts). */
  backstoryElements(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('*')]
        .map((el) => el.localName)
        .filter((name) => name.startsWith('backstory')),
    );
  }
  /**
   * Where focus is, as a description (`h2`, `button[label]`): in the panel's frame when it has
   * focus, else on the page, looking into Backstory's closed shadow roots the way the extension
   * does (in its isolated world, through the DevTools protocol).
   */
  async focused(): Promise<string> {
    const describeActive = `(${describeFocus.toString()})((${deepActiveElement.toString()})())`;
    const frame = panelFrameOf(this.page);
    if (frame && (await frame.evaluate(() => document.hasFocus()))) {
      return frame.evaluate(describeActive) as Promise<string>;
    }
    return inExtensionWorld<string>(this.page, describeActive);
  }
}

/** Describes `active` (its name, and its aria-label). Self-contained: sent as source. */
function describeFocus(active: Element | null): string {
  if (!active) return 'none';
  const label = active.getAttribute('aria-label');
  return `${active.localName}${label ? `[${label}]` : ''}`;
}

/** The centre of the first mention of `word` left of the panel, scrolled into view. */
export async function mentionPoint(page: Page, word: string): Promise<{ x: number; y: number }> {
  return page.evaluate((text) => {
    const ranges = [...(CSS.highlights.get('backstory-mention') ?? [])] as Range[];
    const range = ranges.find((r) => r.toString() === text);
    if (!range) throw new Error(`no mark for ${text}`);
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
    const rect = range.getClientRects()[0]!;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }, word);
}

/** What the tests read of an element in a closed shadow root of Backstory's (see `closedPart`). */
export interface ClosedPart {
  visible: boolean;
  text: string;
  label: string | null;
  /** Whether it has keyboard focus. */
  focused: boolean;
  box: { x: number; y: number; width: number; height: number };
}

/**
 * The first element matching `selector` (and whose text contains `hasText`) in the closed shadow
 * root of Backstory's `tag` host, read from Backstory's world as the extension reads it; null when
 * there is none.
 */
export function closedPart(
  page: Page,
  tag: string,
  selector: string,
  hasText = '',
): Promise<ClosedPart | null> {
  return inExtensionWorld<ClosedPart | null>(
    page,
    `(() => {
      const host = [...document.documentElement.children].find((e) => e.localName.startsWith(${JSON.stringify(tag)}));
      const root = host && chrome.dom.openOrClosedShadowRoot(host);
      // Its words: text, and the words drawn from data-text attributes (generated content).
      const words = (e) => [e.textContent ?? '', ...[e, ...e.querySelectorAll('[data-text]')].map((d) => d.getAttribute('data-text') ?? '')].join(' ');
      const element = root && [...root.querySelectorAll(${JSON.stringify(selector)})].find((e) => words(e).includes(${JSON.stringify(hasText)}));
      if (!element) return null;
      const rect = element.getBoundingClientRect();
      return {
        visible: rect.width > 0 && rect.height > 0 && getComputedStyle(element).visibility !== 'hidden',
        text: words(element),
        label: element.getAttribute('aria-label'),
        focused: document.activeElement === host && root.activeElement === element,
        box: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
      };
    })()`,
  );
}

/**
 * Evaluates `expression` in Backstory's isolated world on `page` (its content scripts' world),
 * through the DevTools protocol: where the extension itself can open its closed shadow roots.
 */
export async function inExtensionWorld<T>(page: Page, expression: string): Promise<T> {
  const value = await evaluateInExtensionWorld<T>(page, undefined, expression);
  if (value === undefined) throw new Error('no Backstory world on the page, or no answer');
  return value;
}

interface Fixtures {
  /**
   * Pages served besides the fixture list (hostile pages); set with `test.use`. Wrapped in an
   * object because Playwright reads an array option as `[value, options]`.
   */
  extraPages: { pages: readonly ServedPage[] };
  extension: ExtensionBrowser;
  server: FixtureServer;
  /**
   * Opens a fixture address in a new tab and waits for recognition to have run; `beforeGoto`
   * runs on the blank tab first (to start listening for errors or requests).
   */
  openPage: (
    url: string,
    options?: { beforeGoto?: (page: Page) => Promise<void> },
  ) => Promise<PanelPage>;
}

export const test = base.extend<Fixtures>({
  extraPages: [{ pages: [] }, { option: true }],
  server: async ({ extraPages }, use) => {
    const server = await startFixtureServer([
      ...FIXTURES.map((entry) => ({ url: entry.url, html: fixturePage(entry.file) })),
      ...extraPages.pages,
    ]);
    await use(server);
    await server.close();
  },
  extension: async ({ server }, use) => {
    const browser = await launchWithExtension({ hostResolverRules: server.hostResolverRules });
    // These tests open the panel by hand (launcher, toolbar, keyboard); opening by itself, the
    // default for the article and its versions, has its own tests in settings.spec.ts.
    await browser.storeSettings(OPEN_BY_HAND);
    await use(browser);
    await browser.close();
  },
  openPage: async ({ extension: browser, server }, use) => {
    await use(async (url, options) => {
      const page = await browser.context.newPage();
      await options?.beforeGoto?.(page);
      await page.goto(server.localUrl(url));
      // Wait for the recognizer's first look, and for its verdict (if any) to reach the
      // background: a page with none tells the background nothing.
      await waitForRecognition(browser, page);
      return new PanelPage(page);
    });
  },
});

/** Waits until the recognizer has looked at `page` and the background has its verdict. */
export async function waitForRecognition(browser: ExtensionBrowser, page: Page): Promise<void> {
  await browser.recognized(page);
}

/** Stores settings as the options page would (the extension's own storage). */
export function setSettings(browser: ExtensionBrowser, settings: object): Promise<void> {
  return browser.storeSettings(settings);
}

export { expect };
