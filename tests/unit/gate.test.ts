import { describe, expect, it } from 'vitest';
import { compileGate, keyWord } from '../../utils/recognition/compile-gate';
import type { CompiledPack } from '../../utils/recognition/compiled';
import { passesGate, SCRIPT_SAMPLE } from '../../utils/recognition/gate';
import { THRESHOLDS } from '../../utils/recognition/recognize';
import { realPack } from './helpers';

const { index } = realPack();
const passes = (text: string) => passesGate(text, index.gate, THRESHOLDS.relatedNames);

describe('the name gate with the real pack', () => {
  it.each([
    ['two names', 'Putin spoke; in Almaty, lines grew.'],
    ['a phrase form by one of its words', 'Marat Akhmetzhanov met Dmitry.'],
    ['possessives', 'Putin’s order reached Almaty’s airport.'],
    ['stems with endings', 'Очереди в Казахстане и в Москве.'],
    ['Ukrainian only', 'Путін оголосив мобілізацію; чоловіки тікають з України.'],
    ['blocks run together by textContent', 'Fled to Kazakhstan.Putin announced'],
    ['a name glued to the end of the block before', 'They fled to KazakhstanPutin said'],
    ['names at the very start and end', 'Moscow…Georgia'],
    ['decomposed accents', 'Choi\u0308gou a rencontré Tokai\u0308ev.'],
    ['a zero-width space inside a name', 'Kazakh\u200bstan and Alma\u200cty'],
    ['soft hyphens, even early in a name', 'Ka\u00adzakh\u00adstan and Pu\u00adtin'],
    ['no-break spaces and curly quotes', 'Nikita\u00a0Rakhimov left “Almaty”.'],
    ['emoji between the names', 'Moscow 😀 and Almaty 🎉'],
  ])('lets through %s', (_name, text) => {
    expect(passes(text)).toBe(true);
  });

  it.each([
    ['no names', 'The library reopens on Monday after repairs.'],
    ['one name, many times', 'Moscow said. Moscow denied. Moscow, again.'],
    ['names inside other words', 'Putinism spread among Almatyans.'],
    ['a name running on in lower case', 'Putins and Georgias'],
    ['a stem inside a word', 'сверхказахстан и неукраинский'],
    ['an empty page', ''],
    ['one name and a no-break space', 'Nikita\u00a0Rakhimov said “no”.'],
    ['one name and emoji', 'Moscow 😀 and nothing else 🎉'],
  ])('stops %s', (_name, text) => {
    expect(passes(text)).toBe(false);
  });

  it.each([
    ['in lower case', 'putin and kazakhstan'],
    ['all in capitals', 'PUTIN AND KAZAKHSTAN'],
    ['in full-width letters', 'ＰＵＴＩＮ ＡＮＤ ＫＡＺＡＫＨＳＴＡＮ'],
  ])('looks for names as prose writes them, so stops names written %s', (_name, text) => {
    expect(passes(text)).toBe(false);
  });

  it('reads a page in another script case-blind, from its title or its opening text', () => {
    const gate = (text: string, title?: string) =>
      passesGate(text, index.gate, THRESHOLDS.relatedNames, title);
    expect(gate('putin and kazakhstan', 'Новости')).toBe(true);
    expect(gate('Новости дня: putin and kazakhstan')).toBe(true);
    const late = `${'Lorem ipsum dolor sit amet. '.repeat(SCRIPT_SAMPLE / 20)}Путин и Казахстан`;
    expect(gate(late, 'Новости')).toBe(true);
    // A page in Latin letters names its people in Latin letters: the rest is not searched.
    expect(gate(late, 'News of the day')).toBe(false);
  });
});

const pack = (id: string, names: string[][]): CompiledPack => ({
  id,
  addresses: [],
  shingles: [],
  quotes: [],
  names,
  topicTerms: [],
  coreTerms: [],
});

describe('compileGate', () => {
  const gate = compileGate([
    pack('a', [['vladimir putin', 'putin'], ['almaty']]),
    pack('b', [['ulaanbaatar'], ['sükhbaatar*']]),
  ]);

  it('keeps one key per form, once each', () => {
    expect(gate.keys).toEqual(['almaty', 'putin', 'sükhbaatar*', 'ulaanbaatar']);
  });

  it('needs two names of the same pack', () => {
    expect(passesGate('Putin in Ulaanbaatar', gate, 2)).toBe(false);
    expect(passesGate('Putin in Almaty', gate, 2)).toBe(true);
    expect(passesGate('Ulaanbaatar, Sükhbaatariin talbai', gate, 2)).toBe(true);
  });

  it('stops every page when no pack has names', () => {
    expect(passesGate('Putin in Almaty', compileGate([pack('c', [])]), 2)).toBe(false);
  });
});

describe('keyWord', () => {
  it.each([
    ['putin', ['putin'], 'putin'],
    ['vladimir putin', ['vladimir putin', 'putin'], 'putin'],
    ['mariinsky border crossing', ['mariinsky border crossing'], 'mariinsky'],
    ['никит* рахимов*', ['никит* рахимов*'], 'рахимов*'],
  ])('%s → its most telling word', (form, forms, expected) => {
    expect(keyWord(form, forms)).toBe(expected);
  });
});
