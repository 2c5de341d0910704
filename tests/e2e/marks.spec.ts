import type { Page } from '@playwright/test';
import { fixturePage } from '../fixtures';
import {
  ARTICLE_URL,
  closedPart,
  mentionPoint,
  expect,
  FIXTURES,
  setSettings,
  test,
  type ClosedPart,
  type PanelPage,
} from './fixtures';

const QUOTE = 'traitors for Russia';
const fold = (text: string) =>
  text
    .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu)
    ?.join(' ') ?? '';

/** The text of each range of a highlight, read in the page's own world. */
function highlightTexts(page: Page, name: string): Promise<string[] | null> {
  return page.evaluate((highlightName) => {
    const highlight = CSS.highlights.get(highlightName);
    return highlight ? [...highlight].map((range) => (range as Range).toString()) : null;
  }, name);
}

/** Whether the first range of a highlight lies inside the viewport. */
function highlightInView(page: Page, name: string): Promise<boolean> {
  return page.evaluate((highlightName) => {
    const range = [...(CSS.highlights.get(highlightName) ?? [])][0] as Range | undefined;
    const rect = range?.getBoundingClientRect();
    return Boolean(rect && rect.height > 0 && rect.top >= 0 && rect.bottom <= innerHeight);
  }, name);
}

/** Opens the panel and waits until it is drawn and the page marked (the switch then works). */
async function openPanel(reader: PanelPage) {
  await reader.launcher.click();
  await expect(
    (await reader.panel()).getByRole('heading', { name: 'Nikita Rakhimov' }),
  ).toBeAttached();
  await expect(
    (await reader.panel()).getByRole('switch', { name: 'Marks in the article' }),
  ).not.toHaveAttribute('aria-disabled', 'true');
}

/** A mark's card for `name` as the reader sees it (in the marks' closed shadow root). */
const card = (reader: PanelPage, name: string) =>
  closedPart(reader.page, 'backstory-marks', '[role="group"]', name);
/** The focusable stand-in that moves over the marks. */
const target = (reader: PanelPage) => closedPart(reader.page, 'backstory-marks', 'button.target');
const shown = async (part: Promise<ClosedPart | null>) => (await part)?.visible === true;

const PAGES = [
  ARTICLE_URL,
  FIXTURES.find((f) => f.file === 'copy-elsewhere.html')!.url,
  FIXTURES.find((f) => f.file === 'version-reformatted-spans.html')!.url,
];

test.describe('Show in article', () => {
  for (const url of PAGES) {
    test(`highlights Rakhimov's "${QUOTE}" on ${new URL(url).host}`, async ({ openPage }) => {
      const reader = await openPage(url);
      const before = await reader.page.evaluate(() => document.body.innerText);
      await openPanel(reader);
      const button = (await reader.panel()).getByRole('button', {
        name: `Show in article: ${QUOTE}`,
      });
      await button.click();

      await expect.poll(() => highlightTexts(reader.page, 'backstory-quote')).not.toBeNull();
      const texts = (await highlightTexts(reader.page, 'backstory-quote'))!;
      expect(texts.map(fold)).toEqual([fold(QUOTE)]);
      await expect.poll(() => highlightInView(reader.page, 'backstory-quote')).toBe(true);
      await expect(
        (await reader.panel()).getByRole('status').filter({ hasText: 'Highlighted' }),
      ).toHaveText('Highlighted in the article.');
      // Focus stays on the button; the page's text is untouched.
      await expect.poll(() => reader.focused()).toBe(`button[Show in article: ${QUOTE}]`);
      expect(await reader.page.evaluate(() => document.body.innerText)).toBe(before);

      // Closing the panel takes the highlight away.
      await reader.page.keyboard.press('Escape');
      await expect.poll(() => highlightTexts(reader.page, 'backstory-quote')).toBeNull();
    });
  }

  test('scrolls instantly when the reader prefers reduced motion', async ({ openPage }) => {
    const reader = await openPage(ARTICLE_URL);
    await reader.page.emulateMedia({ reducedMotion: 'reduce' });
    await openPanel(reader);
    await (await reader.panel()).getByRole('button', { name: `Show in article: ${QUOTE}` }).click();
    // No smooth scroll to wait for: the passage is in view as soon as the page has the request.
    await expect.poll(() => highlightTexts(reader.page, 'backstory-quote')).not.toBeNull();
    expect(await highlightInView(reader.page, 'backstory-quote')).toBe(true);
  });

  for (const [page, head] of [
    [
      "a page whose CSP is style-src 'none'",
      `<meta http-equiv="Content-Security-Policy" content="style-src 'none'">`,
    ],
    [
      'a page whose CSS restyles the highlight',
      `<style>* { all: unset !important } ::highlight(backstory-quote) { background-color: transparent !important; color: red !important }</style>`,
    ],
  ]) {
    test(`paints the highlight on ${page}`, async ({ extension, openPage }) => {
      const html = fixturePage('nbc-article.html').replace('<head>', `<head>${head}`);
      await extension.context.route(ARTICLE_URL, (route) =>
        route.fulfill({ contentType: 'text/html', body: html }),
      );
      const reader = await openPage(ARTICLE_URL);
      await openPanel(reader);
      await (
        await reader.panel()
      )
        .getByRole('button', { name: `Show in article: ${QUOTE}` })
        .click();
      const painted = await reader.page.evaluate((quote) => {
        const block = [...document.querySelectorAll('p')].find((p) =>
          p.textContent?.includes(quote),
        );
        const style = getComputedStyle(block!, '::highlight(backstory-quote)');
        return [style.backgroundColor, style.color];
      }, QUOTE);
      expect(painted).toEqual(['rgb(255, 216, 77)', 'rgb(17, 17, 17)']);
    });
  }

  test('says so when a quote is not on the page', async ({ openPage }) => {
    const truncated = FIXTURES.find((f) => f.file === 'version-paywall-truncated.html')!;
    const reader = await openPage(truncated.url);
    await openPanel(reader);
    const person = (await reader.panel()).locator('#person-nikita-rakhimov');
    await expect(person).toContainText('Not on this page');
    // Paragraph 17 is past the paywall: no button for it, and the reason is shown beside it.
    await expect(person.getByRole('button', { name: `Show in article: ${QUOTE}` })).toHaveCount(0);
    const quote = person.locator('.quote').filter({ hasText: QUOTE });
    await expect(quote.locator('.quote-missing')).toBeVisible();
  });
});

