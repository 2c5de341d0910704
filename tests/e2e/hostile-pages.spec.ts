/**
 * Hostile pages: the article's text inside pages that attack everything around them. In each, the
 * panel must render as a reader expects (on top, at the right edge, inside the viewport, headings
 * readable) and the page must keep working: no error caused by Backstory, its text unchanged.
 */
import { HUGE, hostilePages, hostileUrl, type HostilePageName } from '../fixtures/hostile';
import { expect, panelFrameOf, test, type PanelPage } from './fixtures';
import {
  extensionErrors,
  panelBox,
  textDigest,
  topmostAt,
  watchErrors,
  type ErrorWatch,
} from './page-watch';

test.use({ extraPages: { pages: hostilePages() } });

const SHOTS = 'test-results/hostile';

/** Opens a hostile page with errors watched from the first byte. */
async function openHostile(
  openPage: (url: string, options?: object) => Promise<PanelPage>,
  name: HostilePageName,
): Promise<{ reader: PanelPage; watch: ErrorWatch }> {
  let watch: ErrorWatch | undefined;
  const reader = await openPage(hostileUrl(name), {
    beforeGoto: async (page: PanelPage['page']) => {
      watch = await watchErrors(page);
    },
  });
  return { reader, watch: watch! };
}

/**
 * Opens the panel with the launcher and checks what the reader sees: the panel on top at the
 * right edge, filling the viewport's height, its headings readable; and the page's text as before.
 */
