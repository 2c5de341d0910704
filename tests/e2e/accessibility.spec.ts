/**
 * Accessibility in a real browser: axe-core finds no violation in the launcher or in any section
 * of the panel, in light and dark, in the side panel and the bottom sheet; and a keyboard-only walk
 * from the page to the launcher, through the panel and out with Escape shows a visible focus ring
 * on every control it reaches.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { axeOnPage, axePanel, axePanelSweep, type AxeResults } from './axe';
import {
  ARTICLE_URL,
  closedPart,
  FIXTURES,
  expect,
  filterStatus,
  test,
  type PanelPage,
} from './fixtures';
import { strings } from '../../utils/strings';
import { focusRing, storeSettings } from './settings';

/**
 * The violations as readable lines, plus colour contrasts axe could not judge: only a lone
 * character (the "B" mark, the close "×") may be left undecided, anything else fails the test.
 */
function problems(results: AxeResults): string[] {
  const violations = results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id}: ${node.target.join(' ')} — ${node.failureSummary}`,
    ),
  );
  const undecided = results.incomplete
    .filter((rule) => rule.id === 'color-contrast')
    .flatMap((rule) => rule.nodes)
    .filter((node) => node.any[0]?.data?.messageKey !== 'shortTextContent')
    // A decorative glyph (an arrow, aria-hidden) is no text to read.
    .filter((node) => node.any[0]?.data?.messageKey !== 'nonBmp')
    // A timeline event's rail and highlight are drawn under it by its ::before, whose colours axe
    // does not read; the same links are judged where no event is highlighted.
    .filter(
      (node) =>
        !(
          node.any[0]?.data?.messageKey === 'pseudoContent' &&
          node.target.join(' ').startsWith('#event-')
        ),
    )
    // The map's place labels are drawn over the map picture with a halo in the panel's background
    // colour; axe cannot judge text over an image. They are aria-hidden: each pin is a button
    // named by its place, so the label is not the only way to the name.
    .filter((node) => !node.target.join(' ').includes('.pin-label'))
    .map((node) => `contrast not judged: ${node.target.join(' ')} (${node.any[0]?.message})`);
  return [...violations, ...undecided];
}

/**
 * Every axe rule on the panel, then colour contrast over all of it (a screen at a time, see
 * `axePanelSweep`); then the timeline in use (a topic picked, a phrase's events highlighted).
 */
async function panelProblems(reader: PanelPage): Promise<string[]> {
  const { page } = reader;
  const panel = await reader.panel();
  // The sections are drawn a piece per frame: judge the panel once all of it is there.
  await expect(panel.locator('section[aria-busy="true"]')).toHaveCount(0);
  const found = new Set(problems(await axePanel(reader)));
  // Colour contrast over the whole panel, a screen at a time.
  await page.setViewportSize({ width: 1280, height: 3000 });
  const results = await axePanelSweep(reader);
  const judged = results.passes.flatMap((rule) => rule.nodes).length;
  for (const line of problems(results)) found.add(line);
  await page.setViewportSize({ width: 1280, height: 800 });
  // Guard against a run that judged nothing (and so found nothing).
  expect(judged).toBeGreaterThan(200);
  await panel.getByRole('navigation').getByRole('button', { name: 'Timeline' }).click();
  await panel.getByRole('button', { name: /^Exodus/ }).click();
  await panel.getByRole('button', { name: /^“Sept\. 28”: show/ }).click();
  // The panel scrolls to the phrase's first event and focuses it after the render: judging
  // before that scroll, axe would measure elements that move under it mid-run.
  await expect(panel.locator('[data-event]:focus')).toHaveCount(1);
  for (const line of problems(await axePanel(reader))) found.add(line);
  return [...found];
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: no violations in the launcher and every section, ${scheme}`, async ({
    extension,
    openPage,
  }) => {
    test.setTimeout(180_000);
    await storeSettings(extension, { theme: scheme });
    const reader = await openPage(ARTICLE_URL);
    await reader.page.emulateMedia({ colorScheme: scheme });
    await expect(reader.launcher).toBeVisible();
    expect(problems(await axeOnPage(reader.page, 'backstory-launcher'))).toEqual([]);
    await reader.launcher.click();
    await expect(reader.panelHost).toBeVisible();
    expect(await panelProblems(reader)).toEqual([]);
  });
}

