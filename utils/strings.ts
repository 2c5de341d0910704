/**
 * Every string a reader sees, in one place, read from the messages of the reader's language
 * (`utils/i18n/messages.ts`, `public/_locales/`): components use these names, never a message key
 * or a literal. Facts never live here: they are pack data.
 */
import { formatNumber, msg, plural, type MessageKey, type UiLanguage } from './i18n/messages';
import type { Language } from './recognition/languages';
import type { Evidence, VerdictKind } from './recognition/verdict';

/** The toolbar button's tooltip for a verdict (or none). */
export function actionTitle(kind: VerdictKind | null): string {
  switch (kind) {
    case 'article':
      return msg('actionArticle');
    case 'version':
      return msg('actionVersion');
    case 'related':
      return msg('actionRelated');
    default:
      return msg('actionNothing');
  }
}

/** The toolbar badge text for a verdict (empty for none): signs, the same in every language. */
export function badgeText(kind: VerdictKind | null): string {
  return kind === null ? '' : kind === 'related' ? '~' : '✓';
}

/** The panel header's line naming what was recognized. */
export function verdictHeading(kind: VerdictKind): string {
  switch (kind) {
    case 'article':
      return msg('verdictArticle');
    case 'version':
      return msg('verdictVersion');
    case 'related':
      return msg('verdictRelated');
  }
}

/** Why the verdict was reached, in a sentence. */
export function evidenceText(evidence: Evidence): string {
  switch (evidence.kind) {
    case 'address':
      return evidence.via === 'address' ? msg('evidenceAddress') : msg('evidenceCanonical');
    case 'text':
      return msg('evidenceText', Math.round(evidence.share * 100));
    case 'quotes':
      return msg('evidenceQuotes', evidence.quotes, evidence.names);
    case 'sequence':
      return msg(
        'evidenceSequence',
        evidence.lang === 'en' ? msg('rewrite') : msg(`translation_${evidence.lang}`),
        evidence.matched,
        evidence.span,
      );
    case 'topic':
      return msg('evidenceTopic', msg(`report_${evidence.lang}`), evidence.terms, evidence.names);
  }
}

/** A language's name, as a reader of the panel reads it ("Russian", «русский»). */
export function languageName(lang: Language): string {
  return msg(`language_${lang}`);
}

/**
 * An object whose properties read `keys`' messages when read, so the words are those of the
 * panel's language at that moment (`setMessages`), not when this module was loaded.
 */
function words<T extends Record<string, MessageKey>>(keys: T): { readonly [K in keyof T]: string } {
  const out = {};
  for (const [name, key] of Object.entries(keys))
    Object.defineProperty(out, name, { get: () => msg(key), enumerable: true });
  return out as { readonly [K in keyof T]: string };
}

export const strings = Object.assign(
  words({
    brand: 'brand',
    close: 'close',
    sectionsNav: 'sectionsNav',
    alsoKnownAs: 'alsoKnownAs',
    keyFigure: 'keyFigure',
    whyItMatters: 'whyItMatters',
    inThisArticle: 'inThisArticle',
    notKnown: 'notKnown',
    sources: 'sources',
    source: 'source',
    /** The cards' list of what changed after the article. */
    sinceTheArticle: 'sinceTheArticle',
    /** A figure that sources give differently. */
    whoSaysWhat: 'whoSaysWhat',
    approximateLocation: 'approximateLocation',
    publicationMarker: 'publicationMarker',
    loading: 'loading',
    afterPublication: 'afterPublication',
    beforePublication: 'beforePublication',
    /** The timeline's list of the article's own time phrases. */
    timePhrases: 'timePhrases',
    timePhrasesIntro: 'timePhrasesIntro',
    phraseNoEvents: 'phraseNoEvents',
    filterLegend: 'filterLegend',
    showAllEvents: 'showAllEvents',
    noEventsInPart: 'noEventsInPart',
    allSectionsOff: 'allSectionsOff',
    sheetHandle: 'sheetHandle',
    emptySection: 'emptySection',
    loadError: 'loadError',
    /** One line where the controls speak a language the pack's content is not translated into. */
    contentInEnglish: 'contentInEnglish',
    /** The label of a quote's translation. */
    quoteTranslation: 'quoteTranslation',
  }),
  {
    published: (date: string, certain: boolean) =>
      certain ? msg('published', date) : msg('publishedInferred', date),
    sections: words({
      places: 'section_places',
      people: 'section_people',
      timeline: 'section_timeline',
      figures: 'section_figures',
      glossary: 'section_glossary',
      notes: 'section_notes',
    }),
    /** The disclosure under a claim that shows its sources' own words. */
    whatTheSourceSays: (count: number) =>
      count === 1 ? msg('whatTheSourceSays') : msg('whatTheSourcesSay'),
    /** After an excerpt not in the panel's language: "(in Russian)". */
    excerptLanguage: (name: string) => msg('excerptLanguage', name),
    /** The panel's footer: when the pack was last checked against its sources. */
    backgroundAsOf: (date: string) => msg('backgroundAsOf', date),
    certainty: Object.assign(
      words({
        reported: 'certainty_reported',
        estimate: 'certainty_estimate',
        inferred: 'certainty_inferred',
      }),
      { confirmed: '' },
    ),
    phraseInArticle: (phrase: string) => msg('phraseInArticle', phrase),
    /** A time phrase's button (its name starts with the phrase it shows): shows its events. */
    showPhraseEvents: (phrase: string, count: number) =>
      plural('showPhraseEvents', count, phrase, count),
    /** The live count under the filter. */
    filterStatus: (shown: number, total: number) =>
      shown === total ? msg('filterAll', total) : msg('filterSome', shown, total),
    tags: words({
      mobilization: 'tag_mobilization',
      annexation: 'tag_annexation',
      exodus: 'tag_exodus',
      war: 'tag_war',
    }),
    map: Object.assign(
      words({
        /** The main map's accessible name. */
        title: 'mapTitle',
        mainPins: 'mapMainPins',
        legend: 'mapLegend',
        routes: 'mapRoutes',
        routeSources: 'mapRouteSources',
        detailFrame: 'mapDetailFrame',
        attribution: 'mapAttribution',
        showOnMap: 'showOnMap',
      }),
      {
        /** A detail map's accessible name. */
        detailTitle: (title: string) => msg('mapDetailTitle', title),
        pins: (title: string) => msg('mapPins', title),
        route: (to: string, via: string | undefined) => (via ? msg('mapRouteVia', to, via) : to),
        origin: (country: string) => msg('mapOrigin', country),
        showOnMapLabel: (name: string) => msg('showOnMapLabel', name),
      },
    ),
  },
);

