/**
 * The one loader that turns an authored pack into the app's internal types: it validates the pack
 * against the schema, resolves every source reference and reports each problem with its path in
 * the pack (`places[3].sources[0]: unknown source "rferl-2022-10-04"`).
 */
import * as v from 'valibot';
import {
  PACK_SCHEMA_VERSION,
  PackSchema,
  type Evidence as EvidenceInput,
  type PackInput,
  type Source,
} from './schema';
import type { Pack } from './types';
import { claimsOf, supportingEvidence } from './claims';

/** One thing wrong with a pack, with where it is. */
export interface PackProblem {
  path: string;
  message: string;
}

/** The result of loading a pack: the pack, or every problem found in it. */
export type PackResult =
  | { ok: true; value: Pack; /** The pack as validated, defaults filled in. */ input: PackInput }
  | { ok: false; error: PackProblem[]; skipped?: 'unknown-schema-version' };

/** Formats a problem the way the checker prints it. */
export function formatProblem(problem: PackProblem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

/** Validates raw pack JSON and resolves its references into a {@link Pack}. */
export function loadPack(raw: unknown): PackResult {
  if (isObject(raw) && 'schemaVersion' in raw && raw.schemaVersion !== PACK_SCHEMA_VERSION) {
    return {
      ok: false,
      skipped: 'unknown-schema-version',
      error: [
        {
          path: 'schemaVersion',
          message: `unknown schema version ${JSON.stringify(raw.schemaVersion)} (this build reads ${PACK_SCHEMA_VERSION})`,
        },
      ],
    };
  }
  const parsed = v.safeParse(PackSchema, raw);
  if (!parsed.success) {
    return {
      ok: false,
      error: parsed.issues.map((issue) => ({
        path: issuePath(issue.path),
        message: issue.message,
      })),
    };
  }
  const problems = referenceProblems(parsed.output);
  if (problems.length > 0) return { ok: false, error: problems };
  return { ok: true, value: resolve(parsed.output), input: parsed.output };
}

function issuePath(path: v.BaseIssue<unknown>['path']): string {
  let out = '';
  for (const item of path ?? []) {
    const key = item.key;
    out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  }
  return out;
}

/** Problems a schema cannot see: duplicate ids and references that lead nowhere. */
function referenceProblems(pack: PackInput): PackProblem[] {
  const problems: PackProblem[] = [];
  const sourceIds = new Set<string>();
  const addresses = new Map<string, number>();
  pack.sources.forEach((source, i) => {
    if (sourceIds.has(source.id))
      problems.push({ path: `sources[${i}].id`, message: `duplicate id "${source.id}"` });
    sourceIds.add(source.id);
    const same = addresses.get(source.url);
    if (same !== undefined)
      problems.push({
        path: `sources[${i}].url`,
        message: `the same page as sources[${same}]: cite that source instead`,
      });
    else addresses.set(source.url, i);
  });
  const cited = new Set<string>();
  const checkRefs = (path: string, refs: readonly string[]) =>
    refs.forEach((ref, i) => {
      cited.add(ref);
      if (!sourceIds.has(ref))
        problems.push({ path: `${path}.sources[${i}]`, message: `unknown source "${ref}"` });
    });
  const lists = {
    places: pack.places,
    people: pack.people,
    timeline: pack.timeline,
    glossary: pack.glossary,
    figures: pack.figures,
    notes: pack.notes,
    routes: pack.routes,
  };
  for (const [name, items] of Object.entries(lists)) {
    const ids = new Set<string>();
    items.forEach((item, i) => {
      if (ids.has(item.id))
        problems.push({ path: `${name}[${i}].id`, message: `duplicate id "${item.id}"` });
      ids.add(item.id);
      checkRefs(`${name}[${i}]`, item.sources);
    });
  }
  pack.places.forEach((place, i) => {
    if (place.keyFigure) checkRefs(`places[${i}].keyFigure`, place.keyFigure.sources);
  });
  const timelineIds = new Set(pack.timeline.map((event) => event.id));
  for (const { path, claim } of claimsOf(pack)) {
    if (path.includes('.updates[') || path.includes('.claims[')) checkRefs(path, claim.sources);
    (claim.events ?? []).forEach((id, i) => {
      if (!timelineIds.has(id))
        problems.push({ path: `${path}.events[${i}]`, message: `unknown event "${id}"` });
    });
    (claim.evidence ?? []).forEach((evidence, i) => {
      if (!claim.sources.includes(evidence.source))
        problems.push({
          path: `${path}.evidence[${i}].source`,
          message: `"${evidence.source}" is not one of the claim's sources`,
        });
    });
  }
  const eventIds = new Set(pack.timeline.map((event) => event.id));
  pack.timePhrases.forEach((phrase, i) =>
    phrase.events.forEach((id, j) => {
      if (!eventIds.has(id))
        problems.push({ path: `timePhrases[${i}].events[${j}]`, message: `unknown event "${id}"` });
    }),
  );
  pack.timeline.forEach((event, i) => {
    if (event.endDate && event.endDate < event.date)
      problems.push({ path: `timeline[${i}].endDate`, message: 'ends before it starts' });
    const previous = pack.timeline[i - 1];
    if (previous && previous.date > event.date)
      problems.push({
        path: `timeline[${i}].date`,
        message: `out of order: ${event.date} comes after ${previous.date}`,
      });
  });
  const entityIds = new Set([...pack.places, ...pack.people].map((entity) => entity.id));
  for (const [lang, data] of Object.entries(pack.recognition.languages)) {
    for (const id of Object.keys(data.names)) {
      if (!entityIds.has(id))
        problems.push({
          path: `recognition.languages.${lang}.names.${id}`,
          message: `unknown person or place "${id}"`,
        });
    }
  }
  pack.recognition.coreNames?.forEach((set, i) => {
    set.ids.forEach((id, j) => {
      if (!entityIds.has(id))
        problems.push({
          path: `recognition.coreNames[${i}].ids[${j}]`,
          message: `unknown person or place "${id}"`,
        });
    });
    if (set.atLeast > set.ids.length)
      problems.push({
        path: `recognition.coreNames[${i}].atLeast`,
        message: `asks for ${set.atLeast} of ${set.ids.length} names`,
      });
  });
  problems.push(...mapProblems(pack));
  pack.sources.forEach((source, i) => {
    if (!cited.has(source.id))
      problems.push({ path: `sources[${i}]`, message: `source "${source.id}" is never cited` });
  });
  return problems;
}

/** Routes and the map block must name places the pack has, of the right kind. */
function mapProblems(pack: PackInput): PackProblem[] {
  const problems: PackProblem[] = [];
  const places = new Map(pack.places.map((place) => [place.id, place]));
  const checkPlace = (path: string, id: string | undefined) => {
    if (id !== undefined && !places.has(id))
      problems.push({ path, message: `unknown place "${id}"` });
  };
  pack.routes.forEach((route, i) => {
    checkPlace(`routes[${i}].from`, route.from);
    checkPlace(`routes[${i}].via`, route.via);
    checkPlace(`routes[${i}].to`, route.to);
    if (route.from === route.to)
      problems.push({ path: `routes[${i}].to`, message: 'is the same place as from' });
    const via = route.via === undefined ? undefined : places.get(route.via);
    if (via && via.kind !== 'border-crossing')
      problems.push({ path: `routes[${i}].via`, message: `"${via.id}" is not a border crossing` });
    if (route.via !== undefined && route.crossing !== undefined)
      problems.push({
        path: `routes[${i}].crossing`,
        message: 'give either via (a place) or crossing (a name), not both',
      });
  });
  const map = pack.map;
  if (!map) return problems;
  const claimed = new Set<string>();
  map.claimed.regions.forEach((region, i) => {
    checkPlace(`map.claimed.regions[${i}].place`, region.place);
    if (claimed.has(region.place))
      problems.push({
        path: `map.claimed.regions[${i}].place`,
        message: `"${region.place}" is listed twice`,
      });
    claimed.add(region.place);
  });
  for (const id of Object.keys(map.labels ?? {})) checkPlace(`map.labels.${id}`, id);
  return problems;
}

function resolve(pack: PackInput): Pack {
  const sources = new Map(pack.sources.map((source) => [source.id, source]));
  const lookup = (refs: readonly string[]): Source[] =>
    refs.map((ref) => sources.get(ref)).filter((source): source is Source => source !== undefined);
  // An item's own evidence, then that of the timeline events it cites for the same dates.
  const sourced = <
    T extends {
      sources: string[];
      evidence?: EvidenceInput[] | undefined;
      events?: string[] | undefined;
    },
  >(
    item: T,
  ) => {
    const quoted = supportingEvidence(item, pack.timeline);
    const seen = new Set<string>();
    return {
      ...item,
      sources: lookup(item.sources),
      evidence: quoted.flatMap(({ source, excerpt }) => {
        const found = sources.get(source);
        const key = `${source}\n${excerpt}`;
        if (!found || seen.has(key)) return [];
        seen.add(key);
        return [{ source: found, excerpt }];
      }),
    };
  };
  return {
    id: pack.id,
    reviewed: pack.reviewed,
    article: pack.article,
    places: pack.places.map((place) => ({
      ...sourced(place),
      keyFigure: place.keyFigure && sourced(place.keyFigure),
      updates: place.updates.map(sourced),
    })),
    people: pack.people.map((person) => ({
      ...sourced(person),
      updates: person.updates.map(sourced),
    })),
    timeline: pack.timeline.map(sourced),
    timePhrases: pack.timePhrases,
    glossary: pack.glossary.map(sourced),
    figures: pack.figures.map((figure) => ({
      ...sourced(figure),
      claims: (figure.claims ?? []).map(sourced),
    })),
    notes: pack.notes.map(sourced),
    routes: pack.routes.map(sourced),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
