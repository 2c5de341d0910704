/**
 * The launcher's words in each language Backstory's controls speak, read from the same messages
 * as every other string (`public/_locales/`) when the story script is built. The launcher is all
 * that script shows, so it needs neither `msg` (whose English fallback is the whole English
 * catalog, 26 KB of script to compile on every page with a verdict) nor the browser's
 * `i18n.getMessage`, whose first call in a page loads the extension's whole message bundle
 * synchronously: about 5 ms on the launcher's way to the page on two slow cores
 * (docs/performance.md, "The launcher's way to the page").
 *
 * Each catalog's properties are read by name here, so that the bundler keeps these three
 * messages of each and leaves the rest out.
 */
import * as de from '../../public/_locales/de/messages.json';
import * as en from '../../public/_locales/en/messages.json';
import * as es from '../../public/_locales/es/messages.json';
import * as fr from '../../public/_locales/fr/messages.json';
import * as ru from '../../public/_locales/ru/messages.json';
import * as uk from '../../public/_locales/uk/messages.json';
import type { UiLanguage } from './messages';

/** What the launcher says. */
export interface LauncherWords {
  /** Its accessible name on the article or a version of it. */
  article: string;
  /** Its accessible name on related coverage. */
  related: string;
  /** Its visible text. */
  text: string;
}

const WORDS: Record<UiLanguage, LauncherWords> = {
  en: {
    article: en.launcherArticle.message,
    related: en.launcherRelated.message,
    text: en.launcherText.message,
  },
  ru: {
    article: ru.launcherArticle.message,
    related: ru.launcherRelated.message,
    text: ru.launcherText.message,
  },
  uk: {
    article: uk.launcherArticle.message,
    related: uk.launcherRelated.message,
    text: uk.launcherText.message,
  },
  de: {
    article: de.launcherArticle.message,
    related: de.launcherRelated.message,
    text: de.launcherText.message,
  },
  fr: {
    article: fr.launcherArticle.message,
    related: fr.launcherRelated.message,
    text: fr.launcherText.message,
  },
  es: {
    article: es.launcherArticle.message,
    related: es.launcherRelated.message,
    text: es.launcherText.message,
  },
};

/** The launcher's words in `language`. */
export function launcherWords(language: UiLanguage): LauncherWords {
  return WORDS[language];
}
