/**
 * `npm run sweep`: opens every page of the negative corpus (`../shared/corpus/readability/`, or
 * `$CORPUS_DIR`) in Chromium with Backstory loaded and asserts that each gets verdict none, that
 * Backstory added nothing to it and that the extension logged no error there. Skips, with a
 * message, when the corpus is absent (it is not part of the repository). Needs `npm run build`.
 * It also counts what reached the service worker: only pages the page gate let through (those
 * naming two of a story's people and places) may send it anything, and it prints how many did.
 */
import { launchWithExtension } from './lib/chromium';
import { CORPUS_DIR, corpusPages, offlineRules } from './lib/corpus';
import { startFixtureServer } from './lib/fixture-server';
import { countWorkerMessages } from './lib/worker-messages';

const pages = corpusPages();
if (!pages) {
  console.log(`sweep: corpus not found at ${CORPUS_DIR}; skipping (set CORPUS_DIR to run it).`);
  process.exit(0);
}
const server = await startFixtureServer(pages);
// Every other host fails at once: corpus pages reference the live web, which is not reachable here.
const browser = await launchWithExtension({
  hostResolverRules: offlineRules(server.hostResolverRules),
});
const failures: string[] = [];
let worker = { messages: [] as string[], starts: 0 };
try {
  const count = await countWorkerMessages(browser);
  const page = await browser.context.newPage();
  const extensionErrors: string[] = [];
  page.on('console', (message) => {
    const where = message.location().url;
    // Our scripts log with a "Backstory:" prefix or throw from our own extension URL. A page's own
    // failed loads of chrome-extension:// resources (probing for other extensions) are not ours.
    const ours =
      where.startsWith(`chrome-extension://${browser.extensionId}/`) ||
      message.text().includes('Backstory');
    if (
      message.type() === 'error' &&
      ours &&
      !message.text().startsWith('Failed to load resource')
    ) {
      extensionErrors.push(message.text());
    }
  });
  for (const { url } of pages) {
    extensionErrors.length = 0;
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 30_000 }).catch(() => undefined);
    // The recognizer's first look, as it records it in its own world, and its verdict.
    const verdict = await browser.recognized(page, 5_000).then(
      (found) => found?.kind ?? null,
      () => undefined,
    );
    const added = await page.evaluate(
      () => document.querySelectorAll('backstory-launcher, backstory-panel').length,
    );
    const name = url.split('/').pop();
    if (verdict === undefined) failures.push(`${name}: recognition never reported`);
    else if (verdict !== null) failures.push(`${name}: verdict ${JSON.stringify(verdict)}`);
    if (added > 0) failures.push(`${name}: Backstory added ${added} element(s)`);
    for (const error of extensionErrors) failures.push(`${name}: extension error: ${error}`);
  }
  worker = await count.read();
  count.stop();
} finally {
  await browser.close();
  await server.close();
}
if (failures.length > 0) {
  console.error(`sweep: ${failures.length} problem(s) over ${pages.length} corpus pages:`);
  for (const failure of failures) console.error(`  ${failure}`);
  process.exit(1);
}
const suspects = worker.messages.filter((type) => type === 'page:suspect').length;
if (worker.messages.some((type) => type !== 'page:suspect')) {
  console.error(
    `sweep: the service worker heard more than the gate's suspects: ${worker.messages.join(', ')}`,
  );
  process.exit(1);
}
console.log(
  `sweep: ${pages.length} corpus pages, all verdict none, nothing added, no extension errors; ` +
    `${suspects} page(s) got past the page gate and asked the service worker (${worker.starts} worker start(s)).`,
);
