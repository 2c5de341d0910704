/**
 * The controls' words in six languages (`public/_locales/`): every language has exactly the
 * English keys (a plural family with the forms its language has), the same placeholders, and a
 * message for each; and the formatting of messages, plurals, numbers and dates per language.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatSpan, monthOf } from '../../utils/dates';
import {
  ENGLISH_MESSAGES,
  msg,
  plural,
  setMessages,
  UI_LANGUAGES,
  type Messages,
  type UiLanguage,
} from '../../utils/i18n/messages';
import { nothingStrings, strings } from '../../utils/strings';

const LOCALES = join(import.meta.dirname, '../../public/_locales');
const read = (lang: string) =>
  JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8')) as Messages;
const PLURAL = /^(.*)_(zero|one|two|few|many|other)$/;

/** A message's placeholder names as it uses them, lower case, sorted. */
const used = (text: string) =>
  [...text.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();

/** The keys `lang` must have: English's, each plural family with `lang`'s forms. */
function expectedKeys(lang: string): string[] {
  const keys: string[] = [];
  for (const key of Object.keys(ENGLISH_MESSAGES)) {
    const family = PLURAL.exec(key);
    if (!family) keys.push(key);
    else if (family[2] === 'other') {
      const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      keys.push(...forms.map((form) => `${family[1]}_${form}`));
    }
  }
  return keys.sort();
}

describe('the locales', () => {
  it('are the six languages the controls speak, and no other', () => {
    expect(readdirSync(LOCALES).sort()).toEqual([...UI_LANGUAGES].sort());
  });

  for (const lang of UI_LANGUAGES.filter((l) => l !== 'en')) {
    describe(lang, () => {
      const messages = read(lang);

      it('has every key English has and no other (plural forms as the language has them)', () => {
        expect(Object.keys(messages).sort()).toEqual(expectedKeys(lang));
      });

      it('uses the same placeholders as English in every message, declared as English does', () => {
        for (const [key, entry] of Object.entries(messages)) {
          const family = PLURAL.exec(key);
          const english =
            ENGLISH_MESSAGES[key] ?? (family ? ENGLISH_MESSAGES[`${family[1]}_other`] : undefined);
          expect(english, key).toBeDefined();
          expect(entry.placeholders ?? {}, key).toEqual(english!.placeholders ?? {});
          if (!family) {
            expect(used(entry.message), key).toEqual(used(english!.message));
            continue;
          }
          // A plural form uses what the family's general form uses; it may leave out the count
          // (as English "its event" does), nothing else.
          const general = used(ENGLISH_MESSAGES[`${family[1]}_other`]!.message);
          expect(general, key).toEqual(expect.arrayContaining(used(entry.message)));
          expect(used(entry.message), key).toEqual(
            expect.arrayContaining(general.filter((name) => name !== 'count')),
          );
        }
      });

      it('has a message for every key', () => {
        for (const [key, entry] of Object.entries(messages))
          expect(entry.message.trim(), key).not.toBe('');
      });
    });
  }
});

describe('formatting in the panel’s language', () => {
  afterEach(() => setMessages('en', ENGLISH_MESSAGES));
  const use = (lang: UiLanguage) =>
    setMessages(lang, lang === 'en' ? ENGLISH_MESSAGES : read(lang));

  it('fills placeholders and writes numbers as the language does', () => {
    use('ru');
    expect(strings.sections.places).toBe(read('ru').section_places!.message);
    expect(nothingStrings.covers(18, 10, 1500)).toContain('1 500'.replace(' ', '\u00a0'));
    use('en');
    expect(nothingStrings.covers(18, 10, 1500)).toBe(
      'Its background: 18 places, 10 people and 1,500 dated events.',
    );
  });

  it('picks Russian and Ukrainian plural forms by the number (one, few, many)', () => {
    for (const lang of ['ru', 'uk'] as const) {
      use(lang);
      const messages = read(lang);
      const form = (name: string) =>
        messages[`nothingStories_${name}`]!.message.replace(/\$COUNT\$/i, '');
      const words = (n: number) => plural('nothingStories', n).replace(String(n), '');
      expect(words(1)).toBe(form('one'));
      expect(words(21)).toBe(form('one'));
      expect(words(3)).toBe(form('few'));
      expect(words(5)).toBe(form('many'));
      expect(words(11)).toBe(form('many'));
    }
  });

  it('writes dates in the language, and English as before', () => {
    expect(formatDate('2022-09-21')).toBe('21 Sep 2022');
    expect(formatSpan('2022-09-23', '2022-09-27')).toBe('23–27 Sep 2022');
    use('ru');
    expect(formatDate('2022-09-21')).toMatch(/^21 сент\.? 2022/);
    expect(formatDate('2023-04')).toMatch(/^апр\.? 2023/);
    expect(monthOf('2022-09-21').label).toMatch(/^сентябрь 2022/);
    use('uk');
    expect(formatSpan('2022-09-30', '2022-10-05')).toMatch(/^30 вер\.? – 5 жовт\.? 2022/);
  });

  it('falls back to English for a key a language lacks', () => {
    setMessages('de', {});
    expect(msg('section_places')).toBe('Places');
  });
});
