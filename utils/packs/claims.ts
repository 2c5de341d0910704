/**
 * The claims of a pack that must carry evidence: every timeline event, figure (and each source's
 * value of a figure sources disagree on), place's key figure and card update, and every card,
 * glossary term and note that states a date or a number. Each is checked by
 * the evidence rule: what it states (its dates and the dates and numbers of its words) must be
 * found in the source's words it quotes.
 */
import { factsIn, isoFact, unsupported, type DateFact } from './evidence';
import type { PackProblem } from './load';
import type { Evidence, PackInput } from './schema';

/** One claim, with where it is in the pack. */
export interface Claim {
  path: string;
  sources: string[];
  evidence?: Evidence[] | undefined;
  /** The claim's date fields (ISO days or months). */
  dates: (string | undefined)[];
  /** The claim's words, whose dates and numbers count too. */
  text: string[];
  /** Evidence quoted elsewhere that also supports it (a figure's range by its claims' words). */
  alsoSupportedBy?: Evidence[];
  /** Timeline events whose evidence supports it too. */
  events?: string[] | undefined;
  /** A card's or term's text: it needs evidence only where it states a date or a number. */
  onlyIfStated?: boolean;
}

/** Every claim of `pack` that must carry evidence, in pack order. */
export function claimsOf(pack: PackInput): { path: string; claim: Claim }[] {
  const claims: Claim[] = [];
  pack.timeline.forEach((event, i) =>
    claims.push({
      path: `timeline[${i}]`,
      sources: event.sources,
      evidence: event.evidence,
      dates: [event.date, event.endDate],
      text: [event.title, event.detail ?? ''],
    }),
  );
  pack.figures.forEach((figure, i) => {
    const claimed = figure.claims ?? [];
    claims.push({
      path: `figures[${i}]`,
      sources: figure.sources,
      evidence: figure.evidence,
      dates: [figure.date],
      text: [figure.value, figure.measures],
      alsoSupportedBy: claimed.flatMap((claim) => claim.evidence ?? []),
    });
    claimed.forEach((claim, j) =>
      claims.push({
        path: `figures[${i}].claims[${j}]`,
        sources: claim.sources,
        evidence: claim.evidence,
        dates: [claim.date],
        text: [claim.value],
      }),
    );
  });
  const withUpdates = [
    ['places', pack.places],
    ['people', pack.people],
  ] as const;
  for (const [list, items] of withUpdates) {
    items.forEach((item, i) => {
      if ('keyFigure' in item && item.keyFigure) {
        const figure = item.keyFigure;
        claims.push({
          path: `${list}[${i}].keyFigure`,
          sources: figure.sources,
          evidence: figure.evidence,
          dates: [figure.date],
          text: [figure.text],
        });
      }
      item.updates.forEach((update, j) =>
        claims.push({
          path: `${list}[${i}].updates[${j}]`,
          sources: update.sources,
          evidence: update.evidence,
          dates: [update.date],
          text: [update.text],
        }),
      );
    });
  }
  const text = (
    path: string,
    item: { sources: string[]; evidence?: Evidence[] | undefined; events?: string[] | undefined },
    words: string[],
  ) =>
    claims.push({
      path,
      sources: item.sources,
      evidence: item.evidence,
      events: item.events,
      dates: [],
      text: words,
      onlyIfStated: true,
    });
  pack.places.forEach((place, i) => text(`places[${i}]`, place, [place.summary, place.relevance]));
  pack.people.forEach((person, i) => text(`people[${i}]`, person, [person.role, person.part]));
  pack.glossary.forEach((term, i) => text(`glossary[${i}]`, term, [term.definition]));
  pack.notes.forEach((note, i) => text(`notes[${i}]`, note, [note.text]));
  return claims.map((claim) => ({ path: claim.path, claim }));
}

/**
 * The words that support an item: its own evidence, then that of the timeline events it cites
 * for the same dates (`events`). The checker and the panel both use this one rule.
 */
export function supportingEvidence(
  item: { evidence?: Evidence[] | undefined; events?: string[] | undefined },
  timeline: PackInput['timeline'],
): Evidence[] {
  const cited = (item.events ?? []).flatMap(
    (id) => timeline.find((event) => event.id === id)?.evidence ?? [],
  );
  return [...(item.evidence ?? []), ...cited];
}

/** What `claim` states: its date fields and the dates and numbers of its words. */
export function statedBy(claim: Claim): { dates: DateFact[]; numbers: number[] } {
  const words = claim.text.map(factsIn);
  return {
    dates: [
      ...claim.dates.flatMap((date) => (date === undefined ? [] : [isoFact(date)])),
      ...words.flatMap((facts) => facts.dates),
    ],
    numbers: words.flatMap((facts) => facts.numbers),
  };
}

/**
 * The evidence rule over a whole pack: each claim without evidence, and each date or number a
 * claim states that its evidence does not give, with the claim's path.
 */
export function evidenceProblems(pack: PackInput): PackProblem[] {
  const problems: PackProblem[] = [];
  for (const { path, claim } of claimsOf(pack)) {
    const stated = statedBy(claim);
    if (claim.onlyIfStated && stated.dates.length + stated.numbers.length === 0) continue;
    const all = [...supportingEvidence(claim, pack.timeline), ...(claim.alsoSupportedBy ?? [])];
    if (all.length === 0) {
      problems.push({
        path,
        message: 'has no evidence: quote the words of its source that support it (evidence[])',
      });
      continue;
    }
    for (const missing of unsupported(
      stated,
      all.map((evidence) => evidence.excerpt),
    )) {
      problems.push({ path, message: `${missing} is not in its evidence` });
    }
  }
  return problems;
}
