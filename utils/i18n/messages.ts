/**
 * The words Backstory shows, in the reader's language. The messages live in the WebExtension
 * `_locales/<lang>/messages.json` files (`public/_locales/`), English being the one source the
 * others translate; the browser's own `i18n.getMessage` reads them for the manifest (name,
 * description, shortcut) but only in the browser's language, so the panel formats the same files
 * itself, in the language chosen for it (`language.ts`): placeholders (`$NAME$`), numbers with
 * `Intl.NumberFormat`, plural forms with `Intl.PluralRules` (a key's forms are `key_one`,
 * `key_few`, `key_many`, `key_other`, as the language has them).
 *
 * One language per document (a panel on a page, the side panel, the settings): `setMessages`
 * switches it before drawing. Until then (the background, the launcher) the words are the
 * browser's own, in its language (`i18n.getMessage`), or English where there is no browser.
 */
import english from '../../public/_locales/en/messages.json' with { type: 'json' };

/** A `messages.json` file. */
export type Messages = Record<
  string,
  { message: string; description?: string; placeholders?: Record<string, { content: string }> }
>;

/** The languages Backstory's controls speak. */
export const UI_LANGUAGES = ['en', 'ru', 'uk', 'de', 'fr', 'es'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** A key of the English messages (every language has the same keys, plural forms aside). */
export type MessageKey = keyof typeof english;
/** The base of a plural family (`showPhraseEvents` for `showPhraseEvents_one`, `_other`). */
export type PluralKey = MessageKey extends infer K
  ? K extends `${infer Base}_other`
    ? Base
    : never
  : never;

const ENGLISH = english as Messages;
/** The English messages, bundled: the source the others translate, and every key's fallback. */
export const ENGLISH_MESSAGES: Messages = ENGLISH;
/** The messages set for this document; null: the browser's own (see `browserMessage`). */
let chosen: { language: UiLanguage; messages: Messages } | null = null;

/** Uses `lang`'s messages from now on (English for a key they lack). */
export function setMessages(lang: UiLanguage, catalog: Messages): void {
  chosen = { language: lang, messages: catalog };
}

/** The language the words are in now. */
export function messageLanguage(): UiLanguage {
  return chosen?.language ?? browserLanguage() ?? 'en';
}

/** The message `key` with its placeholders filled from `values`, in order. */
export function msg(key: MessageKey, ...values: (string | number)[]): string {
  if (!chosen) {
    const native = browserMessage(key, values);
    if (native) return native;
  }
  return format(chosen?.messages[key] ?? ENGLISH[key], values);
}

/** The plural form of `key` for `count` (also its first value unless `values` are given). */
export function plural(key: PluralKey, count: number, ...values: (string | number)[]): string {
  const form = new Intl.PluralRules(messageLanguage()).select(count);
  const filled = values.length > 0 ? values : [count];
  if (!chosen) {
    const native =
      browserMessage(`${key}_${form}`, filled) ?? browserMessage(`${key}_other`, filled);
    if (native) return native;
  }
  const catalog = chosen?.messages ?? ENGLISH;
  const entry = catalog[`${key}_${form}`] ?? catalog[`${key}_other`] ?? ENGLISH[`${key}_other`];
  return format(entry, filled);
}

/** The browser's i18n API, where there is one (not in Node). */
function browserI18n():
  | { getMessage(key: string, substitutions?: string[]): string; getUILanguage(): string }
  | undefined {
  return (globalThis as { chrome?: { i18n?: ReturnType<typeof browserI18n> } }).chrome?.i18n;
}

/** The browser's language tag ("en-US"); null where there is no browser to ask. */
export function browserUiLanguage(): string | null {
  try {
    return browserI18n()?.getUILanguage() ?? null;
  } catch {
    // A test's stand-in browser without the i18n API.
    return null;
  }
}

/** The browser's language, when Backstory speaks it. */
function browserLanguage(): UiLanguage | null {
  const base = browserUiLanguage()?.toLowerCase().split(/[-_]/)[0];
  return isUiLanguage(base) ? base : null;
}

/** The message in the browser's language through its own API; null where it has none. */
function browserMessage(key: string, values: (string | number)[]): string | null {
  const api = browserI18n();
  const language = browserLanguage();
  if (!api || !language) return null;
  const substitutions = values.map((value) =>
    typeof value === 'number' ? new Intl.NumberFormat(language).format(value) : value,
  );
  try {
    const text = api.getMessage(key, substitutions);
    return text === '' ? null : text;
  } catch {
    return null;
  }
}

/** A number as the language writes it ("7,500", "7 500"). */
export function formatNumber(value: number): string {
  return new Intl.NumberFormat(messageLanguage()).format(value);
}

function format(entry: Messages[string] | undefined, values: (string | number)[]): string {
  if (!entry) return '';
  const slots = new Map<string, string>();
  for (const [name, { content }] of Object.entries(entry.placeholders ?? {})) {
    const index = Number(content.replace('$', '')) - 1;
    const value = values[index];
    slots.set(name.toLowerCase(), typeof value === 'number' ? formatNumber(value) : (value ?? ''));
  }
  return entry.message.replace(
    /\$([A-Za-z0-9_@]+)\$/g,
    (whole, name: string) => slots.get(name.toLowerCase()) ?? whole,
  );
}
