/**
 * Every string a reader sees, in one place, so wording is reviewed (and one day translated)
 * together. Facts never live here: they are pack data.
 */
import type { Language } from './recognition/languages';
import type { Evidence, VerdictKind } from './recognition/verdict';

/** The toolbar button's tooltip for a verdict (or none). */
export function actionTitle(kind: VerdictKind | null): string {
  switch (kind) {
    case 'article':
      return 'Backstory: this article';
    case 'version':
      return 'Backstory: a version of this article';
    case 'related':
      return 'Backstory: related coverage';
    default:
      return 'Backstory: nothing for this page';
  }
}

/** The toolbar badge text for a verdict (empty for none). */
export function badgeText(kind: VerdictKind | null): string {
  return kind === null ? '' : kind === 'related' ? '~' : '✓';
}

/** The panel header's line naming what was recognized. */
export function verdictHeading(kind: VerdictKind): string {
  switch (kind) {
    case 'article':
      return 'You are reading this article';
    case 'version':
      return 'A version of this article';
    case 'related':
      return 'Related coverage of this story';
  }
}

/** Why the verdict was reached, in a sentence. */
export function evidenceText(evidence: Evidence): string {
  switch (evidence.kind) {
    case 'address':
      return evidence.via === 'address'
        ? 'The address is the article’s own.'
        : 'This page names the article’s address as its original.';
    case 'text':
      return `${Math.round(evidence.share * 100)}% of the article’s text is on this page.`;
    case 'quotes':
      return `Quotes ${evidence.quotes} of the article’s quotes and names ${evidence.names} of its people and places.`;
    case 'sequence':
      return `${evidence.lang === 'en' ? 'A rewrite' : `${indefinite(evidence.lang)} translation`}: ${evidence.matched} of the article’s ${evidence.span} names and figures appear in its order.`;
    case 'topic':
      return `${reportIn(evidence.lang)} on the same events: ${evidence.terms} of the story’s subject terms and ${evidence.names} of its people and places.`;
  }
}

/** The languages' names, as a reader of the panel (in English) reads them. */
export const LANGUAGE_NAMES: Record<Language, string> = {
  en: 'English',
  ru: 'Russian',
  uk: 'Ukrainian',
  kk: 'Kazakh',
  ka: 'Georgian',
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  it: 'Italian',
  pt: 'Portuguese',
  pl: 'Polish',
  fi: 'Finnish',
};

/** "A Spanish report", "An English report": the start of a related page's reason. */
function reportIn(lang: Language): string {
  return `${indefinite(lang)} report`;
}

/** "A Spanish", "An English": by sound, not by letter ("an Italian", but "a Ukrainian"). */
function indefinite(lang: Language): string {
  return `${lang === 'en' || lang === 'it' ? 'An' : 'A'} ${LANGUAGE_NAMES[lang]}`;
}

export const strings = {
  brand: 'Backstory',
  launcherLabel: (kind: VerdictKind) => `Backstory: open background for ${launcherObject(kind)}`,
  launcherText: 'Backstory',
  close: 'Close Backstory',
  backgroundFor: 'Background for',
  published: (date: string, certain: boolean) =>
    certain ? `Published ${date}` : `Published ${date} (inferred)`,
  sections: {
    places: 'Places',
    people: 'People',
    timeline: 'Timeline',
    figures: 'Figures',
    glossary: 'Terms',
    notes: 'Notes on the article',
  },
  sectionsNav: 'Sections',
  alsoKnownAs: 'Also',
  keyFigure: 'Key figure',
  whyItMatters: 'In this story',
  inThisArticle: 'In this article',
  notKnown: 'Not known',
  sources: 'Sources',
  source: 'Source',
  /** The disclosure under a claim that shows its sources' own words. */
  whatTheSourceSays: (count: number) =>
    count === 1 ? 'What the source says' : 'What the sources say',
  /** After an excerpt not in English: "(in Russian)". */
  excerptLanguage: (name: string) => `(in ${name})`,
  /** The cards' list of what changed after the article. */
  sinceTheArticle: 'Since the article',
  /** A figure that sources give differently. */
  whoSaysWhat: 'Who says what',
  /** The panel's footer: when the pack was last checked against its sources. */
  backgroundAsOf: (date: string) => `Background as of ${date}.`,
  certainty: {
    confirmed: '',
    reported: 'reported',
    estimate: 'estimate',
    inferred: 'inferred',
  },
  approximateLocation: 'approximate location',
  publicationMarker: 'The article is published',
  phraseInArticle: (phrase: string) => `“${phrase}” in the article`,
  loading: 'Loading the background…',
  afterPublication: 'After the article',
  beforePublication: 'What the reporter knew',
  /** The timeline's list of the article's own time phrases. */
  timePhrases: 'In the article',
  timePhrasesIntro: 'The article’s own time phrases, and the dates they mean.',
  /** A time phrase's button (its name starts with the phrase it shows): shows its events. */
  showPhraseEvents: (phrase: string, count: number) =>
    `“${phrase}”: show ${count === 1 ? 'its event' : `its ${count} events`} in the timeline`,
  phraseNoEvents: 'No single event',
  filterLegend: 'Show events about',
  /** The live count under the filter. */
  filterStatus: (shown: number, total: number) =>
    shown === total ? `All ${total} events` : `${shown} of ${total} events`,
  showAllEvents: 'Show all',
  noEventsInPart: 'No events on these topics.',
  allSectionsOff: 'Every section is turned off in Backstory’s settings.',
  sheetHandle: 'Backstory panel',
  tags: {
    mobilization: 'Mobilization',
    annexation: 'Annexation',
    exodus: 'Exodus',
    war: 'War',
  },
  emptySection: 'Nothing in this pack for this section.',
  map: {
    /** The main map's accessible name. */
    title: 'Map of the places in this story, with the routes out of Russia',
    /** A detail map's accessible name. */
    detailTitle: (title: string) => `Map: ${title}`,
    pins: (title: string) => `Places on the map: ${title}`,
    mainPins: 'Places on the map',
    legend: 'Map legend',
    routes: 'Routes out of Russia (drawn from a reference city, not exact paths)',
    route: (to: string, via: string | undefined) => (via ? `${to}, via ${via}` : to),
    routeSources: 'Route sources',
    origin: (country: string) => `${country}, where the routes start`,
    detailFrame: 'Area of the detail map',
    attribution: 'Boundaries: Natural Earth.',
    showOnMap: 'Show on map',
    showOnMapLabel: (name: string) => `Show on map: ${name}`,
  },
  loadError: 'Backstory could not load the background for this page.',
} as const;

