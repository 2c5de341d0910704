import { ARTICLE_URL, FIXTURES, PanelPage, expect, test } from './fixtures';
import { storeSettings } from './settings';

const TITLES = {
  article: 'Backstory: this article',
  version: 'Backstory: a version of this article',
  related: 'Backstory: related coverage',
  none: 'Backstory: nothing for this page',
} as const;

test.describe('verdicts on the toolbar button', () => {
  for (const fixture of FIXTURES) {
    test(`${fixture.file} at ${fixture.url} is "${fixture.expect ?? 'none'}"`, async ({
      extension: browser,
      openPage,
    }) => {
      const reader = await openPage(fixture.url);
      const { title, badge } = await browser.actionState(reader.page);
      expect(title).toBe(TITLES[fixture.expect ?? 'none']);
      if (fixture.expect) {
        expect(badge).not.toBe('');
        await expect(reader.launcher).toBeVisible();
      } else {
        expect(badge).toBe('');
        expect(await reader.backstoryElements()).toEqual([]);
      }
    });
  }
});

test('the launcher opens the panel; Escape closes it and gives focus back', async ({
  openPage,
}) => {
  const reader = await openPage(ARTICLE_URL);
  await reader.focusLauncher();
  await reader.page.keyboard.press('Enter');

  await expect(reader.panelHost).toBeVisible();
  await expect(await reader.panel()).toContainText('You are reading this article');
  await expect(await reader.panel()).toContainText('The address is the article’s own.');
  for (const heading of ['Places', 'People', 'Timeline']) {
    await expect(await reader.heading(heading)).toBeVisible();
  }
  // Focus moved into the panel, so keyboard users land on what they opened.
  await expect.poll(() => reader.focused()).toBe('h2');

  await reader.page.keyboard.press('Escape');
  await expect(reader.panelHost).toBeHidden();
  await expect.poll(() => reader.focused()).toMatch(/^button\[Backstory/);
});

test('drawn while the reader reads, the panel opens whole at the first press', async ({
  openPage,
}) => {
  const related = FIXTURES.find((fixture) => fixture.expect === 'related')!;
  const reader = await openPage(related.url);
  await reader.prepared();
  // Hidden, the panel is drawn in full already, so the press only shows it.
  const frame = await reader.panelFrame();
  const held = await frame.evaluate(() => ({
    busy: document.querySelectorAll('[aria-busy="true"]').length,
    cards: document.querySelectorAll('article.card, li.event').length,
  }));
  expect(held.busy).toBe(0);
  expect(held.cards).toBeGreaterThan(30);
  await expect(reader.panelHost).toBeHidden();
  await reader.launcher.click();
  await expect(reader.panelHost).toBeVisible();
  expect(
    await frame.evaluate(() => document.querySelectorAll('article.card, li.event').length),
  ).toBe(held.cards);
  await expect(await reader.panel()).toBeVisible();
  await expect.poll(() => reader.focused()).toBe('h2');
});

test('the panel shows sourced places, people and dated events', async ({ openPage }) => {
  const reader = await openPage(ARTICLE_URL);
  await reader.launcher.click();
  const panel = await reader.panel();
  await expect(panel.getByRole('heading', { name: 'Almaty', exact: true })).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Nikita Rakhimov', exact: true })).toBeAttached();
  await expect(panel.locator('time[datetime="2022-09-21"]').first()).toBeAttached();
  // Every card and event cites at least one source, each a real https link that opens safely
  // (counted once the panel, drawn a few cards per frame, is all there).
  await expect(panel.locator('section[aria-busy="true"]')).toHaveCount(0);
  const cards = panel.locator('article.card, li.event');
  const count = await cards.count();
  expect(count).toBeGreaterThan(30);
  for (let i = 0; i < count; i++) {
    await expect(cards.nth(i).locator('.sources a').first()).toHaveAttribute('href', /^https:\/\//);
  }
  const rels = await panel
    .locator('a[href]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('rel')));
  expect(new Set(rels)).toEqual(new Set(['noopener noreferrer']));
});

test('the toolbar button toggles the panel', async ({ extension: browser, openPage }) => {
  const reader = await openPage(ARTICLE_URL);
  await browser.clickToolbarButton(reader.page);
  await expect(reader.panelHost).toBeVisible();
  await browser.clickToolbarButton(reader.page);
  await expect(reader.panelHost).toBeHidden();
  await browser.clickToolbarButton(reader.page);
  await expect(reader.panelHost).toBeVisible();
});

test('a version of the article says why it was recognized', async ({ openPage }) => {
  const version = FIXTURES.find((fixture) => fixture.expect === 'version')!;
  const reader = await openPage(version.url);
  await reader.launcher.click();
  await expect(await reader.panel()).toContainText('A version of this article');
  await expect(await reader.panel()).toContainText(/\d+% of the article’s text is on this page\./);
});

test('related coverage in German says it is a German report', async ({ openPage }) => {
  const german = FIXTURES.find((fixture) => fixture.file === 'related-de-kasachstan.html')!;
  const reader = await openPage(german.url);
  await reader.launcher.click();
  await expect(await reader.panel()).toContainText('Related coverage of this story');
  await expect(await reader.panel()).toContainText(/A German report on the same events: \d+ of/);
});

test('an unrelated page gets nothing until the reader presses the toolbar button, which says so', async ({
  extension: browser,
  openPage,
}) => {
  const unrelated = FIXTURES.find((fixture) => fixture.expect === null)!;
  const reader = await openPage(unrelated.url);
  const before = await reader.page.locator('body').innerText();
  await reader.page.waitForTimeout(300);
  expect(await reader.backstoryElements()).toEqual([]);
  // A press is never ignored: the panel says Backstory has nothing here and lists what it knows.
  await browser.clickToolbarButton(reader.page);
  await expect(reader.panelHost).toBeVisible();
  await expect(await reader.heading('Backstory has nothing for this page')).toBeFocused();
  const story = (await reader.panel()).getByRole('link', {
    name: /^Russians avoiding conscription/,
  });
  await expect(story).toHaveAttribute('href', /^https:\/\/www\.nbcnews\.com\//);
  await expect(await reader.panel()).toContainText(/\d+ places, \d+ people and \d+ dated events/);
  expect(await reader.page.locator('body').innerText()).toBe(before);
  // The settings open in a tab of their own.
  const settings = browser.context.waitForEvent('page');
  await (await reader.panel()).getByRole('button', { name: 'Backstory settings' }).click();
  await expect(await settings).toHaveURL(/options\.html$/);
  // Back on the page, a second press closes it.
  await reader.page.bringToFront();
  await browser.clickToolbarButton(reader.page);
  await expect(reader.panelHost).toBeHidden();
});

test('on a site made quiet, a press says so and turns Backstory back on there', async ({
  extension: browser,
  server,
}) => {
  await storeSettings(browser, { quietSites: ['nbcnews.com'] });
  // Quiet there, nothing reads the page: no recognition to wait for.
  const page = await browser.context.newPage();
  await page.goto(server.localUrl(ARTICLE_URL));
  const reader = new PanelPage(page);
  expect(await reader.backstoryElements()).toEqual([]);
  await browser.clickToolbarButton(reader.page);
  await expect(await reader.heading('Backstory is quiet on this site')).toBeVisible();
  await (
    await reader.panel()
  )
    .getByRole('button', { name: 'Turn Backstory back on for www.nbcnews.com' })
    .click();
  await expect((await reader.panel()).getByRole('status')).toContainText(
    'works on www.nbcnews.com again',
  );
  await expect
    .poll(() => browser.worker.evaluate(() => chrome.storage.local.get('settings')))
    .toMatchObject({ settings: { quietSites: [] } });
  // Read again, the article is recognized.
  await reader.page.reload();
  await expect(reader.launcher).toBeVisible();
});
