/**
 * The page cannot read Backstory (issue 15): a script of the page, run in the page's own world,
 * looks for Backstory's words and data everywhere a page can look (its DOM and text, shadow roots,
 * the frames it can reach, text search, the resource timeline) before and after the reader opens
 * the panel and the marks, tries to focus, press and scroll into the panel, and probes the
 * extension's addresses. It finds nothing, and learns nothing it would not learn of an extension
 * that is not there.
 */
import type { Page } from '@playwright/test';
import { fixturePage } from '../fixtures';
import { ARTICLE_URL, closedPart, expect, mentionPoint, test } from './fixtures';

/** Words of Backstory's that are nowhere in the article: its controls, its data. */
const BACKSTORY_WORDS = [
  'Close Backstory',
  'open background for this article',
  'You are reading this article',
  'Show in article',
  'Open in Backstory',
  'levada.ru',
  'Upper Lars',
  'Kazakhstan’s largest city',
];

test('the words looked for are not the article’s own', () => {
  const article = fixturePage('nbc-article.html');
  for (const word of BACKSTORY_WORDS) expect(article).not.toContain(word);
});

/**
 * Runs in the page's main world: everything a page script can read of the document, and what it
 * finds of `words`.
 */
function whatThePageSees(words: string[]) {
  const texts: string[] = [document.documentElement.outerHTML, document.body.innerText];
  for (const element of document.querySelectorAll('*')) {
    // A closed shadow root is null here; an open one would be read.
    if (element.shadowRoot) texts.push(element.shadowRoot.innerHTML);
  }
  const reachableFrames: string[] = [];
  for (let i = 0; i < window.length; i++) {
    try {
      reachableFrames.push(window[i]!.document.documentElement.outerHTML);
    } catch {
      reachableFrames.push('(cross-origin)');
    }
  }
  const all = [...texts, ...reachableFrames].join('\n');
  const search = window as unknown as { find?: (text: string) => boolean };
  const found = words.filter((word) => {
    getSelection()?.removeAllRanges();
    return all.includes(word) || search.find?.(word) === true;
  });
  getSelection()?.removeAllRanges();
  return {
    found,
    frames: window.length,
    shadowRoots: [...document.querySelectorAll('*')].filter((element) => element.shadowRoot).length,
    extensionEntries: performance
      .getEntries()
      .map((entry) => entry.name)
      .filter((name) => /extension:/.test(name)),
  };
}

/** Runs in the page: tries to get into Backstory's panel by every way a script has. */
function tryToReachThePanel() {
  const hosts = [...document.documentElement.children].filter((element) =>
    element.localName.startsWith('backstory-'),
  ) as HTMLElement[];
  const before = document.activeElement;
  for (const host of hosts) {
    host.focus();
    host.click();
    for (const type of ['keydown', 'keyup'])
      host.dispatchEvent(new KeyboardEvent(type, { key: 'Tab', bubbles: true, composed: true }));
    host.scrollIntoView();
    host.scrollTop = 500;
  }
  return {
    hosts: hosts.map((host) =>
      host.localName.replace(/^(backstory-(?:launcher|panel|marks)).*$/, '$1'),
    ),
    focusMoved: document.activeElement !== before,
    roots: hosts.map((host) => host.shadowRoot),
  };
}

async function expectNothingFound(page: Page, when: string) {
  const seen = await page.evaluate(whatThePageSees, BACKSTORY_WORDS);
  expect(seen.found, when).toEqual([]);
  expect(seen.frames, when).toBe(0);
  expect(seen.extensionEntries, when).toEqual([]);
}

test('a page script finds none of Backstory’s words, before and after the panel opens', async ({
  openPage,
}) => {
  const reader = await openPage(ARTICLE_URL);
  // The words are really there, for the reader: in the panel's frame, drawn ahead of the press.
  await reader.prepared();
  const frame = await reader.panelFrame();
  const inPanel = await frame.evaluate(() => document.body.innerText);
  for (const word of ['You are reading this article', 'Upper Lars']) {
    expect(inPanel).toContain(word);
  }
  await expectNothingFound(reader.page, 'drawn ahead of the press');

  await reader.launcher.click();
  await expect(await reader.panel()).toBeVisible();
  // The marks are on the article once the panel has opened: their card is Backstory's too.
  await expect.poll(() => reader.backstoryElements()).toContain('backstory-marks');
  await reader.page.mouse.move(0, 0);
  await expectNothingFound(reader.page, 'open, with the marks');
  // A mark's card shown by the pointer: Almaty's, with its summary.
  const point = await mentionPoint(reader.page, 'Almaty');
  await reader.page.mouse.move(point.x, point.y);
  await expect
    .poll(async () => (await closedPart(reader.page, 'backstory-marks', '[role="group"]'))?.text)
    .toContain('Kazakhstan’s largest city');
  await expectNothingFound(reader.page, 'a mark’s card shown');
  await reader.page.mouse.move(0, 0);

  // Nothing the page does gets focus, a press or a scroll into it.
  const focusedBefore = await reader.focused();
  const reached = await reader.page.evaluate(tryToReachThePanel);
  expect(reached.hosts).toEqual(
    expect.arrayContaining(['backstory-launcher', 'backstory-panel', 'backstory-marks']),
  );
  expect(reached.roots.every((root) => root === null)).toBe(true);
  expect(reached.focusMoved).toBe(false);
  expect(await reader.focused()).toBe(focusedBefore);
  expect(await frame.evaluate(() => document.querySelector('.panel')!.scrollTop)).toBe(0);
  await expect(await reader.panel()).toBeVisible();

  await reader.page.keyboard.press('Escape');
  await expect(reader.panelHost).toBeHidden();
  await expectNothingFound(reader.page, 'closed again');
});

test('a page probing the extension’s addresses learns nothing', async ({ extension, openPage }) => {
  const reader = await openPage(ARTICLE_URL);
  await reader.launcher.click();
  await expect(await reader.panel()).toBeVisible();
  // Backstory's own address and a made-up extension's, for the panel's page and the manifest:
  // a page must not tell them apart.
  const absent = 'abcdefghijklmnopabcdefghijklmnop';
  const probe = (ids: string[]) =>
    reader.page.evaluate(async (ids) => {
      const results: string[] = [];
      for (const id of ids) {
        for (const path of ['sidepanel.html', 'sidepanel.html?in=page', 'manifest.json']) {
          const url = `chrome-extension://${id}/${path}`;
          const fetched = await fetch(url).then(
            (response) => `status ${response.status}`,
            (error: unknown) => (error instanceof Error ? error.name : 'error'),
          );
          const framed = await new Promise<string>((resolve) => {
            const frame = document.createElement('iframe');
            frame.src = url;
            frame.onload = () => {
              try {
                resolve(`loaded: ${frame.contentDocument?.body?.innerText ?? 'unreadable'}`);
              } catch {
                resolve('loaded: cross-origin');
              }
            };
            setTimeout(() => resolve('no load'), 2_000);
            document.body.append(frame);
          });
          results.push(`${path}: fetch ${fetched}; frame ${framed}`);
        }
      }
      return results;
    }, ids);
  const [own, made] = await Promise.all([probe([extension.extensionId]), probe([absent])]);
  expect(own).toEqual(made);
});
