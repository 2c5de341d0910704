import { describe, expect, it } from 'vitest';
import { findMentions, mentionEntities, type MentionEntity } from '../../utils/page/find-mentions';
import { foldedWords, foldPieces } from '../../utils/page/folded-text';
import { rangeOf, readPageText } from '../../utils/page/page-text';
import { articleRoot, isNotArticle } from '../../utils/page/read-page';
import { ARTICLE_URL, fixturePage, realPack } from './helpers';
import { loadDocument } from './page';

const entity = (id: string, forms: string[]): MentionEntity => ({
  kind: 'place',
  id,
  name: id,
  summary: '',
  forms,
});
const ENTITIES = [
  entity('kazakhstan', ['Kazakhstan', 'Казахстан*']),
  entity('donetsk', ['Donetsk Oblast', 'Donetsk']),
  entity('rakhimov', ['Nikita Rakhimov', 'Rakhimov', 'Никит* Рахимов*']),
  entity('putin', ['Putin', 'Путин*']),
];

function mentionsIn(text: string): string[] {
  const folded = foldPieces([{ text, breakBefore: false }]);
  return findMentions(foldedWords(folded), ENTITIES).map(
    (m) => `${m.entity.id}:${folded.text.slice(m.from, m.to)}`,
  );
}

describe('findMentions', () => {
  it.each([
    ['a name', 'Flights to Kazakhstan resumed', ['kazakhstan:kazakhstan']],
    ['a possessive', 'Putin’s order', ['putin:putin']],
    [
      'a stem with an ending',
      'уехали в Казахстане и Казахстан',
      ['kazakhstan:казахстане', 'kazakhstan:казахстан'],
    ],
    ['a two-word stem form', 'сказал Никита Рахимову', ['rakhimov:никита рахимову']],
    [
      'the longer form first',
      'in Donetsk Oblast and Donetsk',
      ['donetsk:donetsk oblast', 'donetsk:donetsk'],
    ],
    ['a form split by a soft hyphen', 'Kazak\u00ADhstan', ['kazakhstan:kazakhstan']],
    ['no part of a longer word', 'Kazakhstani Putinism', []],
    ['no stem shorter than its form', 'Каза', []],
  ])('finds %s', (_name, text, expected) => {
    expect(mentionsIn(text)).toEqual(expected);
  });

  it('marks the pack’s people and places in the NBC article’s main text', () => {
    const doc = loadDocument(fixturePage('nbc-article.html'), ARTICLE_URL);
    const page = readPageText(articleRoot(doc)!, { exclude: isNotArticle });
    const mentions = findMentions(page.words, mentionEntities(realPack().pack));
    const named = new Set(mentions.map((m) => m.entity.id));
    for (const id of ['almaty', 'kazakhstan', 'vladimir-putin', 'nikita-rakhimov', 'mongolia']) {
      expect(named, id).toContain(id);
    }
    const almaty = mentions.find((m) => m.entity.id === 'almaty')!;
    expect(rangeOf(page, almaty.from, almaty.to).toString()).toBe('Almaty');
    // Nothing from the navigation or the "most popular" box.
    expect(
      mentions.every(
        (m) => !rangeOf(page, m.from, m.to).startContainer.parentElement?.closest('nav'),
      ),
    ).toBe(true);
  });
});
