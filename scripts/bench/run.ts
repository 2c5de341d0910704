/**
 * `npm run bench` (SPEC §5): what Backstory costs, measured from outside in Debian's Chromium,
 * printed as one table. See docs/performance.md for the method and the history of the figures.
 * A benchmark, not a test: it prints figures and never fails on time.
 */
import { FIXTURES } from '../../tests/fixtures';
import { corpusPages, CORPUS_DIR, offlineRules } from '../lib/corpus';
import { startFixtureServer } from '../lib/fixture-server';
import { fixturePage } from '../../tests/fixtures';
import { measurePanelOpen } from './panel-open';
import { printPanelOpen } from './panel-open-report';
import { scaledBuild } from './scaled-builds';

const pages = corpusPages();
if (!pages) console.log(`bench: no corpus at ${CORPUS_DIR}; the page figures need it.`);
for (const stories of [1_000, 10_000]) {
  const { library } = scaledBuild(stories);
  console.log(
    `${stories} stories: page gate ${(library.gateBytes / 1024).toFixed(1)} KB in storage ` +
      `(${(library.gateBytes / stories).toFixed(1)} bytes per story, ` +
      `${library.gate.counts.names} name keys)`,
  );
}
const article = FIXTURES[0];
if (article) {
  const server = await startFixtureServer([{ url: article.url, html: fixturePage(article.file) }]);
  try {
    printPanelOpen(
      await measurePanelOpen(server.localUrl(article.url), offlineRules(server.hostResolverRules)),
    );
  } finally {
    await server.close();
  }
}
