/**
 * The panel in the browser's side panel (issue 15): the real side panel, opened by the toolbar
 * press or the launcher and reached over CDP, following the reader across tabs; and the same page
 * bound to the article's tab (`sidepanel.html?tab=N`), driven with Playwright's locators, for
 * what needs real clicks and axe.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SidePanelSession } from '../../scripts/lib/side-panel';
import { nothingStrings, pageStrings, strings } from '../../utils/strings';
import {
  ARTICLE_URL,
  closedPart,
  FIXTURES,
  expect,
  setSettings,
  test,
  type PanelPage,
} from './fixtures';

const SIDE = { panelIn: 'side-panel' } as const;
const OPEN_BY_HAND = { autoOpen: { article: false, version: false, related: false } };
const UNRELATED_URL = FIXTURES.find((entry) => entry.expect === null)!.url;
const pack = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../../data/packs/nbc-russians-kazakhstan-2022/pack.json'),
    'utf8',
  ),
) as { article: { title: string } };

/** The side panel's title (the article's, or "nothing here"), and its section headings. */
const shown = (panel: SidePanelSession) =>
  panel.evaluate<{ title: string | null; sections: string[] }>(`(() => {
    const aside = document.querySelector('main[aria-label="Backstory"]');
    return {
      title: aside?.querySelector('h2')?.textContent ?? null,
      sections: [...(aside?.querySelectorAll('section > h2') ?? [])].map((h) => h.textContent),
    };
  })()`);

/** Waits until the side panel's first heading is `title`. */
const untilTitle = (panel: SidePanelSession, title: string) =>
  panel.waitFor(
    `document.querySelector('main[aria-label="Backstory"] h2')?.textContent === ${JSON.stringify(title)}`,
  );

/** Presses the toolbar button on `reader`'s page and waits for the side panel to show the article. */
async function openSidePanel(
  extension: {
    clickToolbarButton(page: Page): Promise<void>;
    sidePanel(): Promise<SidePanelSession>;
  },
  reader: PanelPage,
): Promise<SidePanelSession> {
  await extension.clickToolbarButton(reader.page);
  const panel = await extension.sidePanel();
  await untilTitle(panel, pack.article.title);
  return panel;
}

/** Backstory's elements on the page itself (the launcher's host may be there; no panel). */
const panelOnPage = (reader: PanelPage) =>
  reader.page.evaluate(() => document.querySelectorAll('backstory-panel').length);

