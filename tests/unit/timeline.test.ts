import { describe, expect, it } from 'vitest';
import {
  arrangeTimeline,
  articlePhrases,
  countEvents,
  filterTimeline,
  firstEvents,
  matchesFilter,
  revealEvents,
  tagCounts,
  toggleTag,
  type TagFilter,
  type TimelineTag,
} from '../../utils/timeline';
import { realPack } from './helpers';

const { pack } = realPack();

describe('arrangeTimeline', () => {
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

  it("ties the article's time phrases to their events, each phrase with its own id", () => {
    const decree = before
      .flatMap((m) => m.entries)
      .find((entry) => entry.event.id === 'mobilization-decree');
    expect(decree?.phrases.map((p) => p.phrase)).toEqual(['in the week since', 'last month']);
    const ids = articlePhrases(pack).map((p) => p.id);
    expect(new Set(ids).size).toBe(pack.timePhrases.length);
  });
});

describe('firstEvents (the timeline drawn a few events at a time)', () => {
  const parts = arrangeTimeline(pack);
  const ids = (p: typeof parts) =>
    [...p.before, ...p.after].flatMap((m) => m.entries.map((e) => e.event.id));
  const all = ids(parts);

  it.each([0, 1, 5, 8, 16, all.length - 1, all.length, all.length + 10, Infinity])(
    'the first %s events, in order, still by month',
    (count) => {
      const first = firstEvents(parts, count);
      expect(ids(first)).toEqual(all.slice(0, count));
      for (const month of [...first.before, ...first.after]) {
        expect(month.entries.length).toBeGreaterThan(0);
      }
    },
  );

  it('fills the part before the publication before the part after', () => {
    const before = countEvents(parts.before);
    expect(firstEvents(parts, before).after).toEqual([]);
    expect(countEvents(firstEvents(parts, before + 1).after)).toBe(1);
  });
});

const event = (...tags: TimelineTag[]) => ({ tags });

describe('matchesFilter', () => {
  it.each<[string, TimelineTag[], TagFilter, boolean]>([
    ['no tag picked shows everything', ['war'], [], true],
    ['a picked tag shows its events', ['war'], ['war'], true],
    ['another tag hides it', ['war'], ['exodus'], false],
    ['any picked tag is enough', ['annexation', 'war'], ['war'], true],
    ['several picked tags: union', ['exodus'], ['war', 'exodus'], true],
    ['several picked tags, none of its own', ['mobilization'], ['war', 'exodus'], false],
  ])('%s', (_name, tags, filter, expected) => {
    expect(matchesFilter(event(...tags), filter)).toBe(expected);
  });
});

describe('toggleTag', () => {
  it.each<[TagFilter, TimelineTag, TagFilter]>([
    [[], 'war', ['war']],
    [['war'], 'war', []],
    [['war'], 'mobilization', ['mobilization', 'war']],
    [['exodus', 'war'], 'exodus', ['war']],
  ])('%j toggling %s gives %j', (filter, tag, expected) => {
    expect(toggleTag(filter, tag)).toEqual(expected);
  });
});

describe('filterTimeline on the real pack', () => {
  const parts = arrangeTimeline(pack);
  const total = pack.timeline.length;
  /** Events carrying any of `tags`, counted straight from the pack. */
  const tagged = (tags: TimelineTag[]) =>
    pack.timeline.filter((event) => event.tags.some((tag) => tags.includes(tag))).length;
  it.each<TagFilter>([
    [],
    ['mobilization'],
    ['annexation'],
    ['exodus'],
    ['war'],
    // Martial law is both annexation and war: counted once.
    ['annexation', 'war'],
    ['mobilization', 'annexation', 'exodus', 'war'],
  ])('%j shows the events with those tags', (...filter) => {
    const shown = filter.length === 0 ? total : tagged(filter);
    const result = filterTimeline(parts, filter);
    expect(result).toMatchObject({ shown, total });
    const events = [...result.before, ...result.after].flatMap((m) => m.entries);
    expect(events).toHaveLength(shown);
    expect(events.every((entry) => matchesFilter(entry.event, filter))).toBe(true);
  });

  it('a filter leaves out some events but not all', () => {
    expect(tagged(['mobilization'])).toBeGreaterThan(4);
    expect(tagged(['mobilization'])).toBeLessThan(total);
    expect(tagged(['annexation', 'war'])).toBeLessThan(tagged(['annexation']) + tagged(['war']));
  });

  it('drops months left empty and keeps the split', () => {
    const { before, after } = filterTimeline(parts, ['exodus']);
    expect([...before, ...after].every((month) => month.entries.length > 0)).toBe(true);
    expect(before.map((m) => m.label)).toEqual(['September 2022', 'October 2022']);
    const exodusMonths = new Set(
      pack.timeline
        .filter(
          (event) => event.tags.includes('exodus') && event.date > pack.article.published.date,
        )
        .map((event) => event.date.slice(0, 7)),
    );
    expect(after.map((m) => m.key)).toEqual([...exodusMonths].sort());
  });
});

describe('tagCounts', () => {
  it('counts events per tag, in filter order, leaving out tags nothing has', () => {
    const count = (tag: TimelineTag) =>
      pack.timeline.filter((event) => event.tags.includes(tag)).length;
    expect([...tagCounts(pack.timeline)]).toEqual(
      (['mobilization', 'annexation', 'exodus', 'war'] as const).map((tag) => [tag, count(tag)]),
    );
    expect([...tagCounts([event('war'), event('war', 'exodus')])]).toEqual([
      ['exodus', 1],
      ['war', 2],
    ]);
  });
});

describe('revealEvents', () => {
  it.each<[string, TagFilter, TimelineTag[][], TagFilter]>([
    ['keeps a filter that shows every event', ['war'], [['war'], ['war', 'exodus']], ['war']],
    ['clears a filter that hides one of them', ['war'], [['war'], ['exodus']], []],
    ['keeps no filter as it is', [], [['mobilization']], []],
  ])('%s', (_name, filter, tags, expected) => {
    expect(
      revealEvents(
        filter,
        tags.map((t) => event(...t)),
      ),
    ).toEqual(expected);
  });
});
