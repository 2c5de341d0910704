import { describe, expect, it } from 'vitest';
import {
  datesIn,
  factsIn,
  isoFact,
  monthOfWord,
  numbersIn,
  unsupported,
} from '../../utils/packs/evidence';
import { textFragmentUrl } from '../../utils/text-fragment';

describe('dates as sources write them', () => {
  it.each([
    ['Tuesday, 11 April 2023, 16:02', { year: 2023, month: 4, day: 11 }],
    ['On Tuesday, April 11, the Duma adopted', { month: 4, day: 11 }],
    ['Sept. 28, 2022', { year: 2022, month: 9, day: 28 }],
    ['14.04.2023', { year: 2023, month: 4, day: 14 }],
    ['04/14/2023', { year: 2023, month: 4, day: 14 }],
    ['2023-04-14', { year: 2023, month: 4, day: 14 }],
    ['21 сентября 2022 года', { year: 2022, month: 9, day: 21 }],
    ['12 травня 2024 року', { year: 2024, month: 5, day: 12 }],
    ['15. Mai 2022', { year: 2022, month: 5, day: 15 }],
    ['15 de mayo de 2022', { year: 2022, month: 5, day: 15 }],
    ['30 listopada 2023', { year: 2023, month: 11, day: 30 }],
    ['15. toukokuuta 2022', { year: 2022, month: 5, day: 15 }],
    ['в сентябре 2022 года', { year: 2022, month: 9 }],
  ])('%s', (text, date) => {
    expect(datesIn(text).dates).toContainEqual(date);
  });

  it('reads both ends of a span', () => {
    expect(datesIn('from 23 to 27 September 2022').dates).toEqual(
      expect.arrayContaining([
        { year: 2022, month: 9, day: 23 },
        { year: 2022, month: 9, day: 27 },
      ]),
    );
    expect(datesIn('September 23–27, 2022').dates).toContainEqual({
      year: 2022,
      month: 9,
      day: 23,
    });
  });

  it('does not take ordinary words for months', () => {
    expect(datesIn('2 mayors and 3 decades').dates).toEqual([]);
    expect(monthOfWord('mayors')).toBeUndefined();
    expect(monthOfWord('сентябре')).toBe(9);
  });

  it('leaves the digits of a date out of its numbers', () => {
    expect(factsIn('On 21 September 2022, 300,000 reservists').numbers).toEqual([300000]);
  });
});

describe('numbers as sources write them', () => {
  it.each([
    ['98,000', 98000],
    ['98 000 человек', 98000],
    ['about 300 thousand', 300000],
    ['1,2 млн', 1200000],
    ['1.2 million', 1200000],
    ['3.000 Menschen', 3000],
    ['58%', 58],
  ])('%s', (text, value) => {
    expect(numbersIn(text)).toContain(value);
  });
});

describe('the evidence rule', () => {
  const duma = ['Tuesday, 11 April 2023, 16:02', '394 deputies voted “for” the amendments'];

  it('finds a claim’s date and numbers in another format', () => {
    expect(unsupported({ dates: [isoFact('2023-04-11')], numbers: [394] }, duma)).toEqual([]);
    expect(unsupported({ dates: [isoFact('2023-04')], numbers: [] }, duma)).toEqual([]);
  });

  it('names each date and number its evidence does not give', () => {
    expect(unsupported({ dates: [isoFact('2023-04-12')], numbers: [395] }, duma)).toEqual([
      'the date 2023-04-12',
      'the number 395',
    ]);
  });

  it('does not take a date of another year for the claim’s', () => {
    expect(unsupported({ dates: [isoFact('2022-04-11')], numbers: [] }, duma)).toEqual([
      'the date 2022-04-11',
    ]);
  });
});

describe('links to the words of a source', () => {
  it('names a long excerpt by its first and last words', () => {
    expect(
      textFragmentUrl(
        'https://example.org/a',
        'The State Duma adopted in the second and third readings a law on new rules, for conscription',
      ),
    ).toBe(
      'https://example.org/a#:~:text=The%20State%20Duma%20adopted%20in,on%20new%20rules%2C%20for%20conscription',
    );
  });

  it('keeps the page’s own fragment', () => {
    expect(textFragmentUrl('https://example.org/a#top', 'A short one')).toBe(
      'https://example.org/a#top:~:text=A%20short%20one',
    );
  });
});
