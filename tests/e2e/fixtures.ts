/**
 * The browser-test fixture: the built extension in Debian's Chromium, with every fixture page
 * served on 127.0.0.1 at its real address (host-resolver rules), plus a page object for the panel.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
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
import { panelDrawnInPage } from '../../scripts/lib/panel-drawn';
import { FIXTURES, fixturePage } from '../fixtures';

export { FIXTURES };
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

/** The panel as a reader meets it. */
export class PanelPage {
  constructor(readonly page: Page) {}
  get launcher(): Locator {
    return this.page.getByRole('button', { name: /^Backstory/ });
  }
  get panel(): Locator {
    return this.page.getByRole('complementary', { name: 'Backstory' });
  }
  heading(name: string): Locator {
    return this.panel.getByRole('heading', { name, exact: true });
  }
  /** Every pin on the Places maps (main and detail). */
  get mapPins(): Locator {
    return this.panel.getByRole('group', { name: /^Places on the map/ }).getByRole('button');
  }
  /** The pin of the place named `name`. */
  mapPin(name: string): Locator {
    return this.panel
      .getByRole('group', { name: /^Places on the map/ })
      .getByRole('button', { name, exact: true });
  }
  /**
   * Waits for the panel drawn hidden ahead of the reader's first press (on a page with a verdict
   * where it does not open by itself) to be drawn in full.
   */
  async prepared(): Promise<void> {
    await this.page.waitForFunction(panelDrawnInPage);
  }

  /** Names of Backstory's elements on the page (launcher, panel hosts). */
  backstoryElements(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('*')]
        .map((el) => el.localName)
        .filter((name) => name.startsWith('backstory')),
    );
  }
  /** The element with focus, looking into open shadow roots: its role-ish description. */
  focused(): Promise<string> {
    return this.page.evaluate(() => {
      let active = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      return active
        ? `${active.localName}${active.getAttribute('aria-label') ? `[${active.getAttribute('aria-label')}]` : ''}`
        : 'none';
    });
  }
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
