import { describe, expect, it } from 'vitest';
import { evidenceProblems } from '../../utils/packs/claims';
import { integrityProblems } from '../../utils/packs/integrity';
import { formatProblem, loadPack } from '../../utils/packs/load';
import { ARTICLE_TEXT, rawPack, realPack } from './helpers';

/** The problems a broken copy of the real pack gets, formatted as the checker prints them. */
function problemsOf(edit: (pack: any) => void): string[] {
  const pack = rawPack();
  edit(pack);
  const result = loadPack(pack);
  if (!result.ok) return result.error.map(formatProblem);
  return integrityProblems(result.input, ARTICLE_TEXT).map(formatProblem);
}

describe('the first pack', () => {
  const { pack } = realPack();

  it('loads with every section filled and every reference resolved', () => {
    expect(pack.places.length).toBeGreaterThanOrEqual(15);
    expect(pack.people.length).toBeGreaterThanOrEqual(10);
    expect(pack.timeline.length).toBeGreaterThanOrEqual(20);
    for (const item of [...pack.places, ...pack.people, ...pack.timeline]) {
      expect(item.sources.length, item.id).toBeGreaterThan(0);
      for (const source of item.sources) expect(source.url).toMatch(/^https:\/\//);
    }
  });

  it('carries the story past its publication to recent years, each claim with its source’s words', () => {
    const published = pack.article.published.date;
    const after = pack.timeline.filter((event) => event.date > published);
    expect(after.length).toBeGreaterThanOrEqual(20);
    expect(after.at(-1)!.date >= '2025').toBe(true);
    expect(pack.reviewed >= after.at(-1)!.date).toBe(true);
    const loaded = loadPack(rawPack());
    expect(loaded.ok && evidenceProblems(loaded.input)).toEqual([]);
    for (const claim of [...pack.timeline, ...pack.figures]) {
      expect(
        claim.evidence.length + ('claims' in claim ? claim.claims.length : 0),
        claim.id,
      ).toBeGreaterThan(0);
    }
    // Where sources disagree, the panel has who says what.
    expect(pack.figures.some((figure) => figure.claims.length >= 2)).toBe(true);
    expect(pack.people.flatMap((person) => person.updates).length).toBeGreaterThan(2);
  });

  it('names no author: the byline is unknown', () => {
    expect(JSON.stringify(rawPack())).not.toMatch(/"(byline|author)"/i);
  });

  it('has a route to each country the exiles went to, each sourced', () => {
    expect(pack.routes.map((route) => route.to).sort()).toEqual([
      'finland',
      'georgia',
      'kazakhstan',
      'mongolia',
    ]);
    for (const route of pack.routes) expect(route.sources.length, route.id).toBeGreaterThan(0);
  });

  it('marks the inferred publication date as inferred', () => {
    expect(pack.article.published).toMatchObject({ date: '2022-10-19', certainty: 'inferred' });
  });
});

/** A place of a raw pack by id, and its index in the real pack. */
const place = (p: any, id: string) => p.places.find((x: any) => x.id === id);
const placeIndex = (id: string) =>
  (rawPack() as any).places.findIndex((x: any) => x.id === id) as number;

/** A timeline event of a raw pack by id, and its index in the real pack. */
const event = (p: any, id: string) => p.timeline.find((x: any) => x.id === id);
const eventIndex = (id: string) =>
  (rawPack() as any).timeline.findIndex((x: any) => x.id === id) as number;

describe('broken packs are refused with the path of each problem', () => {
  it.each([
    [
      'an unknown source',
      (p: any) => (p.places[3].sources[0] = 'rferl-2022-10-04'),
      'places[3].sources[0]: unknown source "rferl-2022-10-04"',
    ],
    ['a missing field', (p: any) => delete p.people[0].role, 'people[0].role'],
    [
      'names for a person the pack does not have',
      (p: any) => (p.recognition.languages.de.names = { 'olaf-scholz': ['Scholz'] }),
      'recognition.languages.de.names.olaf-scholz: unknown person or place "olaf-scholz"',
    ],
    [
      'core names the pack does not have',
      (p: any) => (p.recognition.coreNames = [{ ids: ['crimea', 'sevastopol'], atLeast: 2 }]),
      'recognition.coreNames[0].ids[1]: unknown person or place "sevastopol"',
    ],
    [
      'core names asking for more than they list',
      (p: any) => (p.recognition.coreNames = [{ ids: ['crimea', 'kherson-oblast'], atLeast: 3 }]),
      'recognition.coreNames[0].atLeast: asks for 3 of 2 names',
    ],
    [
      'a language the engine does not know',
      (p: any) => (p.recognition.languages.xx = p.recognition.languages.en),
      'recognition.languages',
    ],
    [
      'no English',
      (p: any) => delete p.recognition.languages.en,
      'recognition.languages: needs English ("en")',
    ],
    [
      'an impossible date',
      (p: any) => (p.timeline[2].date = '2022-02-30'),
      'timeline[2].date: is not a real calendar date',
    ],
    [
      'a latitude out of range',
      (p: any) => (p.places[1].coordinates.lat = 123),
      'places[1].coordinates.lat',
    ],
    [
      'an http source',
      (p: any) => (p.sources[0].url = 'http://example.com/'),
      'sources[0].url: must be an https:// URL',
    ],
    ['events out of order', (p: any) => p.timeline.reverse(), 'out of order'],
    ['a duplicate id', (p: any) => (p.places[1].id = p.places[0].id), 'places[1].id: duplicate id'],
    ['an extra key', (p: any) => (p.places[0].nickname = 'x'), 'places[0].nickname'],
    [
      'a quote not in the article',
      (p: any) => (p.people.find((x: any) => x.quotes.length).quotes[0].text = 'I never said this'),
      'not found verbatim',
    ],
    [
      'a stem too short to mean anything',
      (p: any) => (p.places[0].mentions[0] = 'Каз*'),
      'places[0].mentions[0]: a "*" must end a word of at least 4 letters',
    ],
    [
      'a mirror site as a source',
      (p: any) => (p.sources[0].url = 'https://wikimili.com/en/Almaty'),
      'sources[0].url: "wikimili.com" is not on the list of reputable publishers',
    ],
    [
      'a route to an unknown place',
      (p: any) => (p.routes[2].to = 'atlantis'),
      'routes[2].to: unknown place "atlantis"',
    ],
    [
      'a route through a place that is no border crossing',
      (p: any) => (p.routes[0].via = 'astana'),
      'routes[0].via: "astana" is not a border crossing',
    ],
    [
      'a route through a place and a named crossing at once',
      (p: any) => (p.routes[0].crossing = 'Zhelkuar'),
      'routes[0].crossing: give either via',
    ],
    [
      'a route citing an unknown source',
      (p: any) => (p.routes[1].sources = ['nowhere']),
      'routes[1].sources[0]: unknown source "nowhere"',
    ],
    [
      'a claimed region that is no place',
      (p: any) => (p.map.claimed.regions[1].place = 'donbas'),
      'map.claimed.regions[1].place: unknown place "donbas"',
    ],
    [
      'a map label for an unknown place',
      (p: any) => (p.map.labels.narnia = 'Narnia'),
      'map.labels.narnia: unknown place "narnia"',
    ],
    [
      'a claim whose number is not in its evidence',
      (p: any) =>
        (event(p, 'kazakhstan-98000').title = 'Kazakhstan: about 99,000 Russians arrived'),
      `timeline[${eventIndex('kazakhstan-98000')}]: the number 99,000 is not in its evidence`,
    ],
    [
      'a claim whose date is not in its evidence',
      (p: any) => (p.figures[0].date = '2022-09-22'),
      'figures[0]: the date 2022-09-22 is not in its evidence',
    ],
    [
      'a claim without evidence',
      (p: any) => delete event(p, 'martial-law').evidence,
      `timeline[${eventIndex('martial-law')}]: has no evidence`,
    ],
    [
      'a card update whose date is not in its evidence',
      (p: any) => (p.people.find((x: any) => x.id === 'sergei-shoigu').updates[0].date = '2024-06'),
      'people[1].updates[0]: the date 2024-06 is not in its evidence',
    ],
    [
      'evidence from a source the claim does not cite',
      (p: any) => (event(p, 'martial-law').evidence[0].source = 'nbc-article'),
      `timeline[${eventIndex('martial-law')}].evidence[0].source: "nbc-article" is not one of the claim's sources`,
    ],
    [
      'an excerpt too long to be an excerpt',
      (p: any) => (p.figures[1].evidence[0].excerpt = 'x'.repeat(301)),
      'figures[1].evidence[0].excerpt: must be a short excerpt',
    ],
    [
      'a card stating a date its evidence does not give',
      (p: any) => (place(p, 'finland').events = []),
      `places[${placeIndex('finland')}]: has no evidence`,
    ],
    [
      'a card citing an event the pack does not have',
      (p: any) => (place(p, 'finland').events = ['moon-landing']),
      `places[${placeIndex('finland')}].events[0]: unknown event "moon-landing"`,
    ],
    [
      'words of the article that the article does not have',
      (p: any) =>
        (p.notes[0].evidence.find((e: any) => e.source === 'nbc-article').excerpt =
          'about 500 km south of Chelyabinsk'),
      'not found verbatim in article.txt',
    ],
    [
      'one page as two sources',
      (p: any) => (p.sources[2].url = p.sources[1].url),
      'sources[2].url: the same page as sources[1]',
    ],
    [
      'a source with no date',
      (p: any) => delete p.sources[1].accessed,
      'sources[1]: needs its publication date',
    ],
    [
      'a map extent inside out',
      (p: any) => (p.map.extent.west = 120),
      'map.extent: west must be less than east',
    ],
  ])('%s', (_name, edit, expected) => {
    const problems = problemsOf(edit);
    expect(problems.join('\n')).toContain(expected);
  });

  it('skips a pack of an unknown schema version instead of failing on it', () => {
    const result = loadPack({ ...rawPack(), schemaVersion: 99 });
    expect(result).toMatchObject({ ok: false, skipped: 'unknown-schema-version' });
  });
});
