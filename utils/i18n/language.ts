/**
 * Which language the panel speaks (SPEC: "the reader's language"). By default it follows the
 * page's language when Backstory has its background in that language (a Russian report gets
 * the Russian panel), else the browser's language, else English; the reader may choose one in
 * the settings. The controls speak six languages; the pack's content is in English, Russian and
 * Ukrainian, so in German, French and Spanish the content stays English (the panel says so).
 */
import { CONTENT_LANGUAGES, type ContentLanguage } from '../packs/translation';
import type { Verdict } from '../recognition/verdict';
import { isUiLanguage, type UiLanguage } from './messages';

/** The reader's choice in the settings. */
export type LanguageSetting = 'auto' | UiLanguage;

/** The panel's languages: of its controls, and of the pack's content. */
export interface PanelLanguage {
  ui: UiLanguage;
  content: 'en' | ContentLanguage;
}

/** The language part of a tag: `ru-RU` → `ru`, `uk` → `uk`; null for none. */
export function baseLanguage(tag: string | null | undefined): string | null {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return base ? base : null;
}

/** Whether Backstory has a pack's content in `lang`. */
export function hasContentIn(lang: string | null): lang is 'en' | ContentLanguage {
  return lang === 'en' || (CONTENT_LANGUAGES as readonly string[]).includes(lang ?? '');
}

/**
 * The language of the page a verdict is about: the language the engine read it in (a
 * translation, a report in another language), else the page's own `lang`, else the article's
 * (English) when the verdict is on the article's own words.
 */
export function pageLanguage(verdict: Verdict | null, declared?: string | null): string | null {
  const evidence = verdict?.evidence;
  if (evidence && (evidence.kind === 'sequence' || evidence.kind === 'topic')) return evidence.lang;
  const own = baseLanguage(declared);
  if (own) return own;
  return verdict ? 'en' : null;
}

/** The panel's languages for `setting`, a page in `page`, in a browser whose language is `browser`. */
export function chooseLanguage(
  setting: LanguageSetting,
  page: string | null,
  browser: string | null | undefined,
): PanelLanguage {
  const fromBrowser = baseLanguage(browser);
  const ui: UiLanguage =
    setting !== 'auto'
      ? setting
      : hasContentIn(page)
        ? page
        : isUiLanguage(fromBrowser)
          ? fromBrowser
          : 'en';
  return { ui, content: hasContentIn(ui) ? ui : 'en' };
}
