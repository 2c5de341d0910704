/**
 * The pack in the reader's language: which language the panel speaks, the translation checks
 * (every text, nothing else, the same numbers) and a translation applied to the pack.
 */
import { describe, expect, it } from 'vitest';
import { readPackFolder } from '../../scripts/lib/packs';
import { chooseLanguage, pageLanguage } from '../../utils/i18n/language';
import {
  applyTranslation,
  numbersOf,
  translatableStrings,
  translationProblems,
} from '../../utils/packs/translation';
import { addressVerdict, PACK_DIR, realPack } from './helpers';

const { input, pack } = realPack();
const folder = readPackFolder(PACK_DIR);
if (!folder.ok) throw new Error('the pack does not load');
const ru = folder.translations.ru.strings;
const uk = folder.translations.uk.strings;

describe('the panel’s language', () => {
  const verdict = addressVerdict('related', pack.id);
  const topic = (lang: 'ru' | 'de' | 'kk') => ({
    ...verdict,
    evidence: { kind: 'topic' as const, terms: 5, names: 3, lang },
  });

  it('follows a page in a language Backstory has the background in', () => {
    expect(chooseLanguage('auto', pageLanguage(topic('ru')), 'en-US')).toEqual({
      ui: 'ru',
      content: 'ru',
    });
    expect(chooseLanguage('auto', pageLanguage(null, 'uk-UA'), 'de-DE')).toEqual({
      ui: 'uk',
      content: 'uk',
    });
    // The article's own words are English.
    expect(chooseLanguage('auto', pageLanguage(addressVerdict('article', pack.id)), 'ru')).toEqual({
      ui: 'en',
      content: 'en',
    });
  });

  it('else the browser’s language, with the content in English where it is not translated', () => {
    expect(chooseLanguage('auto', pageLanguage(topic('kk')), 'ru-RU')).toEqual({
      ui: 'ru',
      content: 'ru',
    });
    expect(chooseLanguage('auto', pageLanguage(topic('de')), 'de-AT')).toEqual({
      ui: 'de',
      content: 'en',
    });
    expect(chooseLanguage('auto', null, 'ja-JP')).toEqual({ ui: 'en', content: 'en' });
  });

  it('is the reader’s choice when they made one', () => {
    expect(chooseLanguage('fr', pageLanguage(topic('ru')), 'ru')).toEqual({
      ui: 'fr',
      content: 'en',
    });
    expect(chooseLanguage('uk', null, 'en')).toEqual({ ui: 'uk', content: 'uk' });
  });
});

describe('a translation of the pack', () => {
  it('covers every text, in Russian and in Ukrainian', () => {
    const english = translatableStrings(input);
    expect(english.size).toBeGreaterThan(300);
    for (const translation of [ru, uk]) {
      expect(Object.keys(translation).sort()).toEqual([...english.keys()].sort());
    }
  });

  it('finds numbers whatever their separators, and only digits', () => {
    expect(numbersOf('About 200,000 Russians, 1.5 times, on 21 Sep 2022')).toEqual(
      ['15', '200000', '2022', '21'].sort(),
    );
    expect(numbersOf('около 200 000 россиян, в 1,5 раза, 21 сентября 2022 г.')).toEqual(
      numbersOf('About 200,000 Russians, 1.5 times, on 21 Sep 2022'),
    );
  });

  it('is refused with the key when a text is missing, left over or has other numbers', () => {
    const [first, second] = [...translatableStrings(input).keys()];
    const strings = Object.fromEntries(Object.entries(ru).filter(([key]) => key !== first));
    strings[second!] = `${strings[second!]} 1999`;
    strings['places.atlantis.name'] = 'Атлантида';
    const problems = translationProblems(input, { lang: 'ru', strings });
    expect(problems).toEqual([
      `ru: ${first}: no translation`,
      expect.stringMatching(new RegExp(`^ru: ${second!.replace(/\./g, '\\.')}: numbers differ`)),
      'ru: places.atlantis.name: not a text of the pack (left over, or mistyped)',
    ]);
    expect(translationProblems(input, { lang: 'uk', strings: uk })).toEqual([]);
  });

  it('puts the translation in place, the quotes beside their English words, ids and dates unchanged', () => {
    const shown = applyTranslation(pack, folder.translations.ru);
    const almaty = shown.places.find((place) => place.id === 'almaty')!;
    expect(almaty.name).toBe(ru['places.almaty.name']);
    const person = shown.people.find((p) => p.quotes.length > 0)!;
    const english = pack.people.find((p) => p.id === person.id)!;
    expect(person.quotes[0]!.text).toBe(english.quotes[0]!.text);
    expect(person.quotes[0]!.translation).toBe(ru[`people.${person.id}.quotes.0.text`]);
    expect(shown.timeline.map((e) => [e.id, e.date])).toEqual(
      pack.timeline.map((e) => [e.id, e.date]),
    );
    // The map speaks the language too: its pins and its legend.
    const pins = shown.map!.panels.flatMap((panel) => panel.pins);
    expect(pins.find((pin) => pin.place === 'almaty')!.name).toBe(ru['places.almaty.name']);
    expect(shown.map!.origin).toBe(ru['map.origin']);
    // Its labels are placed for the translated words (the build projects each language's map).
    const donetsk = pins.find((pin) => pin.place === 'donetsk-oblast')!;
    expect(donetsk.label).toBe(ru['map.labels.donetsk-oblast']);
    const englishPins = pack.map!.panels.flatMap((panel) => panel.pins);
    expect(pins.map((pin) => [pin.place, pin.x, pin.y])).toEqual(
      englishPins.map((pin) => [pin.place, pin.x, pin.y]),
    );
    expect(shown.map!.panels[0]!.routes.map((r) => r.to)).not.toContain('Kazakhstan');
    // The English pack is left as it was.
    expect(pack.places.find((place) => place.id === 'almaty')!.name).toBe('Almaty');
  });
});
