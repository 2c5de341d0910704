/// <reference types="chrome" />
/**
 * The demo's pictures of the panel itself: every section, the timeline in use (a topic filter, a
 * time phrase followed to its events), and the layouts set in the reader's settings (the bottom
 * sheet on a narrow window, the page pushed aside). Each function opens the article, shoots and
 * returns the files it wrote.
 */
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Settings } from '../../utils/settings';
import { OPEN_BY_HAND, type ExtensionBrowser } from './chromium';
import type { FixtureServer } from './fixture-server';
import { panelIn, pressLauncher } from './panel-frame';

/** Where and what to shoot. */
export interface ShotContext {
  browser: ExtensionBrowser;
  server: FixtureServer;
  /** The article's real address (served locally). */
  articleUrl: string;
  scheme: 'light' | 'dark';
  out: string;
}

/** The sections, by their jump button and file name; the first two also get a whole-page view. */
const SECTIONS = [
  ['Places', 'places'],
  ['People', 'people'],
  ['Timeline', 'timeline'],
  ['Figures', 'figures'],
  ['Terms', 'terms'],
  ['Notes on the article', 'notes'],
] as const;
const WHOLE_PAGE = new Set(['people', 'timeline']);

/** Opens the article with `settings` stored and the panel opened by its launcher. */
export async function openArticle(
  context: ShotContext,
  settings: Partial<Settings> = {},
): Promise<{ page: Page; panel: Locator }> {
  // The panel is opened by its launcher, so it must not open by itself first.
  await context.browser.storeSettings({ ...OPEN_BY_HAND, ...settings });
  const page = await context.browser.context.newPage();
  await page.goto(context.server.localUrl(context.articleUrl));
  await pressLauncher(page);
  const panel = await panelIn(page);
  await panel.getByRole('navigation').waitFor();
  await untilDrawn(page, panel);
  // The mouse rests away from the panel, so no hover state shows.
  await page.mouse.move(10, 400);
  await page.waitForTimeout(200);
  return { page, panel };
}

/**
 * Waits until the panel has drawn every section (a piece per frame) and the page is marked (the
 * marks switch stops waiting), so a picture never catches it half drawn.
 */
export async function untilDrawn(page: Page, panel: Locator): Promise<void> {
  await panel.getByRole('navigation').waitFor();
  const busy = panel.locator('section[aria-busy="true"], [role="switch"][aria-disabled="true"]');
  while ((await busy.count()) > 0) await page.waitForTimeout(50);
}

/** Shoots the whole window, or only `element` (the panel). */
async function shoot(target: Page | Locator, file: string, shots: string[]) {
  await target.screenshot({ path: file });
  shots.push(file);
}

/**
 * One picture of the panel per section, reached with the panel's own section buttons (the first
 * from the top of the panel, with the header), and whole-page views of People and Timeline.
 */
export async function sectionShots(context: ShotContext): Promise<string[]> {
  const shots: string[] = [];
  const { page, panel } = await openArticle(context);
  for (const [button, name] of SECTIONS) {
    if (name === 'places') {
      // The Places map and its legend, from the section's own button.
      await shoot(panel, join(context.out, `panel-places-${context.scheme}.png`), shots);
      await panel
        .getByRole('navigation')
        .getByRole('button', { name: button, exact: true })
        .click();
      await page.waitForTimeout(300);
      await shoot(panel, join(context.out, `places-map-${context.scheme}.png`), shots);
      continue;
    }
    await panel.getByRole('navigation').getByRole('button', { name: button, exact: true }).click();
    await page.waitForTimeout(300);
    await shoot(panel, join(context.out, `panel-${name}-${context.scheme}.png`), shots);
    if (WHOLE_PAGE.has(name)) {
      await shoot(page, join(context.out, `article-${name}-${context.scheme}.png`), shots);
    }
  }
  await page.close();
  return shots;
}

/** The timeline in use: one topic picked, then a time phrase followed to its events. */
export async function timelineShots(context: ShotContext): Promise<string[]> {
  const shots: string[] = [];
  const { page, panel } = await openArticle(context);
  await panel.getByRole('navigation').getByRole('button', { name: 'Timeline' }).click();
  // The filter just below the panel's sticky bar, the events under it.
  await panel.locator('fieldset').evaluate((fieldset) => {
    fieldset.scrollIntoView({ block: 'start' });
    fieldset.closest('.panel')?.scrollBy(0, -72);
  });
  await panel.getByRole('button', { name: /^Mobilization/ }).click();
  await page.mouse.move(10, 400);
  await page.waitForTimeout(300);
  await shoot(panel, join(context.out, `timeline-filter-${context.scheme}.png`), shots);
  await panel.getByRole('button', { name: 'Show all' }).click();
  await panel.getByRole('button', { name: /^“in the week since”: show/ }).click();
  await page.mouse.move(10, 400);
  await page.waitForTimeout(1200); // the highlight's brief pulse, unless motion is reduced
  await shoot(panel, join(context.out, `timeline-phrase-${context.scheme}.png`), shots);
  // What happened next: the timeline after the article, one event's evidence open.
  const event = panel.locator('#event-electronic-summons-law');
  await event.locator('details.evidence > summary').click();
  await event.evaluate((element) => {
    element.scrollIntoView({ block: 'start' });
    element.closest('.panel')?.scrollBy(0, -160);
  });
  await page.mouse.move(10, 400);
  await page.waitForTimeout(300);
  await shoot(panel, join(context.out, `timeline-evidence-${context.scheme}.png`), shots);
  await page.close();
  return shots;
}

/**
 * Claims as of today: a figure that sources give differently (who says what, one source's words
 * open), and a person's card with what changed after the article.
 */
export async function sinceShots(context: ShotContext): Promise<string[]> {
  const shots: string[] = [];
  const { page, panel } = await openArticle(context);
  const show = async (card: Locator, file: string) => {
    await card.evaluate((element) => {
      element.scrollIntoView({ block: 'start' });
      element.closest('.panel')?.scrollBy(0, -72);
    });
    await page.mouse.move(10, 400);
    await page.waitForTimeout(300);
    await shoot(panel, join(context.out, `${file}-${context.scheme}.png`), shots);
  };
  const disputed = panel.locator('article.card:has(.claims)').first();
  await disputed.locator('.claims details.evidence > summary').first().click();
  await show(disputed, 'figure-who-says-what');
  const updated = panel.locator('#person-sergei-shoigu');
  await updated.locator('.updates details.evidence > summary').first().click();
  await show(updated.locator('.updates'), 'person-since');
  await page.close();
  return shots;
}

/** The bottom sheet on a narrow window (420×860), and the page pushed aside (1280×800). */
export async function layoutShots(context: ShotContext): Promise<string[]> {
  const shots: string[] = [];
  const narrow = await openArticle(context);
  await narrow.page.setViewportSize({ width: 420, height: 860 });
  await narrow.page.waitForTimeout(300);
  await shoot(narrow.page, join(context.out, `sheet-${context.scheme}.png`), shots);
  await narrow.page.close();
  const pushed = await openArticle(context, { layout: 'push' });
  await shoot(pushed.page, join(context.out, `push-${context.scheme}.png`), shots);
  await pushed.page.close();
  const left = await openArticle(context, { layout: 'push', side: 'left' });
  await shoot(left.page, join(context.out, `push-left-${context.scheme}.png`), shots);
  await left.page.close();
  // Back to the defaults for whatever runs next.
  await context.browser.worker.evaluate(() => chrome.storage.local.remove('settings'));
  return shots;
}
