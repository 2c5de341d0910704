import { ARTICLE_URL, expect, test } from './fixtures';

test('the Places map pins every place, and a pin and its card select each other', async ({
  openPage,
}) => {
  const reader = await openPage(ARTICLE_URL);
  await reader.launcher.click();
  const panel = await reader.panel();
  await expect(panel.getByRole('img', { name: /^Map of the places/ })).toBeVisible();
  await expect(panel.getByRole('img', { name: /^Map: Ukraine/ })).toBeVisible();

  // One pin per place card, once the cards (drawn a few per frame) are all there.
  const cards = panel.locator('#section-places article.card');
  await expect(panel.locator('section[aria-busy="true"]')).toHaveCount(0);
  await expect(await reader.mapPins()).toHaveCount(await cards.count());

  // Clicking a pin marks its card and brings it into view.
  const kherson = panel.locator('#place-kherson-oblast');
  await expect(kherson).not.toBeInViewport();
  await (await reader.mapPin('Kherson Oblast')).click();
  await expect(kherson).toHaveAttribute('aria-current', 'true');
  await expect(kherson).toBeInViewport();
  await expect(await reader.mapPin('Kherson Oblast')).toHaveAttribute('aria-current', 'true');

  // A card's map button marks its pin, brings the map back into view and focuses the pin.
  await panel.getByRole('button', { name: 'Show on map: Almaty' }).click();
  const almaty = await reader.mapPin('Almaty');
  await expect(almaty).toHaveAttribute('aria-current', 'true');
  await expect(almaty).toBeInViewport();
  await expect(almaty).toBeFocused();
  await expect(kherson).not.toHaveAttribute('aria-current', 'true');
  await expect(panel.locator('#place-almaty')).toHaveAttribute('aria-current', 'true');
});

test('pins are reached with Tab and selected with Enter or Space', async ({ openPage }) => {
  const reader = await openPage(ARTICLE_URL);
  await reader.launcher.click();
  const { page } = reader;
  const panel = await reader.panel();
  const first = (await reader.mapPins()).first();
  await first.focus();
  await page.keyboard.press('Tab');
  const second = (await reader.mapPins()).nth(1);
  await expect(second).toBeFocused();
  const secondName = await second.getAttribute('aria-label');

  await page.keyboard.press('Enter');
  await expect(second).toHaveAttribute('aria-current', 'true');
  const card = panel.getByRole('article', { name: secondName ?? '', exact: true });
  await expect(card).toHaveAttribute('aria-current', 'true');
  await expect(card).toBeInViewport();

  await (await reader.mapPin('Moscow')).focus();
  await page.keyboard.press('Space');
  await expect(await reader.mapPin('Moscow')).toHaveAttribute('aria-current', 'true');
  await expect(panel.locator('#place-moscow')).toHaveAttribute('aria-current', 'true');
  await expect(second).not.toHaveAttribute('aria-current', 'true');
});
