import { describe, expect, it } from 'vitest';
import { tokenize } from '../../utils/recognition/normalize';
import {
  alignSequence,
  anchorsOf,
  isTranslation,
  SEQUENCE,
} from '../../utils/recognition/sequence';
import { evidenceText } from '../../utils/strings';
import { realPack } from './helpers';

const { index } = realPack();
const pack = index.packs[0]!;
const article = pack.anchors;

describe('the article’s names and numbers, in order', () => {
  it('reads numbers however they are grouped, and each name once at a time', () => {
    const names = [
      ['putin', 'vladimir putin'],
      ['kazakhstan', 'казахстан*'],
    ];
    const anchors = anchorsOf(
      tokenize('Vladimir Putin: 100,000 fled to Kazakhstan, 100.000 в Казахстане; 1 400 km, 2022'),
      names,
    );
    expect(anchors).toEqual(['@0', '#100000', '@1', '#100000', '@1', '#1400', '#2022']);
  });

  it('holds enough of the article to tell a translation', () => {
    expect(article.length).toBeGreaterThan(SEQUENCE.matched * 2);
    expect(article.some((anchor) => anchor.startsWith('#'))).toBe(true);
  });

  it('finds a translation that drops and adds a little', () => {
    // Every fifth anchor dropped, an unknown one added after every seventh.
    const page = article
      .filter((_, i) => i % 5 !== 4)
      .flatMap((anchor, i) => (i % 7 === 6 ? [anchor, '#99999'] : [anchor]));
    expect(isTranslation(alignSequence(article, page))).toBe(true);
  });

  it('does not take the same names and numbers in another order for a translation', () => {
    expect(isTranslation(alignSequence(article, [...article].reverse()))).toBe(false);
    // Sorted: every name's mentions together, as a report listing them would not even do.
    expect(isTranslation(alignSequence(article, [...article].sort()))).toBe(false);
  });

  it('counts the run and the stretch of the article it covers', () => {
    const run = alignSequence(article, article.slice(10, 30));
    expect(run).toEqual({ matched: 20, span: 20 });
  });

  it('says what was found and in which language', () => {
    expect(evidenceText({ kind: 'sequence', matched: 15, span: 18, lang: 'ru' })).toBe(
      'A Russian translation: 15 of the article’s 18 names and figures appear in its order.',
    );
    expect(evidenceText({ kind: 'sequence', matched: 15, span: 18, lang: 'en' })).toMatch(
      /^A rewrite: 15 of/,
    );
  });
});