test.describe('in the browser’s side panel', () => {
  test.beforeEach(async ({ extension }) => {
    await setSettings(extension, { ...OPEN_BY_HAND, ...SIDE });
  });

  test('the toolbar press opens it beside the article, with the panel’s landmark and sections', async ({
    extension,
    openPage,
  }) => {
    const reader = await openPage(ARTICLE_URL);
    const panel = await openSidePanel(extension, reader);
    const { sections } = await shown(panel);
    expect(sections).toEqual(Object.values(strings.sections));
    // Nothing of the panel is on the page: the page cannot read it.
    expect(await panelOnPage(reader)).toBe(0);
    await panel.detach();
  });

  test('follows the reader: another tab shows "nothing here", back to the article shows it', async ({
    extension,
    openPage,
  }) => {
    const article = await openPage(ARTICLE_URL);
    const panel = await openSidePanel(extension, article);

    const other = await openPage(UNRELATED_URL);
    await other.page.bringToFront();
    await untilTitle(panel, nothingStrings.title);
    await article.page.bringToFront();
    await untilTitle(panel, pack.article.title);

    // The tab navigates to a page with no story: the panel follows it there too.
    await article.page.goto(other.page.url());
    await untilTitle(panel, nothingStrings.title);
    await panel.detach();
  });

  test('the launcher opens it, and the panel is not drawn on the page', async ({
    extension,
    openPage,
  }) => {
    const reader = await openPage(ARTICLE_URL);
    await reader.launcher.click();
    const panel = await extension.sidePanel();
    await untilTitle(panel, pack.article.title);
    expect(await panelOnPage(reader)).toBe(0);
    await panel.detach();
  });

  test('a mark pressed in the article opens its card in the side panel', async ({
    extension,
    openPage,
  }) => {
    const reader = await openPage(ARTICLE_URL);
    const panel = await openSidePanel(extension, reader);
    // The side panel has the page marked (its marks switch shows their number).
    await expect
      .poll(() => reader.page.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0))
      .toBeGreaterThan(20);
    const { page } = reader;
    const point = await page.evaluate(() => {
      const range = ([...(CSS.highlights.get('backstory-mention') ?? [])] as Range[]).find(
        (r) => r.toString() === 'Almaty',
      )!;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.move(point.x, point.y);
    const open = await expect
      .poll(() => closedPart(page, 'backstory-marks', 'button', 'Open in Backstory'))
      .not.toBeNull()
      .then(() => closedPart(page, 'backstory-marks', 'button', 'Open in Backstory'));
    await page.mouse.click(open!.box.x + open!.box.width / 2, open!.box.y + open!.box.height / 2);
    await panel.waitFor(`document.activeElement?.closest('#place-almaty')`);
    expect(await panelOnPage(reader)).toBe(0);
    await panel.detach();
  });

  test('left open while the reader goes back to the panel on the page, it does not get in its way', async ({
    extension,
    openPage,
  }) => {
    const first = await openPage(ARTICLE_URL);
    const panel = await openSidePanel(extension, first);
    await setSettings(extension, { ...OPEN_BY_HAND, panelIn: 'page' });
    // A new tab: the side panel follows it from its first moment, before its verdict exists;
    // the panel on the page still shows the story when the reader opens it there.
    const reader = await openPage(FIXTURES.find((entry) => entry.expect === 'version')!.url);
    await reader.page.bringToFront();
    await untilTitle(panel, pack.article.title);
    await reader.launcher.click();
    await expect(await reader.heading(pack.article.title)).toBeVisible();
    await panel.detach();
  });

  test('opens by itself nowhere: the launcher shows instead', async ({ extension, openPage }) => {
    await setSettings(extension, { ...SIDE });
    const reader = await openPage(ARTICLE_URL);
    await expect(reader.launcher).toBeVisible();
    expect(await panelOnPage(reader)).toBe(0);
  });
});

test.describe('the side panel page bound to the article’s tab', () => {
  /** Opens `sidepanel.html?tab=N` for the tab showing `reader`, in a tab of its own. */
  async function bound(
    extension: {
      context: { newPage(): Promise<Page> };
      extensionId: string;
      tabIdOf(page: Page): Promise<number>;
    },
    reader: PanelPage,
  ): Promise<Page> {
    const tab = await extension.tabIdOf(reader.page);
    const page = await extension.context.newPage();
    await page.goto(`chrome-extension://${extension.extensionId}/sidepanel.html?tab=${tab}`);
    await expect(page.getByRole('main', { name: 'Backstory' })).toBeVisible();
    return page;
  }

  test.beforeEach(async ({ extension }) => {
    await setSettings(extension, { ...OPEN_BY_HAND, ...SIDE });
  });

  test('while its script loads, the panel’s page already shows the panel’s bar, then only the panel', async ({
    extension,
    openPage,
  }) => {
    const reader = await openPage(ARTICLE_URL);
    const tab = await extension.tabIdOf(reader.page);
    const page = await extension.context.newPage();
    const address = `chrome-extension://${extension.extensionId}/sidepanel.html?tab=${tab}`;
    // The script held back: what the reader sees of a panel opened before it has run.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.goto(address);
    const shell = page.locator('.shell');
    await expect(shell.locator('.bar')).toBeVisible();
    await expect(shell.locator('.brand')).toHaveText(`B${strings.brand}`);
    // Drawn in the panel's own colours, not the browser's blank page.
    const colours = await shell.locator('.panel').evaluate((element) => {
      const style = getComputedStyle(element);
      return { background: style.backgroundColor, height: element.getBoundingClientRect().height };
    });
    expect(colours.background).not.toBe('rgba(0, 0, 0, 0)');
    expect(colours.height).toBeGreaterThan(0);
    await cdp.send('Emulation.setScriptExecutionDisabled', { value: false });
    await page.goto(address);
    await expect(page.getByRole('main', { name: 'Backstory' })).toBeVisible();
    await expect(shell).toBeHidden();
  });

  test('Show in article reaches the page: the quote is highlighted there', async ({
    extension,
    openPage,
  }) => {
    const reader = await openPage(ARTICLE_URL);
    const side = await bound(extension, reader);
    const show = side.getByRole('button', { name: /^Show in article: / }).first();
    const label = (await show.getAttribute('aria-label'))!;
    await show.click();
    await expect(side.getByText(pageStrings.quoteShown).first()).toBeVisible();
    const quote = label.replace(/^Show in article: /, '');
    const highlighted = await reader.page.evaluate(() =>
      [...(CSS.highlights.get('backstory-quote') ?? [])].map((range) =>
        (range as Range).toString(),
      ),
    );
    expect(highlighted.join(' ').replace(/\s+/g, ' ')).toContain(quote.slice(0, 20));
  });

  test('the marks switch turns the article’s marks off and on', async ({ extension, openPage }) => {
    const reader = await openPage(ARTICLE_URL);
    const side = await bound(extension, reader);
    const marks = () =>
      reader.page.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0);
    const toggle = side.getByRole('switch', { name: 'Marks in the article' });
    await expect(toggle).not.toHaveAttribute('aria-disabled', 'true');
    await expect.poll(marks).toBeGreaterThan(20);
    await toggle.click();
    await expect.poll(marks).toBe(0);
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await toggle.click();
    await expect.poll(marks).toBeGreaterThan(20);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`axe: no violations, ${scheme}`, async ({ extension, openPage }) => {
      const reader = await openPage(ARTICLE_URL);
      const side = await bound(extension, reader);
      await side.emulateMedia({ colorScheme: scheme });
      await expect(side.locator('section[aria-busy="true"]')).toHaveCount(0);
      const results = await new AxeBuilder({ page: side }).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    });
  }
});