function launcherObject(kind: VerdictKind): string {
  return kind === 'related' ? 'this story' : 'this article';
}

/** The panel on a page Backstory has nothing for (a press of the toolbar button there). */
export const nothingStrings = {
  title: 'Backstory has nothing for this page',
  quietTitle: 'Backstory is quiet on this site',
  why: 'It opens on the stories it knows: on the article itself, on copies and translations of it, and on reports of the same events.',
  quiet: (site: string) =>
    `You asked Backstory to stay quiet on ${site}: it does not read its pages.`,
  wake: (site: string) => `Turn Backstory back on for ${site}`,
  woken: (site: string) => `Backstory works on ${site} again. Reload the page for it to read it.`,
  storiesHeading: (count: number) =>
    count === 1 ? 'The story Backstory knows' : `The ${count} stories Backstory knows`,
  covers: (places: number, people: number, events: number) =>
    `Its background: ${places} places, ${people} people and ${events} dated events.`,
  reviewed: (date: string) => `Background as of ${date}.`,
  settings: 'Backstory settings',
} as const;

/** The options page's words. */
export const optionsStrings = {
  title: 'Backstory settings',
  intro: 'Changes are saved at once and apply to open tabs without reloading them.',
  saved: 'Saved.',
  autoOpen: {
    legend: 'Open the panel by itself',
    article: 'On the article itself',
    version: 'On a version of the article (a copy elsewhere)',
    related: 'On related coverage',
  },
  panel: {
    legend: 'Panel',
    panelIn: 'Where the panel opens',
    panelIns: {
      page: 'Over the page',
      'side-panel': 'In the browser’s side panel (beside the page, out of its reach)',
    },
    side: 'Side of the window (over the page)',
    sides: { right: 'Right', left: 'Left' },
    layout: 'Layout (over the page)',
    layouts: { overlay: 'Over the page edge', push: 'Push the page aside' },
    theme: 'Theme',
    themes: { system: 'Follow the system', light: 'Light', dark: 'Dark' },
  },
  sectionsLegend: 'Sections shown',
  marks: {
    legend: 'In the article',
    label: 'Mark the story’s people and places in the article text',
  },
  sites: {
    legend: 'Where Backstory works',
    everywhere: 'On every site (it reads pages locally and sends nothing)',
    listed: 'Only on the sites listed below',
    onlyLabel: 'Sites to work on, one per line (for example nbcnews.com)',
    quietLabel: 'Sites where Backstory stays quiet, one per line',
    rejected: (entries: string[]) => `Not a site name, left out: ${entries.join(', ')}`,
  },
} as const;

/**
 * Strings of the page-side features ("Show in article", the mention marks and their card), apart
 * from `strings` so the script that runs on every page, which needs only the launcher's, does not
 * carry them.
 */
export const pageStrings = {
  /** The side panel, when the page in its tab does not answer. */
  pageUnreachable:
    'The page in this tab is not answering (it may still be loading, or be one Backstory cannot reach), so Show in article and the marks are off for now.',
  showInArticle: 'Show in article',
  showInArticleLabel: (quote: string) => `Show in article: ${quote}`,
  quoteShown: 'Highlighted in the article.',
  quoteNotOnPage: 'Not on this page: this copy leaves it out or words it differently.',
  quoteGone: 'No longer on this page: it may have changed since.',
  marksToggle: 'Marks in the article',
  marksOn: 'On',
  marksOff: 'Off',
  marksBrowse: (count: number) => `Go to the marks (${count})`,
  mentionKind: { place: 'Place', person: 'Person' },
  openInBackstory: 'Open in Backstory',
  mentionTargetIdle: 'Marks in the article',
  mentionTargetLabel: (name: string, index: number, count: number) =>
    `${name}, mark ${index} of ${count}`,
  mentionKeys: 'Arrow keys: other marks · Enter: open in Backstory · Esc: hide this card',
} as const;
