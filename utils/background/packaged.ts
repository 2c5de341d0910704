/**
 * Files packaged with the extension, read by the background when it needs them (the library's
 * shards, a pack for the panel) rather than compiled into its script, so the worker starts as
 * fast with ten thousand stories as with one. Each file is read once per worker lifetime.
 */
import type { WxtBrowser as Browser } from 'wxt/browser';
import { isUiLanguage, type Messages, type UiLanguage } from '../i18n/messages';
import { isStoryList, type StoryEntry } from '../packs/catalogue';
import {
  CONTENT_LANGUAGES,
  type ContentLanguage,
  type PackTranslationFile,
} from '../packs/translation';
import type { Pack } from '../packs/types';
import type { CompiledPack } from '../recognition/compiled';
import {
  LIBRARY_FILES,
  type LibraryMeta,
  type LibrarySource,
  type Postings,
} from '../recognition/library';

/** A JSON file of the package by its path, or an error when it is not there. */
export type ReadPackaged = (path: string) => Promise<unknown>;

/**
 * Reads packaged JSON files. The address is the extension's own (`runtime.getURL`): the request
 * never leaves the browser, and the extension's CSP (`connect-src 'self'`) allows nothing else.
 */
export function packagedReader(browser: Browser): ReadPackaged {
  const cache = new Map<string, Promise<unknown>>();
  return (path) => {
    let file = cache.get(path);
    if (!file) {
      file = fetch(browser.runtime.getURL(`/${path}` as '/')).then((response) => {
        if (!response.ok) throw new Error(`Backstory: no packaged file ${path}`);
        return response.json() as Promise<unknown>;
      });
      // A failed read is tried again next time.
      file.catch(() => cache.delete(path));
      cache.set(path, file);
    }
    return file;
  };
}

/** The library and the panel's packs, from packaged files. */
export function packagedData(read: ReadPackaged): {
  library: LibrarySource;
  pack: (id: string) => Promise<Pack | null>;
  stories: () => Promise<StoryEntry[]>;
  translation: (id: string, lang: ContentLanguage) => Promise<PackTranslationFile | null>;
  messages: (lang: UiLanguage) => Promise<Messages | null>;
} {
  return {
    library: {
      meta: () => read(LIBRARY_FILES.meta) as Promise<LibraryMeta>,
      postings: (shard) => read(LIBRARY_FILES.postings(shard)) as Promise<Postings>,
      packs: (shard) => read(LIBRARY_FILES.packs(shard)) as Promise<CompiledPack[]>,
    },
    // Pack ids come from verdicts, which the engine makes from the library: a safe file name.
    pack: (id) =>
      /^[a-z0-9-]+$/.test(id)
        ? (read(LIBRARY_FILES.pack(id)) as Promise<Pack>).catch(() => null)
        : Promise.resolve(null),
    stories: () =>
      read(LIBRARY_FILES.catalogue).then(
        (list) => (isStoryList(list) ? list : []),
        () => [],
      ),
    translation: (id, lang) =>
      /^[a-z0-9-]+$/.test(id) && CONTENT_LANGUAGES.includes(lang)
        ? (read(LIBRARY_FILES.translation(id, lang)) as Promise<PackTranslationFile>).catch(
            () => null,
          )
        : Promise.resolve(null),
    messages: (lang) =>
      isUiLanguage(lang)
        ? (read(`_locales/${lang}/messages.json`) as Promise<Messages>).catch(() => null)
        : Promise.resolve(null),
  };
}
