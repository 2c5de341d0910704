/**
 * The languages a pack's recognition data may be written in: the languages the first story was
 * told in. A pack gives, per language, the names of its people and places as that language writes
 * them and its subject and core terms (`RecognitionSchema`); the reason of a related verdict names
 * the language the page reports in (`utils/strings.ts` has the languages' names).
 */
export const LANGUAGES = [
  'en',
  'ru',
  'uk',
  'kk',
  'ka',
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'pl',
  'fi',
] as const;

/** An ISO 639-1 code of one of {@link LANGUAGES}. */
export type Language = (typeof LANGUAGES)[number];

/** Whether `value` is one of {@link LANGUAGES}. */
export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** The language of a page's `lang` attribute ("pt-BR" → "pt"), when it is one of ours. */
export function declaredLanguage(lang: string | null | undefined): Language | null {
  const code = lang?.trim().toLowerCase().split(/[-_]/)[0];
  return isLanguage(code) ? code : null;
}
