import { describe, expect, it } from 'vitest';
import { containment, sampledShingles } from '../../utils/recognition/fingerprint';
import { tokenize } from '../../utils/recognition/normalize';
import { ARTICLE_TEXT } from './helpers';

const reference = [...sampledShingles(tokenize(ARTICLE_TEXT))];

describe('containment', () => {
  it('is 1 for the whole article and about a third for its first third', () => {
    expect(containment(reference, sampledShingles(tokenize(ARTICLE_TEXT)))).toBe(1);
    const third = ARTICLE_TEXT.slice(0, Math.round(ARTICLE_TEXT.length / 3));
    const share = containment(reference, sampledShingles(tokenize(third)));
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.45);
  });

  it('is near 0 for other text on the same subject', () => {
    const other =
      'Thousands of Russian men crossed into Kazakhstan and Georgia after Vladimir Putin announced a partial mobilization, officials said, as queues grew at the border.';
    expect(containment(reference, sampledShingles(tokenize(other)))).toBeLessThan(0.02);
  });

  it('samples about a quarter of the shingles', () => {
    const words = tokenize(ARTICLE_TEXT).length;
    expect(reference.length).toBeGreaterThan(words / 8);
    expect(reference.length).toBeLessThan(words / 2);
  });
});