async function openAndCheckPanel(reader: PanelPage, name: string): Promise<void> {
  const { page } = reader;
  const textBefore = await textDigest(page);
  await expect(reader.launcher).toBeVisible();
  const launcher = (await reader.launcher.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(launcher.x + launcher.width).toBeCloseTo(viewport.width, 0);
  expect(launcher.y).toBeGreaterThan(viewport.height / 2);
  expect(launcher.y + launcher.height).toBeLessThan(viewport.height);
  await reader.launcher.click();
  await expect(reader.panelHost).toBeVisible();
  for (const heading of ['Places', 'People', 'Timeline']) {
    await expect(await reader.heading(heading)).toBeVisible();
  }

  const box = await panelBox(reader);
  expect(box.width).toBeGreaterThanOrEqual(320);
  expect(box.width).toBeLessThanOrEqual(420);
  expect(box.x + box.width).toBeCloseTo(box.viewport.width, 0);
  expect(box.y).toBeCloseTo(0, 0);
  expect(box.height).toBeCloseTo(box.viewport.height, 0);
  // The panel is what the reader sees at its centre, not a page overlay.
  expect(await topmostAt(page, box.x + box.width / 2, box.height / 2)).toBe('backstory-panel');

  // The top layer's backdrop stays invisible, whatever the page's ::backdrop rules (launcher,
  // panel, and the mention marks' layer once it is there).
  const shown = await backdrops(page);
  expect(shown.length).toBeGreaterThanOrEqual(2);
  expect(new Set(shown)).toEqual(new Set(['none']));

  const title = (await reader.panel()).getByRole('heading', { level: 2 }).first();
  const font = await title.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
  expect(font).toBeGreaterThanOrEqual(16);

  await page.screenshot({ path: `${SHOTS}/${name}.png` });
  expect(await textDigest(page)).toBe(textBefore);
}

/** The `::backdrop` display of each Backstory host (written without the page's Array methods). */
function backdrops(page: PanelPage['page']): Promise<string[]> {
  return page.locator(':root').evaluate((root) => {
    const displays: string[] = [];
    for (let i = 0; i < root.children.length; i++) {
      const child = root.children[i]!;
      if (child.localName.startsWith('backstory')) {
        displays.push(getComputedStyle(child, '::backdrop').display);
      }
    }
    return displays;
  });
}

test('a page whose CSS attacks everything: the panel still renders on top', async ({
  openPage,
}) => {
  const { reader, watch } = await openHostile(openPage, 'css-attack');
  await expect(reader.page.locator('html[data-hostile-ready]')).toBeAttached();
  await openAndCheckPanel(reader, 'css-attack');
  expect(watch.errors).toEqual([]);
});

test('a page with a strict CSP: the panel is styled all the same', async ({ openPage }) => {
  const { reader, watch } = await openHostile(openPage, 'strict-csp');
  // The CSP is in force: the page's own <style> was refused, its header is unstyled.
  await expect(reader.page.locator('header.site')).toHaveCSS('display', 'block');
  await openAndCheckPanel(reader, 'strict-csp');
  expect(extensionErrors(watch)).toEqual([]);
});

test('a page that breaks the globals: Backstory works in its own world', async ({ openPage }) => {
  const { reader, watch } = await openHostile(openPage, 'overwritten-globals');
  // The page's globals really are broken, in the page's world.
  const map = await reader.page.evaluate(() => {
    try {
      return String([1].map((n) => n));
    } catch (error) {
      return (error as Error).message;
    }
  });
  expect(map).toBe('hostile page broke Array.prototype.map');
  await openAndCheckPanel(reader, 'overwritten-globals');
  expect(watch.errors).toEqual([]);
});

test('a very large page (10 MB of text, 100,000 elements): recognized, and the panel works', async ({
  openPage,
}) => {
  test.slow(); // Loading 10 MB takes a while on a shared machine; Backstory's part is small.
  const started = Date.now();
  const { reader, watch } = await openHostile(openPage, 'huge');
  test.info().annotations.push({
    type: 'measured',
    description: `huge page loaded and recognized in ${Date.now() - started} ms`,
  });
  const size = await reader.page.evaluate(() => ({
    elements: document.getElementsByTagName('*').length,
    text: document.body.textContent?.length ?? 0,
  }));
  expect(size.elements).toBeGreaterThan(HUGE.elements);
  expect(size.text).toBeGreaterThan(HUGE.bytes * 0.95);
  await openAndCheckPanel(reader, 'huge');
  expect(extensionErrors(watch)).toEqual([]);
});

test('a page that re-renders by replacing document.body keeps its launcher', async ({
  extension,
  openPage,
}) => {
  const { reader, watch } = await openHostile(openPage, 'replaced-body');
  await expect(reader.page.locator('html[data-hostile-ready]')).toBeAttached();
  await openAndCheckPanel(reader, 'replaced-body');
  await reader.page.keyboard.press('Escape');

  // The page then swaps its body for one with no story: the launcher goes, the verdict is none.
  await reader.page.evaluate(() => {
    const body = document.createElement('body');
    const note = document.createElement('p');
    note.textContent = 'This page has moved on to a crossword.';
    body.append(note);
    document.body = body;
  });
  await expect(reader.launcher).toHaveCount(0);
  await expect.poll(() => extension.reportedVerdict(reader.page)).toBeNull();
  expect(watch.errors).toEqual([]);
});

test('a single-page app that puts the story in a new body after load gets the launcher', async ({
  extension,
  openPage,
}) => {
  const { reader, watch } = await openHostile(openPage, 'spa-shell');
  await expect
    .poll(() => extension.reportedVerdict(reader.page))
    .toMatchObject({ kind: 'version' });
  await openAndCheckPanel(reader, 'spa-shell');
  expect(watch.errors).toEqual([]);
});

/** Backstory's elements in every frame of a page: `[frame address, element names]`, top first. */
async function elementsByFrame(page: PanelPage['page']): Promise<[string, string[]][]> {
  const found: [string, string[]][] = [];
  // The panel's own frame (the extension's page) is Backstory's, not the page's.
  for (const frame of page.frames().filter((frame) => frame !== panelFrameOf(page))) {
    const names = await frame.evaluate(() =>
      [...document.querySelectorAll('*')]
        .map((element) => element.localName)
        .filter((name) => name.startsWith('backstory')),
    );
    found.push([frame.url(), names]);
  }
  return found;
}

test('the article inside a frame: Backstory acts in the top frame only', async ({
  extension,
  openPage,
}) => {
  // On its own, the framed page is a version of the article; inside a frame it gives nothing.
  const alone = await openPage(hostileUrl('article-copy'));
  expect(await extension.reportedVerdict(alone.page)).toMatchObject({ kind: 'version' });

  const { reader, watch } = await openHostile(openPage, 'framed-article');
  await expect(reader.page.frameLocator('iframe').getByRole('heading', { level: 1 })).toBeVisible();
  await reader.page.waitForTimeout(500);
  expect(await extension.reportedVerdict(reader.page)).toBeNull();
  expect((await extension.actionState(reader.page)).badge).toBe('');
  const frames = await elementsByFrame(reader.page);
  expect(frames).toHaveLength(2);
  expect(frames.flatMap(([, names]) => names)).toEqual([]);
  expect(extensionErrors(watch)).toEqual([]);
});

test('an article page with frames: launcher and panel in the top frame, none in frames', async ({
  openPage,
}) => {
  const { reader, watch } = await openHostile(openPage, 'article-with-frames');
  await openAndCheckPanel(reader, 'article-with-frames');
  const frames = await elementsByFrame(reader.page);
  expect(frames.map(([url]) => url)).toEqual([
    reader.page.url(),
    hostileUrl('article-copy').replace('https:', 'http:'),
    hostileUrl('framed-article').replace('https:', 'http:'),
    hostileUrl('article-copy').replace('https:', 'http:'),
  ]);
  // The marks' layer (there once the page is read for mentions) is the top frame's too.
  expect(frames[0]![1].filter((name) => name !== 'backstory-marks')).toEqual([
    'backstory-launcher',
    'backstory-panel',
  ]);
  expect(frames.slice(1).flatMap(([, names]) => names)).toEqual([]);
  expect(extensionErrors(watch)).toEqual([]);
});
