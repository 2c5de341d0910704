/**
 * A page that is not a story costs the extension nothing beyond the page gate: no message to the
 * service worker, no start of it, no element. Ten real news pages (trimmed copies from the
 * Readability corpus, `tests/fixtures/corpus/`), opened one after another in one tab.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countWorkerMessages } from '../../scripts/lib/worker-messages';
import { expect, test, waitForRecognition } from './fixtures';

const DIR = join(import.meta.dirname, '../fixtures/corpus');
const PAGES = readdirSync(DIR)
  .filter((file) => file.endsWith('.html'))
  .map((file) => ({
    url: `https://news-corpus.example/${file}`,
    html: readFileSync(join(DIR, file), 'utf8'),
  }));

test.use({ extraPages: { pages: PAGES } });

test('ten news pages that are not the story send the service worker nothing', async ({
  extension,
  server,
}) => {
  expect(PAGES).toHaveLength(10);
  const count = await countWorkerMessages(extension);
  const page = await extension.context.newPage();
  for (const { url } of PAGES) {
    await page.goto(server.localUrl(url), { waitUntil: 'domcontentloaded' });
    await waitForRecognition(extension, page);
    expect(await extension.looks(page), url).toMatchObject({ verdict: null });
    expect(await page.locator('backstory-launcher, backstory-panel').count(), url).toBe(0);
  }
  expect(await count.read()).toEqual({ messages: [], starts: 0 });
  count.stop();
});

test('the counting sees a page that may carry the story', async ({ extension, openPage }) => {
  // The article itself: its gate passes, so the worker hears of it (this keeps the test above
  // honest: the count would see messages if there were any).
  const count = await countWorkerMessages(extension);
  await openPage(
    'https://www.nbcnews.com/news/world/russians-flee-avoid-conscription-ukraine-kazakhstan-rcna52856',
  );
  const { messages } = await count.read();
  expect(messages).toEqual(expect.arrayContaining(['page:suspect', 'verdict:report']));
  count.stop();
});
