import { describe, expect, it } from 'vitest';
import { recognize, THRESHOLDS } from '../../utils/recognition/recognize';
import { realPack } from './helpers';

const { index } = realPack();
const judge = (text: string) =>
  recognize({ address: 'https://news.example/world/1', canonical: null, text, lang: 'en' }, index);

describe('related coverage of one of the story’s events', () => {
  it('counts three of the four claimed regions, named together, as the story’s core', () => {
    // No core term: the report says neither "annexation treaties" nor "four regions".
    const text =
      'Vladimir Putin signed treaties to annex Donetsk, Luhansk, Kherson and Zaporizhzhia ' +
      'after the referendums, and said the regions would stay Russian.';
    expect(judge(text)).toMatchObject({ kind: 'related', evidence: { kind: 'topic', names: 5 } });
  });

  it('does not count two of the regions as the core', () => {
    const text =
      'Vladimir Putin signed treaties to annex Donetsk and Kherson after the referendums, ' +
      'and said the regions would stay Russian.';
    expect(judge(text)).toBeNull();
  });

  it(`needs only ${THRESHOLDS.relatedTermsNamed} subject terms from a page naming ${THRESHOLDS.relatedManyNames} of its people and places`, () => {
    const named =
      'In Moscow, Vladimir Putin declared martial law in Kherson and Zaporizhzhia, annexed from Ukraine.';
    const verdict = judge(named);
    expect(verdict).toMatchObject({ kind: 'related', evidence: { names: 5 } });
    // "martial law", "annexed" and "annex*": fewer than a page naming fewer people needs.
    expect(verdict?.evidence).toHaveProperty('terms', THRESHOLDS.relatedTerms - 1);
    // One name fewer, and the same terms are not enough.
    const fewer =
      'In Moscow, Vladimir Putin declared martial law in Kherson and Zaporizhzhia, annexed last month.';
    expect(judge(fewer)).toBeNull();
  });
});
