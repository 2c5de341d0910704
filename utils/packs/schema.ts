/**
 * The schema of a context pack (`data/packs/<pack-id>/pack.json`), written with valibot so the
 * TypeScript types, the build-time check and `npm run packs:check` all come from one definition.
 * The authoring guide for every field is `data/README.md`.
 */
import * as v from 'valibot';
import { LANGUAGES } from '../recognition/languages';
import { isValidTerm, MIN_STEM } from '../recognition/normalize';

/** The pack format this build understands; a pack with another version is skipped with a warning. */
export const PACK_SCHEMA_VERSION = 2;

const Id = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9 and "-")'),
);
const Text = v.pipe(v.string(), v.trim(), v.nonEmpty('must not be empty'));
const IsoDate = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'),
  v.check((value) => isRealDate(value), 'is not a real calendar date'),
);
/** A date, or only its month where the source gives no day (`2023-04`). */
const IsoDateOrMonth = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}(?:-\d{2})?$/, 'must be a date written YYYY-MM-DD, or a month YYYY-MM'),
  v.check(
    (value) => isRealDate(value.length === 7 ? `${value}-01` : value),
    'is not a real calendar date',
  ),
);
const HttpsUrl = v.pipe(
  v.string(),
  v.url('must be a URL'),
  v.startsWith('https://', 'must be an https:// URL'),
);
/** A name or term as the page may write it; a word ending in `*` is a stem (any ending). */
const Term = v.pipe(
  Text,
  v.check(isValidTerm, `a "*" must end a word of at least ${MIN_STEM} letters`),
);
const SourceRefs = v.pipe(v.array(Id), v.minLength(1, 'needs at least one source'));

/** How sure the pack is of a date or a figure. */
export const Certainty = v.picklist(['confirmed', 'reported', 'estimate', 'inferred']);

