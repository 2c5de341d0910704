/**
 * Where the panel sits and what it does to the page, with the reader's settings stored the way the
 * options page stores them: overlay (nothing on the page moves), push (the article reflows beside
 * the panel), left or right, the bottom sheet on narrow windows, 200% zoom, themes, and sections
 * turned off while the panel is open.
 */
import type { Page } from '@playwright/test';
import { ARTICLE_URL, expect, filterStatus, test, type PanelPage } from './fixtures';
import { storeSettings } from './settings';

/** The page body's box: where the page lays itself out. */
const bodyBox = (page: Page) =>
  page.locator('body').evaluate((body) => {
    const { left, right } = body.getBoundingClientRect();
    return { left, right };
  });

/** The article headline's box on the page. */
const headlineBox = (page: Page) =>
  page.locator('h1').evaluate((h1) => {
    const { left, right, top, width } = h1.getBoundingClientRect();
    return { left, right, top, width };
  });

async function openPanel(reader: PanelPage) {
  await reader.launcher.click();
  await expect(reader.panelHost).toBeVisible();
}

test('overlay: opening the panel moves nothing on the page', async ({ openPage }) => {
  const reader = await openPage(ARTICLE_URL);
  await reader.page.evaluate(() => {
    const shifts: number[] = [];
    (window as unknown as { shifts: number[] }).shifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        shifts.push((entry as unknown as { value: number }).value);
    }).observe({ type: 'layout-shift' });
  });
  const before = await headlineBox(reader.page);
  await openPanel(reader);
  await reader.page.waitForTimeout(300);
  expect(await bodyBox(reader.page)).toEqual({ left: 0, right: 1280 });
  expect(await headlineBox(reader.page)).toEqual(before);
  expect(
    await reader.page.evaluate(() => (window as unknown as { shifts: number[] }).shifts),
  ).toEqual([]);
  // The panel covers the right edge.
  const panel = await reader.panelHost.boundingBox();
  expect(panel).toMatchObject({ x: 1280 - 420, width: 420, y: 0, height: 800 });
});

test('push: the article reflows beside the panel, and gets its room back on close', async ({
  extension,
  openPage,
}) => {
  await storeSettings(extension, { layout: 'push' });
  const reader = await openPage(ARTICLE_URL);
  const before = await headlineBox(reader.page);
  await openPanel(reader);
  const panel = (await reader.panelHost.boundingBox())!;
  expect(panel.x).toBe(1280 - 420);
  // The whole page lays out left of the panel (in overlay it runs under it, to 1280).
  expect((await bodyBox(reader.page)).right).toBe(panel.x);
  const pushed = await headlineBox(reader.page);
  expect(pushed.right).toBeLessThanOrEqual(panel.x);
  expect(pushed.top).toBe(before.top); // pushed aside, not down
  await reader.page.keyboard.press('Escape');
  await expect(reader.panelHost).toBeHidden();
  expect(await headlineBox(reader.page)).toEqual(before);
});

test('left side, push: the panel at the left edge, the article beside it', async ({
  extension,
  openPage,
}) => {
  await storeSettings(extension, { side: 'left', layout: 'push' });
  const reader = await openPage(ARTICLE_URL);
  await openPanel(reader);
  const panel = (await reader.panelHost.boundingBox())!;
  expect(panel).toMatchObject({ x: 0, width: 420 });
  expect((await bodyBox(reader.page)).left).toBe(420);
});

test('settings changed while the panel is open apply at once', async ({ extension, openPage }) => {
  const reader = await openPage(ARTICLE_URL);
  await openPanel(reader);
  await expect(await reader.heading('People')).toBeVisible();
  await storeSettings(extension, {
    side: 'left',
    sections: {
      places: true,
      people: false,
      timeline: true,
      figures: true,
      glossary: true,
      notes: true,
    },
  });
  await expect(await reader.heading('People')).toHaveCount(0);
  await expect((await reader.panel()).getByRole('navigation').getByRole('button')).toHaveText([
    'Places',
    'Timeline',
    'Figures',
    'Terms',
    'Notes on the article',
  ]);
  await expect.poll(async () => (await reader.panelHost.boundingBox())?.x).toBe(0);
});

