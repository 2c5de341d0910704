/**
 * The recall report: every real page of `tests/fixtures/languages/` put through the extension's
 * whole path (the page gate, the library's exact check, the engine), counted per language and
 * class, and every page that does not get what a reader would expect, listed. A report, not a
 * test (the tests hold the line: `tests/unit/languages.test.ts`).
 *
 *   npm run recall                 # the fixtures' pages
 *   npm run recall -- <folder>     # another set, listed the same way in <folder>/pages.json
 */
import { Window } from 'happy-dom';
import { readPacks } from './lib/packs';
import {
  expectedKinds,
  LANGUAGE_PAGES_DIR,
  languagePageHtml,
  languagePages,
  type PageClass,
} from './lib/language-pages';
import { libraryOf, recognizeDocument } from './lib/whole-path';
import { compilePack } from '../utils/recognition/compile';
import { isSuspect } from '../utils/recognition/gate';

const dir = process.argv[2] ?? LANGUAGE_PAGES_DIR;

const packs = readPacks().flatMap((folder) =>
  folder.ok ? [compilePack(folder.input, folder.articleText)] : [],
);
const library = libraryOf(packs);

const rows = new Map<string, Record<PageClass, { pages: number; expected: number }>>();
const misses: string[] = [];
for (const page of languagePages(dir)) {
  const window = new Window({
    url: page.source,
    settings: { disableJavaScriptEvaluation: true, disableCSSFileLoading: true },
  });
  window.document.write(languagePageHtml(page, dir));
  const doc = window.document as unknown as Document;
  const { found, verdict } = await recognizeDocument(doc, library);
  await window.happyDOM.close();
  const row = rows.get(page.lang) ?? blankRow();
  rows.set(page.lang, row);
  const cell = row[page.class];
  cell.pages += 1;
  if (expectedKinds(page.class).includes(verdict?.kind ?? null)) cell.expected += 1;
  else {
    const gateSaid = isSuspect(found)
      ? `past the gate (${found.names.join(', ')})`
      : 'stopped by the gate';
    const known = page.known ? ` (known: ${page.known})` : '';
    misses.push(`- ${page.file} (${page.class}): ${verdict?.kind ?? 'none'}, ${gateSaid}${known}`);
  }
}

console.log(
  '| language | related recognized | near misses with no verdict | unrelated with no verdict |',
);
console.log('| --- | --- | --- | --- |');
const total = blankRow();
for (const [lang, row] of [...rows].sort(([a], [b]) => (a < b ? -1 : 1))) {
  for (const key of Object.keys(total) as PageClass[]) {
    total[key].pages += row[key].pages;
    total[key].expected += row[key].expected;
  }
  console.log(`| ${lang} | ${cells(row)} |`);
}
console.log(`| all | ${cells(total)} |`);
console.log(
  misses.length > 0 ? `\nNot as expected:\n${misses.join('\n')}` : '\nEvery page as expected.',
);

function blankRow(): Record<PageClass, { pages: number; expected: number }> {
  return {
    related: { pages: 0, expected: 0 },
    'near-miss': { pages: 0, expected: 0 },
    unrelated: { pages: 0, expected: 0 },
  };
}

function cells(row: Record<PageClass, { pages: number; expected: number }>): string {
  return (['related', 'near-miss', 'unrelated'] as const)
    .map((key) => `${row[key].expected} of ${row[key].pages}`)
    .join(' | ');
}
