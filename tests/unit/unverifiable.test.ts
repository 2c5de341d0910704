/**
 * Nothing the research could not verify (`shared/research/facts.md`, §6 "Could NOT verify") is
 * stated as fact in the first pack. Each row below is one item of that list, checked against the
 * raw pack data the panel shows.
 */
import { describe, expect, it } from 'vitest';
import { rawPack } from './helpers';

type Raw = Record<string, any>;

/** Every string in the pack with its path, for checks that must hold wherever a text appears. */
function texts(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, i) => texts(item, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      texts(item, path ? `${path}.${key}` : key),
    );
  }
  return [];
}

const HEDGE = /not known|unclear|unverified|could not|is not confirmed|was not confirmed/i;
const byId = (items: Raw[], id: string) => items.find((item) => item.id === id) ?? {};

describe('facts.md §6: what could not be verified is never stated as fact', () => {
  const pack = rawPack() as Raw;
  const all = texts(pack);

  it('names no author and gives the publication date as inferred, without a time', () => {
    expect(JSON.stringify(pack)).not.toMatch(/"(byline|author|authors|section)"/i);
    expect(pack.article.published.certainty).toBe('inferred');
    expect(pack.article.published.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const bylines = all.filter(([, text]) => /\b(written|reported) by [A-Z]/.test(text));
    expect(bylines).toEqual([]);
  });

  it('never says where the photo was taken without saying it is not known', () => {
    const claims = all.filter(
      ([, text]) => /photo[^.]*(taken|shot) (in|at|near)\b/i.test(text) && !HEDGE.test(text),
    );
    expect(claims).toEqual([]);
    expect(byId(pack.places, 'mariinsky-crossing').coordinates.approximate).toBe(true);
  });

  it.each(['nikita-rakhimov', 'denis-spiridonov'])(
    'says nothing of %s beyond the article and its credit',
    (id) => {
      const person = byId(pack.people, id);
      expect(person.sources).toEqual(['nbc-article']);
      expect(person.unknown).toMatch(/\w/);
    },
  );

  it('does not name the Levada staff member the article quotes', () => {
    const levada = byId(pack.people, 'levada-center');
    expect(levada.kind).toBe('organization');
    expect(levada.unknown).toMatch(/does not name|not known/);
    const staff = pack.people.filter(
      (person: Raw) => person.id !== 'levada-center' && /levada/i.test(JSON.stringify(person)),
    );
    expect(staff).toEqual([]);
  });

  it('gives no 2021-census population for Moscow or Chelyabinsk, and Donetsk Oblast only approximately', () => {
    for (const id of ['moscow', 'chelyabinsk']) {
      expect(JSON.stringify(byId(pack.places, id))).not.toMatch(/2021[^"]*census|census[^"]*2021/i);
    }
    expect(byId(pack.places, 'donetsk-oblast').coordinates.approximate).toBe(true);
  });

  it('presents no count of emigrants as official or confirmed', () => {
    const departures = pack.figures.filter((figure: Raw) =>
      /depart|left|emigra|entering|arriv|exodus/i.test(`${figure.label} ${figure.measures}`),
    );
    expect(departures.length).toBeGreaterThan(3);
    for (const figure of departures) expect(figure.certainty).not.toBe('confirmed');
    const official = all.filter(
      ([, text]) =>
        /official (russian )?(count|tally|figure) of (emigrants|departures)/i.test(text) &&
        !HEDGE.test(text),
    );
    expect(official).toEqual([]);
  });
});
