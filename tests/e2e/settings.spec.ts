/**
 * Settings as a reader meets them: the defaults open the panel by itself on the article (without
 * taking focus), the options page saves changes that apply to open tabs at once, and corrupt
 * stored settings fall back to the defaults without breaking anything.
 */
import { ARTICLE_URL, FIXTURES, expect, setSettings, test } from './fixtures';

const RELATED_URL = FIXTURES.find((entry) => entry.expect === 'related')!.url;

test('by default the panel opens by itself on the article, leaving focus on the page', async ({
  extension,
  openPage,
}) => {
  await setSettings(extension, {}); // nothing stored: the defaults
  const reader = await openPage(ARTICLE_URL);
  await expect(reader.panelHost).toBeVisible();
  await expect(await reader.heading('Places')).toBeVisible();
  expect(await reader.focused()).toBe('body');
  // Closed by the reader, it stays closed when the page is checked again.
  await (await reader.panel()).getByRole('button', { name: 'Close' }).click();
  await expect(reader.panelHost).toBeHidden();
  await reader.page.evaluate(() => {
    const more = document.createElement('p');
    more.textContent = 'Update: '.concat('more reporting follows. '.repeat(60));
    document.querySelector('article')?.append(more);
  });
  await reader.page.waitForTimeout(1000);
  await expect(reader.panelHost).toBeHidden();
  await expect(reader.launcher).toBeVisible();
});

test('by default related coverage gets the launcher but no panel', async ({
  extension,
  openPage,
}) => {
  await setSettings(extension, {});
  const reader = await openPage(RELATED_URL);
  await expect(reader.launcher).toBeVisible();
  await expect(reader.panelHost).toBeHidden();
});

test('the options page saves a quiet site, and the open article goes quiet at once', async ({
  extension,
  openPage,
}) => {
  const reader = await openPage(ARTICLE_URL);
  await expect(reader.launcher).toBeVisible();

  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await expect(options.getByRole('heading', { name: 'Backstory settings' })).toBeVisible();
  const quiet = options.getByLabel('Sites where Backstory stays quiet, one per line');
  await quiet.fill('https://www.nbcnews.com/news\nnot a site!');
  await quiet.blur();
  await expect(options.getByRole('status')).toHaveText('Saved.');
  await expect(options.getByText('Not a site name, left out: not, a, site!')).toBeVisible();

  await expect(reader.launcher).toBeHidden();
  await expect
    .poll(() => extension.actionState(reader.page))
    .toEqual({
      title: 'Backstory: nothing for this page',
      badge: '',
    });
  expect(await reader.backstoryElements()).toEqual([]);

  // And back: clearing the list brings Backstory back without a reload.
  await quiet.fill('');
  await quiet.blur();
  await expect(reader.launcher).toBeVisible();
});

test('corrupt stored settings fall back to the defaults, keeping the valid keys', async ({
  extension,
  openPage,
}) => {
  await setSettings(extension, {
    autoOpen: 'always',
    side: 'left',
    quietSites: 42,
    theme: { dark: true },
  });
  const reader = await openPage(ARTICLE_URL);
  // autoOpen fell back to its default (on for the article); recognition still works.
  await expect(reader.panelHost).toBeVisible();
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await expect(options.getByRole('radio', { name: 'Left' })).toBeChecked();
  await expect(options.getByRole('radio', { name: 'Follow the system' })).toBeChecked();
  await expect(options.getByRole('checkbox', { name: 'On the article itself' })).toBeChecked();
});
