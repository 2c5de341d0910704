/**
 * The reader's settings (SPEC §2): storage key, defaults, validation and migrations, all here.
 * Stored with WXT storage in `local:settings`. Whatever is stored is read through
 * {@link parseSettings}, key by key: a corrupt or foreign value falls back to its default and
 * every valid key is kept, so one bad key never loses the rest.
 */
import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import { UI_LANGUAGES } from './i18n/messages';
import type { LanguageSetting } from './i18n/language';
import { hostMatches, MAX_SITES, SITE, type SiteScope } from './site-scope';
import { SETTINGS_KEY } from './storage-keys';

export { hostMatches, isActiveOn } from './site-scope';

/** Panel sections a reader can hide (the ids of `components/sections.tsx`). */
export const SECTION_IDS = [
  'places',
  'people',
  'timeline',
  'figures',
  'glossary',
  'notes',
] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** Everything the reader can set. */
export interface Settings extends SiteScope {
  /** Open the panel by itself on pages with each verdict. */
  autoOpen: { article: boolean; version: boolean; related: boolean };
  /**
   * Where the panel opens: over the page (in its own layer on the page), or in the browser's side
   * panel (Chrome's side panel, Firefox's sidebar), beside the page and out of its reach.
   */
  panelIn: 'page' | 'side-panel';
  /** Which edge of the window the panel sits at (over the page). */
  side: 'right' | 'left';
  /** Cover the page edge, or push the page aside. */
  layout: 'overlay' | 'push';
  /** Mark the pack's people and places in the article text. */
  marks: boolean;
  /** Sections shown in the panel. */
  sections: Record<SectionId, boolean>;
  theme: 'system' | 'light' | 'dark';
  /** The panel's language: the page's or the browser's (`auto`), or one the reader chose. */
  language: LanguageSetting;
}

/** The defaults (SPEC §2: open automatically for article and version, not for related). */
export const DEFAULT_SETTINGS: Settings = {
  autoOpen: { article: true, version: true, related: false },
  panelIn: 'page',
  side: 'right',
  layout: 'overlay',
  marks: true,
  sections: {
    places: true,
    people: true,
    timeline: true,
    figures: true,
    glossary: true,
    notes: true,
  },
  quietSites: [],
  scope: 'everywhere',
  onlySites: [],
  theme: 'system',
  language: 'auto',
};

const Site = v.pipe(
  v.string(),
  v.trim(),
  v.toLowerCase(),
  v.regex(SITE, 'must be a host name such as nytimes.com'),
);
const Sites = v.pipe(v.array(Site), v.maxLength(MAX_SITES));

/** One schema per top-level key, so each key is kept or defaulted on its own. */
const KEY_SCHEMAS: { [K in keyof Settings]: v.GenericSchema<unknown, Settings[K]> } = {
  autoOpen: v.strictObject({ article: v.boolean(), version: v.boolean(), related: v.boolean() }),
  panelIn: v.picklist(['page', 'side-panel']),
  side: v.picklist(['right', 'left']),
  layout: v.picklist(['overlay', 'push']),
  marks: v.boolean(),
  sections: v.strictObject({
    places: v.boolean(),
    people: v.boolean(),
    timeline: v.boolean(),
    figures: v.boolean(),
    glossary: v.boolean(),
    notes: v.boolean(),
  }),
  quietSites: Sites,
  scope: v.picklist(['everywhere', 'listed']),
  onlySites: Sites,
  theme: v.picklist(['system', 'light', 'dark']),
  language: v.picklist(['auto', ...UI_LANGUAGES]),
};

/**
 * Settings from whatever is stored: each valid key is kept, anything else (missing, corrupt, from
 * another extension or version) becomes its default. Nested objects are merged field by field.
 */
export function parseSettings(raw: unknown): Settings {
  const stored = isRecord(raw) ? raw : {};
  const settings = structuredClone(DEFAULT_SETTINGS);
  for (const key of Object.keys(KEY_SCHEMAS) as (keyof Settings)[]) {
    const value = stored[key];
    const parsed = v.safeParse(KEY_SCHEMAS[key], value);
    if (parsed.success) {
      (settings as Record<keyof Settings, unknown>)[key] = parsed.output;
    } else if (isRecord(value) && isRecord(settings[key])) {
      // A partly valid object (one flag corrupt): keep its valid boolean fields.
      const target = settings[key] as Record<string, unknown>;
      for (const [field, fallback] of Object.entries(target)) {
        if (typeof value[field] === typeof fallback) target[field] = value[field];
      }
    }
  }
  return settings;
}

/**
 * Cleans a list of sites typed by the reader (one per line, or pasted addresses): host names,
 * lower case, without scheme, path or `www.`, each once; entries that are not host names are
 * returned in `rejected` so the options page can say which.
 */
export function parseSiteList(text: string): { sites: string[]; rejected: string[] } {
  const sites: string[] = [];
  const rejected: string[] = [];
  for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
    const host = entry
      .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
      .replace(/[/?#:].*$/, '')
      .replace(/^www\./i, '');
    const parsed = v.safeParse(Site, host);
    if (parsed.success && !sites.includes(parsed.output)) sites.push(parsed.output);
    else if (!parsed.success) rejected.push(entry);
  }
  return { sites, rejected };
}

/**
 * The stored settings. Version 1 is the first format; when it changes, bump `version` and add a
 * migration here (`migrations: { 2: (old) => … }`): WXT runs them in order on first read. The
 * script on every page reads the stored value's site keys directly (`site-scope.ts`): a
 * migration must keep `scope`, `onlySites` and `quietSites` readable there, or change that too.
 */
export const settingsItem = storage.defineItem<unknown>(`local:${SETTINGS_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/**
 * The reader's settings, validated. Storage that cannot be read at all (a failed migration, a
 * version from a newer build) gives the defaults, with a warning, rather than stopping Backstory.
 */
export async function loadSettings(): Promise<Settings> {
  try {
    return parseSettings(await settingsItem.getValue());
  } catch (error) {
    console.warn('Backstory: settings unreadable, using defaults:', error);
    return parseSettings(undefined);
  }
}

/** Saves a change to the settings; an invalid value in it falls back like any stored one. */
export async function saveSettings(change: Partial<Settings>): Promise<Settings> {
  const next = parseSettings({ ...(await loadSettings()), ...change });
  await settingsItem.setValue(next);
  return next;
}

/** Takes every entry that covers `host` off the reader's quiet sites (Backstory works there again). */
export async function wakeSite(host: string): Promise<void> {
  const { quietSites } = await loadSettings();
  await saveSettings({ quietSites: quietSites.filter((site) => !hostMatches(host, [site])) });
}

/** Calls `onChange` with validated settings whenever they change (in any tab or page). */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => onChange(parseSettings(value)));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
