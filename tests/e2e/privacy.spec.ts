/**
 * Privacy: a whole reading session (recognition, launcher, panel, every section jump, closing, the
 * toolbar button, the options page and a settings change) makes no network request of Backstory's.
 * The only requests are the page's own, to its own address, and the worker's reads of its own
 * packaged files; the extension's content security policy refuses it anything else.
 */
import { ARTICLE_URL, expect, test } from './fixtures';
import { watchNetwork } from './network-watch';

test('a full session with the panel sends nothing anywhere', async ({ extension, openPage }) => {
  let watch: Awaited<ReturnType<typeof watchNetwork>> | undefined;
  const reader = await openPage(ARTICLE_URL, {
    beforeGoto: async (page) => {
      watch = await watchNetwork(extension, page);
    },
  });
  const { page } = reader;
  const panel = await reader.panel();
  const pageUrl = page.url();

  await reader.launcher.click();
  await expect(reader.panelHost).toBeVisible();
  const jumps = panel.getByRole('navigation').getByRole('button');
  // Read once the panel has drawn its header (the frame's page may still be starting).
  await expect(jumps.first()).toBeVisible();
  const sections = await jumps.allInnerTexts();
  expect(sections.length).toBeGreaterThanOrEqual(3);
  for (const section of sections) {
    await jumps.getByText(section, { exact: true }).click();
    await expect(await reader.heading(section)).toBeFocused();
  }
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(reader.panelHost).toBeHidden();
  await extension.clickToolbarButton(page);
  await expect(reader.panelHost).toBeVisible();
  await extension.clickToolbarButton(page);
  await expect(reader.panelHost).toBeHidden();
  // The options page and a settings change, applied live to the open tab.
  const options = await extension.context.newPage();
  await options.goto(`chrome-extension://${extension.extensionId}/options.html`);
  await options.getByRole('radio', { name: 'Left' }).check();
  await expect(options.getByRole('status')).toHaveText('Saved.');
  await options.getByLabel('Sites where Backstory stays quiet, one per line').fill('example.com');
  await options.getByLabel('Sites where Backstory stays quiet, one per line').blur();
  await options.close();
  await page.waitForTimeout(500);

  // The extension's own packaged files (the options page, the panel's page and their scripts)
  // are read from disk; the panel's frame on the page is that page at the browser's per-session
  // address (use_dynamic_url), a random id.
  const ownFiles = `chrome-extension://${extension.extensionId}/`;
  const own = (url: string) =>
    url.startsWith(ownFiles) ||
    /^chrome-extension:\/\/[0-9a-f-]{36}\/sidepanel\.html\?in=page$/.test(url);
  const session = watch!.requests.filter((request) => !own(request.url));
  expect(watch!.requests.some((request) => request.url.startsWith(ownFiles))).toBe(true);
  // The page itself and the favicon Chromium asks its server for: both the page's own address.
  const origin = new URL(pageUrl).origin;
  expect(session.filter((request) => request.seenBy === 'tab').map((r) => r.url)).toContain(
    pageUrl,
  );
  for (const request of session) {
    expect(new URL(request.url).origin, JSON.stringify(request)).toBe(origin);
    expect(request.initiator, JSON.stringify(request)).not.toMatch(/^chrome-extension:/);
    expect(request.seenBy, JSON.stringify(request)).not.toBe('service worker');
  }

  // The recorders do see the worker's requests: it read the story's packaged files (the library
  // and the pack the panel shows), and they show up in its own Network domain.
  expect(
    watch!.requests
      .filter((request) => request.seenBy === 'service worker')
      .map((request) => request.url.slice(ownFiles.length)),
  ).toEqual(
    expect.arrayContaining(['recognition/meta.json', 'packs/nbc-russians-kazakhstan-2022.json']),
  );
  // And the extension's content security policy refuses it any other address: a request made
  // on purpose from the worker fails before it is sent.
  const probe = await extension.worker.evaluate(() =>
    fetch('http://www.nbcnews.com/probe').then(
      () => 'sent',
      (error: unknown) => `refused: ${String(error)}`,
    ),
  );
  expect(probe).toMatch(/^refused/);
  await page.waitForTimeout(200);
  expect(watch!.requests.filter((request) => request.url.endsWith('/probe'))).toEqual([]);
  await watch!.stop();
});
