import { describe, expect, it } from 'vitest';
import { arrangeTimeline } from '../../utils/timeline';
import { realPack } from './helpers';

describe('arrangeTimeline', () => {
  const { pack } = realPack();
  const { before, after } = arrangeTimeline(pack);
  const dates = (months: typeof before) =>
    months.flatMap((m) => m.entries.map((e) => e.event.date));

  it('splits at the publication date: martial law before, the Kherson withdrawal after', () => {
    const published = pack.article.published.date;
    expect(dates(before).every((date) => date <= published)).toBe(true);
    expect(dates(after).every((date) => date > published)).toBe(true);
    expect(before.flatMap((m) => m.entries).some((e) => e.event.id === 'martial-law')).toBe(true);
    expect(after.map((m) => m.label)).toContain('November 2022');
  });

  it('keeps each month once per part, in date order', () => {
    for (const part of [before, after]) {
      const keys = part.map((month) => month.key);
      expect(keys).toEqual([...new Set(keys)].sort());
    }
  });

  it("ties the article's time phrases to their events", () => {
    const phrases = [...before, ...after].flatMap((m) =>
      m.entries.flatMap((e) => e.phrases.map((p) => p.phrase)),
    );
    expect(phrases).toContain('last month');
    expect(phrases).toContain('Sept. 28');
  });
});