/** A reputable public source that facts cite by its id. */
export const SourceSchema = v.pipe(
  v.strictObject({
    id: Id,
    title: Text,
    /** The outlet or body that published it. */
    publisher: Text,
    url: HttpsUrl,
    /** Publication date of the source (its month where the page gives no day). */
    date: v.optional(IsoDateOrMonth),
    /** For a page that changes (an encyclopedia article, an official register): when it was read. */
    accessed: v.optional(IsoDate),
    /** The language the source is written in (ISO 639-1); English when absent. */
    lang: v.optional(v.pipe(v.string(), v.regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code'))),
  }),
  v.check(
    (source) => source.date !== undefined || source.accessed !== undefined,
    'needs its publication date (date) or, for a page that changes, when it was read (accessed)',
  ),
);

/**
 * The source's own words that support a claim: a short excerpt copied from the source's text,
 * never written from memory or paraphrased. The claim's dates and numbers must be found in its
 * evidence (`utils/packs/evidence.ts`).
 */
export const EvidenceSchema = v.strictObject({
  /** The source quoted, one of the claim's own sources. */
  source: Id,
  excerpt: v.pipe(Text, v.maxLength(300, 'must be a short excerpt (at most 300 characters)')),
});
const Evidence = v.optional(v.array(EvidenceSchema));
/**
 * Timeline events whose evidence also supports a text (a card that says "claimed on 30 Sep 2022"
 * cites the event of that day instead of quoting the same words again).
 */
const EventRefs = v.optional(v.array(Id));

/** A figure with its date and how certain it is ("about 98,000 entries by 27 Sep 2022"). */
export const KeyFigureSchema = v.strictObject({
  text: Text,
  date: v.optional(IsoDate),
  certainty: Certainty,
  sources: SourceRefs,
  evidence: Evidence,
});

/** What changed for a person or place after the article ("replaced as defence minister"). */
export const UpdateSchema = v.strictObject({
  date: IsoDateOrMonth,
  text: Text,
  certainty: Certainty,
  sources: SourceRefs,
  evidence: Evidence,
});

/** Words the page itself uses for an entity, for finding and marking mentions. */
const Mentions = v.pipe(v.array(Term), v.minLength(1, 'needs at least one mention form'));

export const PlaceSchema = v.strictObject({
  id: Id,
  name: Text,
  kind: v.picklist(['country', 'city', 'region', 'border-crossing']),
  /** Other names and spellings, with the language or period in brackets: "Oral (Kazakh)". */
  altNames: v.array(Text),
  coordinates: v.strictObject({
    lat: v.pipe(v.number(), v.minValue(-90), v.maxValue(90)),
    lon: v.pipe(v.number(), v.minValue(-180), v.maxValue(180)),
    /** True when the point stands for an area or is known only roughly. */
    approximate: v.boolean(),
  }),
  /** What and where it is. */
  summary: Text,
  /** Why it matters in this story. */
  relevance: Text,
  keyFigure: v.optional(KeyFigureSchema),
  /** What changed after the article, oldest first. */
  updates: v.optional(v.array(UpdateSchema), []),
  mentions: Mentions,
  sources: SourceRefs,
  /** The sources' words for the dates and numbers its texts state. */
  evidence: Evidence,
  events: EventRefs,
});

/** Something the article has a person say, verbatim, so the passage can be found on the page. */
export const QuoteSchema = v.strictObject({
  text: Text,
});

export const PersonSchema = v.strictObject({
  id: Id,
  name: Text,
  kind: v.picklist(['person', 'organization']),
  /** Who they are, in a line. */
  role: Text,
  /** Their part in these events. */
  part: Text,
  quotes: v.array(QuoteSchema),
  /** What is not known about them (never filled in by guesswork). */
  unknown: v.optional(Text),
  /** What changed after the article, oldest first. */
  updates: v.optional(v.array(UpdateSchema), []),
  mentions: Mentions,
  sources: SourceRefs,
  /** The sources' words for the dates and numbers its texts state. */
  evidence: Evidence,
  events: EventRefs,
});

export const TimelineTag = v.picklist(['mobilization', 'annexation', 'exodus', 'war']);

export const TimelineEventSchema = v.strictObject({
  id: Id,
  /** The day, or only the month where the sources give no day. */
  date: IsoDateOrMonth,
  /** Last day (or month) of an event that spans several. */
  endDate: v.optional(IsoDateOrMonth),
  certainty: Certainty,
  title: Text,
  detail: v.optional(Text),
  tags: v.pipe(v.array(TimelineTag), v.minLength(1, 'needs at least one tag')),
  sources: SourceRefs,
  evidence: Evidence,
});

/** One of the article's own time phrases ("last month") and the date or span it means. */
export const TimePhraseSchema = v.strictObject({
  phrase: Text,
  meaning: Text,
  from: IsoDate,
  to: v.optional(IsoDate),
  certainty: Certainty,
  events: v.array(Id),
});

export const GlossaryTermSchema = v.strictObject({
  id: Id,
  term: Text,
  definition: Text,
  sources: SourceRefs,
  evidence: Evidence,
  events: EventRefs,
});

/** One source's value of a figure that sources give differently. */
export const FigureClaimSchema = v.strictObject({
  /** Who gives this value ("Russia's interior ministry", "researchers at …"). */
  who: Text,
  value: Text,
  date: v.optional(IsoDateOrMonth),
  sources: SourceRefs,
  evidence: Evidence,
});

export const FigureSchema = v.strictObject({
  id: Id,
  label: Text,
  /** The figure, or the range the sources span where they disagree. */
  value: Text,
  /** What exactly is counted and its caveats. */
  measures: Text,
  date: v.optional(IsoDateOrMonth),
  certainty: Certainty,
  sources: SourceRefs,
  evidence: Evidence,
  /** Where sources disagree: who says what (at least two). */
  claims: v.optional(
    v.pipe(v.array(FigureClaimSchema), v.minLength(2, 'list at least two sources that disagree')),
  ),
});

export const NoteSchema = v.strictObject({
  id: Id,
  title: Text,
  text: Text,
  sources: SourceRefs,
  evidence: Evidence,
  events: EventRefs,
});

/**
 * A way out of Russia, drawn on the Places map as a line from a Russian place (a reference point
 * the pack has, not necessarily where travellers set out) through an optional crossing place to a
 * destination place.
 */
export const RouteSchema = v.strictObject({
  id: Id,
  /** The place in Russia where the line starts. */
  from: Id,
  /** A border-crossing place the line passes through. */
  via: v.optional(Id),
  /** The crossing's name when the pack has no place for it ("Upper Lars"). */
  crossing: v.optional(Text),
  /** The destination place (usually a country) where the line ends. */
  to: Id,
  sources: SourceRefs,
});

const Longitude = v.pipe(v.number(), v.minValue(-180), v.maxValue(180));
const Latitude = v.pipe(v.number(), v.minValue(-90), v.maxValue(90));

/** A longitude and latitude box: what a map must show at least. */
export const ExtentSchema = v.pipe(
  v.strictObject({ west: Longitude, south: Latitude, east: Longitude, north: Latitude }),
  v.check((box) => box.west < box.east, 'west must be less than east'),
  v.check((box) => box.south < box.north, 'south must be less than north'),
);

/**
 * How the Places map is drawn: the area it shows, an optional detail map of a crowded area, the
 * country the routes leave from and the regions shaded as claimed. The map is projected at build
 * time (`scripts/build-packs.ts`) from Natural Earth data; no coordinates of shapes live here.
 */
export const MapSchema = v.strictObject({
  /** The area the main map shows at least (it is widened to the map's shape). */
  extent: ExtentSchema,
  /** A larger-scale map of a crowded area; places inside its extent are pinned there instead. */
  detail: v.optional(v.strictObject({ title: Text, extent: ExtentSchema })),
  /** The country routes leave from, by its Natural Earth name ("Russia"). */
  origin: Text,
  /** Regions shaded as claimed, each a place drawn from Natural Earth admin-1 boundaries. */
  claimed: v.strictObject({
    /** The legend's words for the shading. */
    label: Text,
    regions: v.array(
      v.strictObject({
        place: Id,
        /** Natural Earth admin-1 codes (HASC, "UA.DT") whose shapes together make the region. */
        boundaries: v.pipe(v.array(Text), v.minLength(1, 'needs at least one boundary')),
      }),
    ),
  }),
  /** Shorter names for pins whose place name is long ("Mariinsky" for the crossing). */
  labels: v.optional(v.record(Id, Text)),
});

/** One language's recognition data (see `RecognitionSchema`). */
export const RecognitionLanguageSchema = v.strictObject({
  /**
   * Names of the pack's people and places as this language writes them where they differ from
   * their `mentions` (other alphabets, spellings, inflected stems), by the person's or place's id.
   */
  names: v.record(Id, v.pipe(v.array(Term), v.minLength(1))),
  /**
   * Terms of the story's subject in this language. A page about the same events uses several of
   * them; a page that shares only one is about something else.
   */
  topicTerms: v.pipe(v.array(Term), v.minLength(3)),
  /** Terms of which a related page must use at least one (the story's core). */
  coreTerms: v.pipe(v.array(Term), v.minLength(1)),
});

/**
 * What recognition needs besides the article text, per language the story was told in (English
 * first); compiled by `scripts/build-packs.ts`.
 */
export const RecognitionSchema = v.strictObject({
  languages: v.pipe(
    v.record(v.picklist(LANGUAGES), RecognitionLanguageSchema),
    v.check((languages) => 'en' in languages, 'needs English ("en")'),
  ),
  /**
   * People and places that, named together, are the story's core as much as a core term is, in
   * any language: the four regions Russia claimed in September 2022, named in one report, are
   * those events, however the report words them. A page that names `atLeast` of `ids` counts as
   * using a core term.
   */
  coreNames: v.optional(
    v.array(
      v.strictObject({
        ids: v.pipe(v.array(Id), v.minLength(2)),
        atLeast: v.pipe(v.number(), v.integer(), v.minValue(2)),
      }),
    ),
  ),
});

export const PackSchema = v.strictObject({
  schemaVersion: v.literal(PACK_SCHEMA_VERSION),
  id: Id,
  /** When the pack's background was last checked against its sources ("Background as of …"). */
  reviewed: IsoDate,
  article: v.strictObject({
    title: Text,
    publisher: Text,
    /** The article's canonical address. */
    url: HttpsUrl,
    /** Other addresses of the same article at its publisher (AMP and the like). */
    alternateUrls: v.array(HttpsUrl),
    published: v.strictObject({
      date: IsoDate,
      certainty: Certainty,
      note: v.optional(Text),
    }),
    /** The file (beside pack.json) holding the article text recognition is computed from. */
    textFile: Text,
  }),
  recognition: RecognitionSchema,
  sources: v.array(SourceSchema),
  places: v.array(PlaceSchema),
  people: v.array(PersonSchema),
  timeline: v.array(TimelineEventSchema),
  timePhrases: v.array(TimePhraseSchema),
  glossary: v.array(GlossaryTermSchema),
  figures: v.array(FigureSchema),
  notes: v.array(NoteSchema),
  routes: v.optional(v.array(RouteSchema), []),
  map: v.optional(MapSchema),
});

/** A pack as authored in `data/packs/<id>/pack.json`. */
export type PackInput = v.InferOutput<typeof PackSchema>;
export type Source = v.InferOutput<typeof SourceSchema>;
export type Place = v.InferOutput<typeof PlaceSchema>;
export type Person = v.InferOutput<typeof PersonSchema>;
export type TimelineEvent = v.InferOutput<typeof TimelineEventSchema>;
export type TimePhrase = v.InferOutput<typeof TimePhraseSchema>;
export type GlossaryTerm = v.InferOutput<typeof GlossaryTermSchema>;
export type Figure = v.InferOutput<typeof FigureSchema>;
export type Note = v.InferOutput<typeof NoteSchema>;
export type KeyFigure = v.InferOutput<typeof KeyFigureSchema>;
export type Update = v.InferOutput<typeof UpdateSchema>;
export type Evidence = v.InferOutput<typeof EvidenceSchema>;
export type FigureClaim = v.InferOutput<typeof FigureClaimSchema>;
export type Route = v.InferOutput<typeof RouteSchema>;
export type MapSpec = v.InferOutput<typeof MapSchema>;
export type Extent = v.InferOutput<typeof ExtentSchema>;

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