test.describe('mention marks', () => {
  test('marks people and places; a hover card that stays, hovers and dismisses', async ({
    openPage,
  }) => {
    const reader = await openPage(ARTICLE_URL);
    const before = await reader.page.evaluate(() => document.body.innerText);
    await openPanel(reader);
    const marks = (await highlightTexts(reader.page, 'backstory-mention')) ?? [];
    expect(marks).toContain('Almaty');
    expect(marks).toContain('Rakhimov');
    expect(marks.length).toBeGreaterThan(20);
    await reader.page.keyboard.press('Escape');
    await expect(reader.panelHost).toBeHidden();

    const { page } = reader;
    const point = await mentionPoint(page, 'Almaty');
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => shown(card(reader, 'Almaty'))).toBe(true);
    expect((await card(reader, 'Almaty'))!.text).toContain('Kazakhstan’s largest city');

    // Escape hides it without moving the pointer.
    await page.keyboard.press('Escape');
    await expect.poll(() => shown(card(reader, 'Almaty'))).toBe(false);

    // Away and back shows it again; the pointer can then move onto the card and it stays.
    await page.mouse.move(5, 5);
    await page.mouse.move(point.x, point.y);
    await expect.poll(() => shown(card(reader, 'Almaty'))).toBe(true);
    const { box } = (await closedPart(page, 'backstory-marks', '[role="group"] .box', 'Almaty'))!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 8 });
    await page.waitForTimeout(600); // longer than the grace period a card has without the pointer
    expect(await shown(card(reader, 'Almaty'))).toBe(true);

    // "Open in Backstory" opens the panel at Almaty's card.
    const open = (await closedPart(page, 'backstory-marks', 'button', 'Open in Backstory'))!;
    await page.mouse.click(open.box.x + open.box.width / 2, open.box.y + open.box.height / 2);
    await expect(reader.panelHost).toBeVisible();
    await expect((await reader.panel()).locator('#place-almaty h3')).toBeFocused();
    await expect.poll(() => reader.focused()).toBe('h3');
    expect(await page.evaluate(() => document.body.innerText)).toBe(before);
  });

  test('keyboard focus reaches the marks and shows the card', async ({ openPage }) => {
    const reader = await openPage(ARTICLE_URL);
    await openPanel(reader);
    await (await reader.panel()).getByRole('button', { name: /^Go to the marks/ }).click();
    await expect.poll(async () => (await target(reader))?.focused).toBe(true);
    const first = (await target(reader))!.label;
    expect(first).toMatch(/, mark \d+ of \d+$/);
    await expect.poll(() => shown(card(reader, ''))).toBe(true);

    await reader.page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await target(reader))?.label).not.toBe(first);
    await reader.page.keyboard.press('Escape');
    await expect.poll(() => shown(card(reader, ''))).toBe(false);
    expect((await target(reader))?.focused).toBe(true);
  });

  test('Tab reaches the marks after the page', async ({ openPage }) => {
    const reader = await openPage(ARTICLE_URL);
    await openPanel(reader);
    await reader.page.keyboard.press('Escape');
    await reader.page.evaluate(() => {
      const links = [...document.body.querySelectorAll<HTMLElement>('a[href], button')];
      links.at(-1)?.focus();
    });
    for (let i = 0; i < 3 && !(await target(reader))?.focused; i++) {
      await reader.page.keyboard.press('Tab');
    }
    expect((await target(reader))?.focused).toBe(true);
    await expect.poll(() => shown(card(reader, ''))).toBe(true);
  });

  test('turning marks off removes them', async ({ openPage }) => {
    const reader = await openPage(ARTICLE_URL);
    await openPanel(reader);
    const toggle = (await reader.panel()).getByRole('switch', { name: 'Marks in the article' });
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    await expect.poll(() => highlightTexts(reader.page, 'backstory-mention')).toBeNull();
    await expect(reader.page.locator('backstory-marks')).toHaveCount(0);
    await toggle.click();
    await expect.poll(() => highlightTexts(reader.page, 'backstory-mention')).toContain('Almaty');
  });

  test('the reader’s setting turns marks off, and back on at once', async ({
    extension,
    openPage,
  }) => {
    const manual = { autoOpen: { article: false, version: false, related: false } };
    await setSettings(extension, { ...manual, marks: false });
    const reader = await openPage(ARTICLE_URL);
    await openPanel(reader);
    const toggle = (await reader.panel()).getByRole('switch', { name: 'Marks in the article' });
    await expect(toggle).toHaveAttribute('aria-checked', 'false');
    expect(await highlightTexts(reader.page, 'backstory-mention')).toBeNull();

    await setSettings(extension, { ...manual, marks: true });
    await expect(toggle).toHaveAttribute('aria-checked', 'true');
    await expect.poll(() => highlightTexts(reader.page, 'backstory-mention')).toContain('Almaty');
  });
});