test('an explicit theme wins over the system one', async ({ extension, openPage }) => {
  const background = async (reader: PanelPage) =>
    (await reader.panel()).evaluate((aside) => getComputedStyle(aside).backgroundColor);
  const reader = await openPage(ARTICLE_URL);
  await openPanel(reader);
  const light = await background(reader);
  await storeSettings(extension, { theme: 'dark' });
  await expect.poll(() => background(reader)).not.toBe(light);
  const dark = await background(reader);
  // Dark: every channel low. The system stays light throughout.
  expect(Math.max(...(dark.match(/\d+/g) ?? []).map(Number))).toBeLessThan(60);
  await reader.page.emulateMedia({ colorScheme: 'dark' });
  await storeSettings(extension, { theme: 'light' });
  await expect.poll(() => background(reader)).toBe(light);
});

test('below 700px wide the panel is a bottom sheet over part of the page', async ({ openPage }) => {
  const reader = await openPage(ARTICLE_URL);
  await reader.page.setViewportSize({ width: 420, height: 860 });
  await openPanel(reader);
  const sheet = (await reader.panelHost.boundingBox())!;
  expect(sheet.x).toBe(0);
  expect(sheet.width).toBe(420);
  expect(sheet.y + sheet.height).toBe(860);
  // 70% of the height: the top of the article stays in view above it.
  expect(sheet.height).toBeCloseTo(860 * 0.7, 0);
  await expect(reader.page.locator('h1')).toBeInViewport();
  const scrolls = await (
    await reader.panel()
  ).evaluate((aside) => aside.scrollHeight > aside.clientHeight);
  expect(scrolls).toBe(true);
  await expect(
    (await reader.panel()).getByRole('button', { name: 'Close Backstory' }),
  ).toBeInViewport();
});

test('at 200% zoom (1280×800 seen as 640×400) the panel is usable', async ({ openPage }) => {
  const reader = await openPage(ARTICLE_URL);
  await reader.page.setViewportSize({ width: 640, height: 400 });
  await openPanel(reader);
  const panel = await reader.panel();
  await expect(panel.getByRole('button', { name: 'Close Backstory' })).toBeInViewport();
  // Nothing wider than the panel: no sideways scrolling.
  expect(await panel.evaluate((aside) => aside.scrollWidth <= aside.clientWidth)).toBe(true);
  await panel.getByRole('navigation').getByRole('button', { name: 'Timeline' }).click();
  await expect(await reader.heading('Timeline')).toBeInViewport();
  const exodus = panel.getByRole('button', { name: /^Exodus/ });
  await exodus.scrollIntoViewIfNeeded();
  await exodus.click();
  await expect(panel.getByRole('status').filter({ hasText: / events$/ })).toHaveText(
    filterStatus('exodus'),
  );
});

test('reduced motion: a followed phrase highlights its events without the pulse', async ({
  openPage,
}) => {
  const animation = async (reader: PanelPage) =>
    (await reader.panel())
      .locator('li.event.is-linked')
      .first()
      .evaluate((li) => getComputedStyle(li).animationName);
  const reader = await openPage(ARTICLE_URL);
  await openPanel(reader);
  const phrase = (await reader.panel()).getByRole('button', { name: /^“Sept\. 28”: show/ });
  await phrase.click();
  expect(await animation(reader)).toBe('linked');
  await reader.page.emulateMedia({ reducedMotion: 'reduce' });
  await phrase.click();
  expect(await animation(reader)).toBe('none');
});

test('closed, the panel is out of sight, reach and focus; reopened, it is above the page’s own popover', async ({
  openPage,
}) => {
  const reader = await openPage(ARTICLE_URL);
  const { page } = reader;
  await openPanel(reader);
  await page.keyboard.press('Escape');
  await expect(reader.panelHost).toBeHidden();
  // Where the panel was, the page gets the pointer again.
  expect(
    await page.evaluate(() => document.elementFromPoint(1200, 400)?.closest('[popover]')),
  ).toBeNull();

  // The page puts its own popover in the top layer, over the panel's place.
  await page.evaluate(() => {
    const own = document.createElement('div');
    own.id = 'page-popover';
    own.popover = 'manual';
    own.textContent = 'The page’s own popover';
    own.style.cssText = 'position:fixed;inset:0;margin:0;width:100vw;height:100vh;background:#eee';
    document.body.append(own);
    own.showPopover();
  });
  await reader.focusLauncher();
  await page.keyboard.press('Enter');
  await expect(reader.panelHost).toBeVisible();
  const box = (await reader.panelHost.boundingBox())!;
  const hit = await page.evaluate(
    ([x, y]) => document.elementFromPoint(x!, y!)?.localName ?? null,
    [box.x + box.width / 2, box.y + box.height / 2],
  );
  expect(hit).toMatch(/^backstory-panel/);
});
