/**
 * The real pages in the story's other languages (`tests/fixtures/languages/`): reports on the
 * same events, near misses and unrelated news, each in one of the languages the story was told
 * in, with the class a reader would give it. Read by the recall report and the unit tests.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the pages are. */
export const LANGUAGE_PAGES_DIR = join(import.meta.dirname, '../../tests/fixtures/languages');

/** What a reader would say of a page. */
export type PageClass = 'related' | 'near-miss' | 'unrelated';

/** One page, as `pages.json` lists it. */
export interface LanguagePage {
  file: string;
  /** ISO 639-1 code of the page's language. */
  lang: string;
  class: PageClass;
  /** The page's own address (it is served there, and its canonical link says so). */
  source: string;
  title: string;
  why: string;
  /**
   * Why the extension still gets this page wrong, for the few it does (a near miss that reads
   * like the story): the recall report counts them, and the tests hold that they are the only ones.
   */
  known?: string;
}

/** Every page listed in the `pages.json` of `dir` (by default the fixtures'). */
export function languagePages(dir = LANGUAGE_PAGES_DIR): LanguagePage[] {
  return JSON.parse(readFileSync(join(dir, 'pages.json'), 'utf8')) as LanguagePage[];
}

/** A page's HTML, from `dir` (by default the fixtures'). */
export function languagePageHtml(page: LanguagePage, dir = LANGUAGE_PAGES_DIR): string {
  return readFileSync(join(dir, page.file), 'utf8');
}

/** The verdict a page of `pageClass` should get: a report on the same events is related, not a version. */
export function expectedKinds(pageClass: PageClass): readonly (string | null)[] {
  return pageClass === 'related' ? ['related'] : [null];
}
