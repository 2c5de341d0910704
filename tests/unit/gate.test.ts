import { describe, expect, it } from 'vitest';
import {
  compileGate,
  encodeRanges,
  keyWord,
  unsafeRanges,
} from '../../utils/recognition/compile-gate';
import type { CompiledPack } from '../../utils/recognition/compiled';
import { decodeRanges, gateFold, passesGate } from '../../utils/recognition/gate';
import { foldText } from '../../utils/recognition/normalize';
import { THRESHOLDS } from '../../utils/recognition/recognize';
import { realPack } from './helpers';

const { index } = realPack();
const passes = (text: string) => passesGate(text, index.gate, THRESHOLDS.relatedNames);

describe('the name gate with the real pack', () => {
  it.each([
    ['two names', 'Putin spoke; in Almaty, lines grew.'],
    ['capitals', 'PUTIN AND KAZAKHSTAN'],
    ['lower case', 'putin and kazakhstan'],
    ['a phrase form by one of its words', 'Marat Akhmetzhanov met Dmitry.'],
    ['possessives', 'Putin’s order reached Almaty’s airport.'],
    ['stems with endings', 'Очереди в Казахстане и в Москве.'],
    ['Ukrainian only', 'Путін оголосив мобілізацію; чоловіки тікають з України.'],
    ['blocks run together by textContent', 'Fled to Kazakhstan.Putin announced'],
    ['names at the very start and end', 'Moscow…Georgia'],
  ])('lets through %s', (_name, text) => {
    expect(passes(text)).toBe(true);
  });

  it.each([
    ['no names', 'The library reopens on Monday after repairs.'],
    ['one name, many times', 'Moscow said. Moscow denied. Moscow, again.'],
    ['names inside other words', 'Putinism spread among Almatyans.'],
    ['a name running on in lower case', 'putins and georgias'],
    ['a stem inside a word', 'сверхказахстан и неукраинский'],
    ['an empty page', ''],
  ])('stops %s', (_name, text) => {
    expect(passes(text)).toBe(false);
  });

  it.each([
    ['a soft hyphen', 'Only Ka\u00adzakhstan here.'],
    ['a zero-width space', 'Only Ka\u200bzakhstan here.'],
    ['a combining accent', 'Choi\u0308gou'],
    ['full-width letters', 'ＫＡＺＡＫＨＳＴＡＮ'],
    ['a ligature', 'ﬁnland'],
  ])('lets through text with %s, which only the full check can read', (_name, text) => {
    expect(passes(text)).toBe(true);
  });

  it('lets no-break spaces and curly quotes be read by the gate', () => {
    expect(passes('Nikita\u00a0Rakhimov said “no”.')).toBe(false);
    expect(passes('Nikita\u00a0Rakhimov left “Almaty”.')).toBe(true);
  });

  it('reads past emoji, whose surrogates share blocks with unsafe characters', () => {
    expect(passes('Moscow 😀 and nothing else 🎉')).toBe(false);
    expect(passes('Moscow 😀 and Almaty 🎉')).toBe(true);
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

describe('unsafeRanges', () => {
  const unsafe = new RegExp(
    `[${decodeRanges(unsafeRanges('abcdefghijklmnopqrstuvwxyzé'))
      .map(([from, to]) => `\\u{${from.toString(16)}}-\\u{${to.toString(16)}}`)
      .join('')}]`,
    'u',
  );

  it('encodes ranges compactly and reads them back', () => {
    const ranges: [number, number][] = [
      [0xad, 0xad],
      [0x300, 0x36f],
      [0x1d400, 0x1d7ff],
    ];
    expect(encodeRanges(ranges)).toBe('4t,gj+33,2jrl+sf');
    expect(decodeRanges(encodeRanges(ranges))).toEqual(ranges);
  });

  it.each([
    ['soft hyphen', '\u00ad'],
    ['zero-width space', '\u200b'],
    ['acute accent (e + ◌́ is é)', '\u0301'],
    ['full-width A', 'Ａ'],
    ['ligature fi', 'ﬁ'],
    ['mathematical bold a', '𝐚'],
    ['Kelvin sign', '\u212a'],
    ['dotted capital I', 'İ'],
  ])('marks %s', (_name, char) => {
    expect(unsafe.test(char)).toBe(true);
  });

  it.each([
    ['no-break space', '\u00a0'],
    ['curly apostrophe', '’'],
    ['ellipsis', '…'],
    ['Cyrillic letters', 'Ж'],
    ['plain letters', 'A'],
  ])('leaves %s alone', (_name, char) => {
    expect(unsafe.test(char)).toBe(false);
  });

  it('leaves no character the engine folds into a key letter that the gate would miss', () => {
    const letters = new Set('abcdefghijklmnopqrstuvwxyzé');
    const missed: string[] = [];
    for (let point = 0; point <= 0x10ffff; point++) {
      if (point >= 0xd800 && point <= 0xdfff) continue;
      const char = String.fromCodePoint(point);
      const folded = foldText(char);
      if (!letters.has(folded) || unsafe.test(char)) continue;
      const found = new RegExp(folded, 'i').test(char) && gateFold(char) === folded;
      if (!found) missed.push(point.toString(16));
    }
    expect(missed).toEqual([]);
  });
});
