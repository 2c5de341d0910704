/**
 * The page cannot drive Backstory: messages, events, element names and attributes forged by page
 * scripts neither open the panel nor reach its data. Page scripts are stood in for by
 * `page.evaluate`, which runs in the page's own JavaScript world, exactly where a page's scripts run.
 */
import { ARTICLE_URL, expect, FIXTURES, test, type PanelPage } from './fixtures';
import { hostilePages, hostileUrl } from '../fixtures/hostile';

test.use({ extraPages: { pages: hostilePages() } });

/** A page that is not the story (the same site's typhoon report). */
const NOT_THE_STORY_URL = FIXTURES.find((entry) => entry.url.includes('typhoon'))!.url;

/** Every message shape Backstory uses, and a few it might have. */
const FORGED = [
  { type: 'panel:toggle' },
  { type: 'panel:show' },
  { type: 'panel:open' },
  { type: 'panel:prepare' },
  { type: 'panel:data' },
  { type: 'verdict:report', verdict: { kind: 'article', packId: 'nbc-russians-kazakhstan-2022' } },
];

/** Sends every forged message every way a page can: postMessage, DOM events, custom events. */
async function forgeEverything(reader: PanelPage): Promise<void> {
  await reader.page.evaluate((messages) => {
    for (const message of messages) {
      window.postMessage(message, '*');
      window.postMessage(JSON.stringify(message), '*');
      for (const target of [window, document, document.documentElement]) {
        target.dispatchEvent(new CustomEvent(message.type, { detail: message, bubbles: true }));
        target.dispatchEvent(new CustomEvent('backstory', { detail: message, bubbles: true }));
        target.dispatchEvent(new MessageEvent('message', { data: message }));
      }
    }
  }, FORGED);
  await reader.page.waitForTimeout(500);
}

test('forged messages and events open nothing', async ({ openPage }) => {
  const reader = await openPage(ARTICLE_URL);
  await expect(reader.launcher).toBeVisible();
  // The panel is drawn hidden ahead of the press, so its script is listening already.
  await reader.prepared();
  await forgeEverything(reader);
  // Nothing opened, and the page was not marked (marks come with the reader's first open).
  expect(await reader.backstoryElements()).toEqual(['backstory-launcher', 'backstory-panel']);
  await expect(reader.panelHost).toBeHidden();

  // The launcher's shadow root is closed: the page cannot reach its button, and what it does
  // to the host is untrusted.
  const reached = await reader.page.evaluate(() => {
    const host = document.querySelector<HTMLElement>('backstory-launcher')!;
    host.click();
    host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    host.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    return host.shadowRoot;
  });
  expect(reached).toBeNull();
  await reader.page.waitForTimeout(500);
  await expect(reader.panelHost).toBeHidden();

  // Once the reader has opened and closed the panel, its script listens: still nothing.
  await reader.launcher.click();
  await expect(reader.panelHost).toBeVisible();
  await reader.page.keyboard.press('Escape');
  await expect(reader.panelHost).toBeHidden();
  await forgeEverything(reader);
  await expect(reader.panelHost).toBeHidden();
});

/** Whether `text` is anywhere a page script can read: the document and open shadow roots. */
function pageCanRead(reader: PanelPage, text: string): Promise<boolean> {
  return reader.page.evaluate((needle) => {
    const texts = [document.documentElement.textContent ?? ''];
    for (const element of document.querySelectorAll('*')) {
      if (element.shadowRoot) texts.push(element.shadowRoot.textContent ?? '');
    }
    return texts.some((part) => part.includes(needle));
  }, text);
}

test('the pack’s data reaches only pages with a verdict, out of sight until the reader opens it', async ({
  openPage,
}) => {
  // A source the panel cites, which the article itself never names.
  const source = 'Novaya Gazeta Europe';
  const elsewhere = await openPage(NOT_THE_STORY_URL);
  await forgeEverything(elsewhere);
  expect(await elsewhere.backstoryElements()).toEqual([]);
  expect(await pageCanRead(elsewhere, source)).toBe(false);

  // On the article the panel is drawn ahead of the press, hidden from sight, the pointer and the
  // accessibility tree: the reader meets it only when they open it.
  const reader = await openPage(ARTICLE_URL);
  await reader.prepared();
  await forgeEverything(reader);
  await expect(reader.panelHost).toBeHidden();
  await expect(reader.page.getByText(source).filter({ visible: true })).toHaveCount(0);
  const hit = await reader.page.evaluate(
    () => document.elementFromPoint(innerWidth - 40, innerHeight / 2)?.localName ?? '',
  );
  expect(hit).not.toMatch(/^backstory/);
  await reader.launcher.click();
  await expect(await reader.panel()).toContainText(source);
});

