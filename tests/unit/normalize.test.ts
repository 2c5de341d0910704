import { describe, expect, it } from 'vitest';
import {
  isValidTerm,
  phraseKey,
  termKey,
  tokenize,
  wordString,
} from '../../utils/recognition/normalize';
import { PageWords } from '../../utils/recognition/page-words';

describe('tokenize', () => {
  it.each([
    ['curly and straight apostrophes fold alike', 'Putin’s order', "Putin's order"],
    ['soft hyphens vanish', 'Kazakh\u00adstan', 'Kazakhstan'],
    ['zero-width characters vanish', 'Pu\u200btin and\u2060 Almaty\ufeff', 'Putin and Almaty'],
    ['no-break spaces separate words', 'Nikita\u00a0Rakhimov', 'Nikita Rakhimov'],
    ['case folds', 'MOBILIZATION', 'mobilization'],
    ['full-width forms fold (NFKC)', 'ＫＡＺＡＫＨ', 'kazakh'],
    [
      'punctuation and quotes separate words',
      '“traitors for Russia,” he said…',
      'traitors for Russia he said',
    ],
  ])('%s', (_name, a, b) => {
    expect(tokenize(a)).toEqual(tokenize(b));
  });

  it('keeps words of any script', () => {
    expect(tokenize('Мобилизация в России: Казахстан')).toEqual([
      'мобилизация',
      'в',
      'россии',
      'казахстан',
    ]);
  });
});

describe('phrases', () => {
  it('finds a phrase only on word boundaries', () => {
    const text = wordString(tokenize('The Muscovite said: “I love Russia.”'));
    expect(text.includes(` ${phraseKey('I love Russia')} `)).toBe(true);
    expect(text.includes(` ${phraseKey('love Russ')} `)).toBe(false);
  });
});

describe('stems', () => {
  const page = new PageWords(
    tokenize('Мобилизацию объявили в Казахстане? Нет, в России; Путина поддержали'),
  );

  it.each([
    ['казахстан*', true],
    ['мобилизаци*', true],
    ['путин*', true],
    ['казахстан', false],
    ['россии', true],
    ['росси', false],
    ['объявил* в казахстан*', true],
    ['объявил* в россии', false],
    ['в россии', true],
    ['россии в', false],
  ])('%s found: %s', (term, found) => {
    expect(page.has(termKey(term))).toBe(found);
  });

  it('keeps the stem marker through folding', () => {
    expect(termKey('Левада-Центр*')).toBe('левада центр*');
    expect(termKey('Никита Рахимов*')).toBe('никита рахимов*');
  });

  it.each([
    ['Казахстан*', true],
    ['частичн* мобилизаци*', true],
    ['Kazakhstan', true],
    ['абв*', false],
    ['* мобилизация', false],
    ['моби*лизация', false],
  ])('%s is a valid term: %s', (term, valid) => {
    expect(isValidTerm(term)).toBe(valid);
  });
});