/** The panel on a page Backstory has nothing for (a press of the toolbar button there). */
export const nothingStrings = Object.assign(
  words({
    title: 'nothingTitle',
    quietTitle: 'nothingQuietTitle',
    why: 'nothingWhy',
    settings: 'nothingSettings',
  }),
  {
    quiet: (site: string) => msg('nothingQuiet', site),
    wake: (site: string) => msg('nothingWake', site),
    woken: (site: string) => msg('nothingWoken', site),
    storiesHeading: (count: number) => plural('nothingStories', count),
    covers: (places: number, people: number, events: number) =>
      msg('nothingCovers', places, people, events),
    reviewed: (date: string) => msg('backgroundAsOf', date),
  },
);

/** The options page's words. */
export const optionsStrings = Object.assign(
  words({
    title: 'optTitle',
    intro: 'optIntro',
    saved: 'optSaved',
    sectionsLegend: 'optSectionsLegend',
  }),
  {
    autoOpen: words({
      legend: 'optAutoOpenLegend',
      article: 'optAutoOpenArticle',
      version: 'optAutoOpenVersion',
      related: 'optAutoOpenRelated',
    }),
    panel: Object.assign(
      words({
        legend: 'optPanelLegend',
        panelIn: 'optPanelIn',
        side: 'optSide',
        layout: 'optLayout',
        theme: 'optTheme',
        language: 'optLanguage',
        languageAuto: 'optLanguageAuto',
      }),
      {
        panelIns: words({ page: 'optPanelInPage', 'side-panel': 'optPanelInSidePanel' }),
        sides: words({ right: 'optSideRight', left: 'optSideLeft' }),
        layouts: words({ overlay: 'optLayoutOverlay', push: 'optLayoutPush' }),
        themes: words({ system: 'optThemeSystem', light: 'optThemeLight', dark: 'optThemeDark' }),
      },
    ),
    marks: words({ legend: 'optMarksLegend', label: 'optMarksLabel' }),
    sites: Object.assign(
      words({
        legend: 'optSitesLegend',
        everywhere: 'optSitesEverywhere',
        listed: 'optSitesListed',
        onlyLabel: 'optSitesOnlyLabel',
        quietLabel: 'optSitesQuietLabel',
      }),
      { rejected: (entries: string[]) => msg('optSitesRejected', entries.join(', ')) },
    ),
  },
);

/** Strings of the page-side features ("Show in article", the mention marks and their card). */
export const pageStrings = Object.assign(
  words({
    /** The side panel, when the page in its tab does not answer. */
    pageUnreachable: 'pageUnreachable',
    showInArticle: 'showInArticle',
    quoteShown: 'quoteShown',
    quoteNotOnPage: 'quoteNotOnPage',
    quoteGone: 'quoteGone',
    marksToggle: 'marksToggle',
    marksOn: 'marksOn',
    marksOff: 'marksOff',
    openInBackstory: 'openInBackstory',
    mentionTargetIdle: 'mentionTargetIdle',
    mentionKeys: 'mentionKeys',
  }),
  {
    showInArticleLabel: (quote: string) => msg('showInArticleLabel', quote),
    marksBrowse: (count: number) => msg('marksBrowse', count),
    mentionKind: words({ place: 'mentionPlace', person: 'mentionPerson' }),
    mentionTargetLabel: (name: string, index: number, count: number) =>
      msg('mentionTargetLabel', name, index, count),
  },
);

export { formatNumber };

/** The panel's languages as the settings offer them: each in its own words, for its readers. */
export const LANGUAGE_CHOICES: Record<UiLanguage, string> = {
  en: 'English',
  ru: 'Русский',
  uk: 'Українська',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
};