test('axe: no violations in the bottom sheet, system dark theme', async ({ openPage }) => {
  const reader = await openPage(ARTICLE_URL);
  await reader.page.emulateMedia({ colorScheme: 'dark' });
  await reader.page.setViewportSize({ width: 420, height: 860 });
  await reader.launcher.click();
  await expect(reader.panelHost).toBeVisible();
  expect(problems(await axePanel(reader))).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: no violations on the settings page, ${scheme}`, async ({ extension }) => {
    const options = await extension.context.newPage();
    await options.emulateMedia({ colorScheme: scheme });
    await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
    await expect(options.getByRole('heading', { level: 1 })).toBeVisible();
    const results = await new AxeBuilder({ page: options }).analyze();
    expect(results.passes.length).toBeGreaterThan(10);
    expect(problems(results)).toEqual([]);
  });
}

test('axe: no violations in a mention mark’s card, opened from the keyboard', async ({
  openPage,
}) => {
  const reader = await openPage(ARTICLE_URL);
  await reader.launcher.click();
  await (await reader.panel()).getByRole('button', { name: /^Go to the marks/ }).click();
  await expect
    .poll(async () => (await closedPart(reader.page, 'backstory-marks', '[role="group"]'))?.visible)
    .toBe(true);
  expect(problems(await axeOnPage(reader.page, 'backstory-marks'))).toEqual([]);
});

test('the whole panel is in the browser’s accessibility tree, not only what is on screen', async ({
  extension,
  openPage,
}) => {
  const reader = await openPage(ARTICLE_URL);
  await reader.launcher.click();
  await expect(await reader.heading('Notes on the article')).toBeVisible();
  // The sections are drawn a piece per frame: once none is busy, all of it must be in the tree.
  await expect((await reader.panel()).locator('section[aria-busy="true"]')).toHaveCount(0);
  // Chromium's own tree (what a screen reader gets, here the panel's frame's), not Playwright's
  // reading of the DOM: content the browser skips laying out (content-visibility) drops out of it.
  const cdp = await extension.context.newCDPSession(await reader.panelFrame());
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: { role?: { value: string }; name?: { value: string }; ignored: boolean }[];
  };
  const headings = nodes
    .filter((node) => node.role?.value === 'heading' && !node.ignored)
    .map((node) => node.name?.value);
  for (const name of [...Object.values(strings.sections), 'Nikita Rakhimov', 'Kazakhstan']) {
    expect(headings).toContain(name);
  }
});

/** Focuses the open evidence's summary again (axe's run moves the panel's host and back). */
async function summaryFocus(reader: PanelPage) {
  await (await reader.panel()).locator('details.evidence[open] > summary').first().focus();
}

/** Presses Tab until `matches` says the focused element is the one wanted. */
async function tabTo(reader: PanelPage, matches: RegExp, limit = 80): Promise<string> {
  for (let i = 0; i < limit; i++) {
    await reader.page.keyboard.press('Tab');
    const { element } = await focusRing(reader.page);
    if (matches.test(element)) return element;
  }
  throw new Error(`Tab never reached ${matches}`);
}

/** The focused control shows a ring at least 2px wide with 3:1 contrast against what is behind. */
async function expectVisibleFocus(page: Page, what: RegExp) {
  const ring = await focusRing(page);
  expect(ring.element).toMatch(what);
  expect(ring.width, `focus ring width on ${ring.element}`).toBeGreaterThanOrEqual(2);
  expect(ring.contrast, `focus ring contrast on ${ring.element}`).toBeGreaterThanOrEqual(3);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`keyboard only, ${scheme}: launcher, sections, cards, Show in article, timeline, Escape; focus always visible`, async ({
    openPage,
  }) => {
    const reader = await openPage(ARTICLE_URL);
    await reader.page.emulateMedia({ colorScheme: scheme });
    const { page } = reader;

    await tabTo(reader, /^button Backstory/);
    await expectVisibleFocus(page, /^button Backstory: open background/);
    await page.keyboard.press('Enter');
    await expect(reader.panelHost).toBeVisible();
    // Focus follows the content in once it has loaded.
    await expect.poll(() => reader.focused()).toBe('h2');
    // The way to the marks appears once the panel is drawn and the page marked.
    await expect(
      (await reader.panel()).getByRole('button', { name: /^Go to the marks/ }),
    ).toBeVisible();

    // The marks switch and the way to the marks, the section jumps, then into the People
    // section and its first card's controls.
    await tabTo(reader, /^button Marks in the article/);
    await expectVisibleFocus(page, /^button Marks in the article/);
    await tabTo(reader, /^button Go to the marks/);
    await expectVisibleFocus(page, /^button Go to the marks/);
    await page.keyboard.press('Tab');
    await expectVisibleFocus(page, /^button Places$/);
    await page.keyboard.press('Tab');
    await expectVisibleFocus(page, /^button People$/);
    await page.keyboard.press('Enter');
    await expect(await reader.heading('People')).toBeFocused();
    await page.keyboard.press('Tab');
    const inCard = await focusRing(page);
    expect(inCard.element).toMatch(/^(a|button) /);
    await expectVisibleFocus(page, /^(a|button) /);
    expect(
      await (
        await reader.panelFrame()
      ).evaluate(() => document.activeElement?.closest('#section-people article.card') !== null),
    ).toBe(true);

    // "Show in article" on a quote: the page scrolls to it and highlights it; focus stays.
    await tabTo(reader, /^button Show in article: /);
    await expectVisibleFocus(page, /^button Show in article: /);
    await page.keyboard.press('Enter');
    await expect(
      (await reader.panel()).getByRole('status').filter({ hasText: 'Highlighted in the article.' }),
    ).toHaveCount(1);
    // The page scrolls (smoothly) until the highlighted quote is in view.
    await expect
      .poll(() =>
        page.evaluate(() => {
          const range = [...(CSS.highlights.get('backstory-quote') ?? [])][0];
          if (!(range instanceof Range)) return null;
          const box = range.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= innerHeight ? range.toString().length : null;
        }),
      )
      .toBeGreaterThan(3);
    await expectVisibleFocus(page, /^button Show in article: /);

    // The timeline: a topic toggle, a phrase, its event, and back to the phrase.
    await tabTo(reader, /^button “Sept\. 28”/);
    await expectVisibleFocus(page, /^button “Sept\. 28”/);
    await tabTo(reader, /^button Mobilization/);
    await expectVisibleFocus(page, /^button Mobilization/);
    await page.keyboard.press('Space');
    await expect(
      (await reader.panel()).getByRole('status').filter({ hasText: / events$/ }),
    ).toHaveText(filterStatus('mobilization'));
    await expect(
      (await reader.panel()).getByRole('button', { name: /^Mobilization/ }),
    ).toHaveAttribute('aria-pressed', 'true');
    await tabTo(reader, /^button “in the week since” in the article/);
    await expectVisibleFocus(page, /^button “in the week since” in the article/);
    await page.keyboard.press('Enter');
    // Focus moves in an effect after the render: wait for it to reach the phrase's own button
    // (not the event's button that was pressed, whose name starts the same).
    const phraseButton = /^button “in the week since”: show/;
    await expect.poll(async () => (await focusRing(page)).element).toMatch(phraseButton);
    await expectVisibleFocus(page, phraseButton);
    await page.keyboard.press('Enter');
    // Following it again lands on its first event, highlighted; the filter let it stay shown.
    const event = (await reader.panel()).locator('li.event.is-linked').first();
    await expect(event).toBeFocused();
    await expect(event).toBeInViewport();

    await tabTo(reader, /^a /);
    await expectVisibleFocus(page, /^a /);
    await page.keyboard.press('Escape');
    await expect(reader.panelHost).toBeHidden();
    await expectVisibleFocus(page, /^button Backstory: open background/);
  });
}

test('keyboard only: an event’s evidence opens and closes, its words marked with their language', async ({
  openPage,
}) => {
  const reader = await openPage(ARTICLE_URL);
  const { page } = reader;
  const panel = await reader.panel();
  await reader.launcher.click();
  await expect(panel.locator('section[aria-busy="true"]')).toHaveCount(0);
  await expect(panel.getByRole('contentinfo').or(panel.locator('footer'))).toContainText(
    /^Background as of \d{1,2} \w{3} 20\d\d\.$/,
  );
  await panel.getByRole('navigation').getByRole('button', { name: 'Timeline' }).focus();
  await page.keyboard.press('Enter');
  await expect(await reader.heading('Timeline')).toBeFocused();

  // The first event's evidence: reached with Tab, opened with Enter, closed with Enter.
  const summary = await tabTo(reader, /^summary What the sources? says?/);
  await expectVisibleFocus(page, /^summary /);
  const details = panel.locator('details.evidence:has(> summary:focus)');
  const excerpt = details.locator('blockquote').first();
  await expect(excerpt).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(details).toHaveAttribute('open', '');
  await expect(excerpt).toBeVisible();
  expect((await excerpt.innerText()).length).toBeGreaterThan(20);
  await expect(excerpt).toHaveAttribute('lang', /^[a-z]{2}$/);
  await expect(excerpt).toHaveAttribute('cite', /^https:\/\//);
  // The excerpt's source links to its words in the page (a text fragment), safely.
  const link = details.locator('figcaption a').first();
  await expect(link).toHaveAttribute('href', /^https:\/\/[^#]+#.*:~:text=/);
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  // The open excerpt passes axe too (contrast of the quotation and its caption included).
  expect(problems(await axePanel(reader))).toEqual([]);
  await summaryFocus(reader);
  await page.keyboard.press('Enter');
  await expect(excerpt).toBeHidden();
  expect((await focusRing(page)).element).toBe(summary);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe: no violations in the panel for a page Backstory has nothing for, ${scheme}`, async ({
    extension,
    openPage,
  }) => {
    await storeSettings(extension, { theme: scheme });
    const unrelated = FIXTURES.find((fixture) => fixture.expect === null)!;
    const reader = await openPage(unrelated.url);
    await reader.page.emulateMedia({ colorScheme: scheme });
    // Wide enough that no page text lies under the panel: axe cannot judge the contrast of text
    // drawn over text it partly overlaps (the host leaves the top layer for axe's run).
    await reader.page.setViewportSize({ width: 1800, height: 900 });
    await extension.clickToolbarButton(reader.page);
    await expect(await reader.heading('Backstory has nothing for this page')).toBeFocused();
    const results = await axePanel(reader);
    expect(results.passes.flatMap((rule) => rule.nodes).length).toBeGreaterThan(10);
    expect(problems(results)).toEqual([]);
  });
}
