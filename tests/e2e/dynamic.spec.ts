/**
 * Pages that build their content after load and pages that navigate on the client (history API):
 * recognition checks again when the main text or the address changes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from '../../scripts/lib/chromium';
import { startFixtureServer, type FixtureServer } from '../../scripts/lib/fixture-server';
import { PanelPage } from './fixtures';

const ARTICLE = readFileSync(
  join(import.meta.dirname, '../../data/packs/nbc-russians-kazakhstan-2022/article.txt'),
  'utf8',
)
  .split(/\n+/)
  .filter((line) => line.trim().length > 0);
const UNRELATED = [
  'The city council voted on Tuesday to extend the opening hours of the central library.',
  'Residents said the change would help students who work during the day.',
  'The new hours start next month and will be reviewed after a year.',
];

/** A single-page news app: a shell whose script renders stories, and navigates with pushState. */
const SHELL = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Daily Reader</title>
<style>body{font:17px/1.6 Georgia,serif;max-width:720px;margin:24px auto;padding:0 16px}</style></head>
<body><header><nav><a href="/" id="home">Home</a> <a href="/world/russians-in-kazakhstan" id="story">World</a></nav></header>
<main id="app"><p>Loading…</p></main>
<script type="application/json" id="stories">${JSON.stringify({ story: ARTICLE, home: UNRELATED })}</script>
<script>
  const stories = JSON.parse(document.getElementById('stories').textContent);
  const app = document.getElementById('app');
  function render(path) {
    const paragraphs = path.startsWith('/world/') ? stories.story : stories.home;
    const article = document.createElement('article');
    for (const text of paragraphs) {
      const p = document.createElement('p');
      p.textContent = text;
      article.append(p);
    }
    app.replaceChildren(article);
  }
  // Content arrives after load, as from an API.
  setTimeout(() => render(location.pathname), Number(new URLSearchParams(location.search).get('delay') ?? 800));
  for (const link of document.querySelectorAll('nav a')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      history.pushState({}, '', link.getAttribute('href'));
      render(location.pathname);
    });
  }
  // A clock: small DOM changes all the time, which must not make recognition run again and again.
  const clock = document.createElement('span');
  document.querySelector('header').append(clock);
  setInterval(() => (clock.textContent = new Date().toISOString()), 50);
</script></body></html>`;

const SITE = 'https://daily-reader.example';

const test = base.extend<{ server: FixtureServer; extension: ExtensionBrowser }>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startFixtureServer(
      ['/', '/world/russians-in-kazakhstan'].map((path) => ({ url: SITE + path, html: SHELL })),
    );
    await use(server);
    await server.close();
  },
  extension: async ({ server }, use) => {
    const browser = await launchWithExtension({ hostResolverRules: server.hostResolverRules });
    await use(browser);
    await browser.close();
  },
});

test('a story rendered after load is recognized once its text arrives', async ({
  extension,
  server,
}) => {
  const page = await extension.context.newPage();
  await page.goto(server.localUrl(`${SITE}/world/russians-in-kazakhstan`));
  const reader = new PanelPage(page);
  // The shell alone is nothing…
  await expect.poll(() => extension.reportedVerdict(page)).toBeNull();
  // …then the article's text arrives and the page is a version of it.
  await expect(reader.launcher).toBeVisible();
  expect((await extension.reportedVerdict(page))?.kind).toBe('version');
  expect((await extension.actionState(page)).title).toBe('Backstory: a version of this article');
});

test('client-side navigation to the story and away is followed', async ({ extension, server }) => {
  const page = await extension.context.newPage();
  await page.goto(server.localUrl(`${SITE}/?delay=0`));
  const reader = new PanelPage(page);
  await expect(page.getByText('central library')).toBeVisible();
  await expect.poll(() => extension.reportedVerdict(page)).toBeNull();

  await page.click('#story');
  await expect(page).toHaveURL(/\/world\/russians-in-kazakhstan$/);
  await expect(reader.launcher).toBeVisible();
  expect((await extension.reportedVerdict(page))?.kind).toBe('version');

  await page.click('#home');
  await expect(reader.launcher).toBeHidden();
  await expect.poll(() => extension.reportedVerdict(page)).toBeNull();
  expect((await extension.actionState(page)).title).toBe('Backstory: nothing for this page');
  expect(await reader.backstoryElements()).toEqual([]);
});