test('a page that sets the open attribute does not open the panel', async ({ openPage }) => {
  const reader = await openPage(ARTICLE_URL);
  // The page's own look-alike element, open from the start.
  await reader.page.evaluate(() => {
    const fake = document.createElement('backstory-panel');
    fake.setAttribute('data-open', '');
    fake.setAttribute('role', 'complementary');
    fake.setAttribute('aria-label', 'Sidebar');
    document.documentElement.append(fake);
  });
  await reader.launcher.click();
  await expect(reader.panelHost).toBeVisible();
  await reader.page.keyboard.press('Escape');
  await expect(reader.panelHost).toBeHidden();
  // The page now opens the real, closed panel by setting its attribute.
  await reader.page.evaluate(() => {
    for (const element of document.querySelectorAll('backstory-panel')) {
      element.setAttribute('data-open', '');
    }
  });
  await reader.page.waitForTimeout(300);
  await expect(reader.panelHost).toBeHidden();
});

test('a page that defines Backstory’s element names first cannot take them over', async ({
  openPage,
}) => {
  const reader = await openPage(hostileUrl('custom-elements'));
  await expect(reader.launcher).toBeVisible();
  await reader.launcher.click();
  await expect(reader.panelHost).toBeVisible();
  await expect(await reader.heading('Places')).toBeVisible();
  await reader.page.keyboard.press('Escape');
  await expect(reader.panelHost).toBeHidden();

  // Backstory's hosts carry names the page could not define in advance (the page left the
  // marks' name alone, so that host keeps it).
  const names = (await reader.backstoryElements()).filter((name) => name !== 'backstory-marks');
  expect(names).toHaveLength(2);
  expect(names[0]).toMatch(/^backstory-launcher-[a-z0-9]+$/);
  expect(names[1]).toMatch(/^backstory-panel-[a-z0-9]+$/);
  // The page's classes ran once each for the elements Backstory tried and dropped, and never saw
  // them connected or opened.
  const log = await reader.page.evaluate(
    () => (window as unknown as { hostileLog: string[] }).hostileLog,
  );
  expect(log).toEqual(['backstory-launcher: constructed', 'backstory-panel: constructed']);
  expect(await reader.page.getByText(/Hijacked/).count()).toBe(0);
});

test('page scripts cannot message the extension', async ({ extension, openPage }) => {
  const reader = await openPage(ARTICLE_URL);
  const outcome = await reader.page.evaluate(async (id) => {
    const runtime = (
      globalThis as {
        chrome?: { runtime?: { sendMessage?: (id: string, message: unknown) => Promise<unknown> } };
      }
    ).chrome?.runtime;
    if (typeof runtime?.sendMessage !== 'function') return 'no chrome.runtime.sendMessage';
    try {
      const reply = await runtime.sendMessage(id, { type: 'panel:data' });
      return `reply: ${JSON.stringify(reply)}`;
    } catch (error) {
      return `refused: ${String(error)}`;
    }
  }, extension.extensionId);
  // Without `externally_connectable` in the manifest, Chromium gives pages no way to message it.
  expect(outcome).toBe('no chrome.runtime.sendMessage');
  await expect(reader.panelHost).toBeHidden();
});

test('a page can only take Backstory off itself: the toolbar button brings the panel back', async ({
  extension,
  openPage,
}) => {
  // WXT stops a content script when a newer copy announces itself with a DOM event named after
  // the extension's id; a page that knows the id can send it. The script on every page is not a
  // WXT content script and does not listen; the panel is, and goes, as if the page had removed
  // its elements, which gives the page nothing more.
  const reader = await openPage(ARTICLE_URL);
  const announce = (script: string) =>
    reader.page.evaluate(
      ([id, name]) => {
        document.dispatchEvent(
          new CustomEvent(`${id}:${name}:wxt:content-script-started`, {
            detail: { contentScriptName: name, messageId: 'page' },
          }),
        );
      },
      [extension.extensionId, script],
    );
  await announce('recognizer');
  await expect(reader.launcher).toHaveCount(1);
  await extension.clickToolbarButton(reader.page);
  await expect(reader.panelHost).toBeVisible();
  await announce('panel');
  await expect(reader.panelHost).toBeHidden();
  await extension.clickToolbarButton(reader.page);
  await expect(reader.panelHost).toBeVisible();
});
