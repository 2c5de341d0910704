/**
 * Every string a reader sees, in one place, read from the messages of the reader's language
 * (`utils/i18n/messages.ts`, `public/_locales/`): components use these names, never a message key
 * or a literal. Facts never live here: they are pack data.
 */
import { formatNumber, msg, plural, type UiLanguage } from './i18n/messages';
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

export const strings = {
  get brand() {
    return msg('brand');
  },
  launcherLabel: (kind: VerdictKind) =>
    kind === 'related' ? msg('launcherRelated') : msg('launcherArticle'),
  get launcherText() {
    return msg('launcherText');
  },
  get close() {
    return msg('close');
  },
  published: (date: string, certain: boolean) =>
    certain ? msg('published', date) : msg('publishedInferred', date),
  sections: {
    get places() {
      return msg('section_places');
    },
    get people() {
      return msg('section_people');
    },
    get timeline() {
      return msg('section_timeline');
    },
    get figures() {
      return msg('section_figures');
    },
    get glossary() {
      return msg('section_glossary');
    },
    get notes() {
      return msg('section_notes');
    },
  },
  get sectionsNav() {
    return msg('sectionsNav');
  },
  get alsoKnownAs() {
    return msg('alsoKnownAs');
  },
  get keyFigure() {
    return msg('keyFigure');
  },
  get whyItMatters() {
    return msg('whyItMatters');
  },
  get inThisArticle() {
    return msg('inThisArticle');
  },
  get notKnown() {
    return msg('notKnown');
  },
  get sources() {
    return msg('sources');
  },
  get source() {
    return msg('source');
  },
  /** The disclosure under a claim that shows its sources' own words. */
  whatTheSourceSays: (count: number) =>
    count === 1 ? msg('whatTheSourceSays') : msg('whatTheSourcesSay'),
  /** After an excerpt not in the panel's language: "(in Russian)". */
  excerptLanguage: (name: string) => msg('excerptLanguage', name),
  /** The cards' list of what changed after the article. */
  get sinceTheArticle() {
    return msg('sinceTheArticle');
  },
  /** A figure that sources give differently. */
  get whoSaysWhat() {
    return msg('whoSaysWhat');
  },
  /** The panel's footer: when the pack was last checked against its sources. */
  backgroundAsOf: (date: string) => msg('backgroundAsOf', date),
  certainty: {
    confirmed: '',
    get reported() {
      return msg('certainty_reported');
    },
    get estimate() {
      return msg('certainty_estimate');
    },
    get inferred() {
      return msg('certainty_inferred');
    },
  },
  get approximateLocation() {
    return msg('approximateLocation');
  },
  get publicationMarker() {
    return msg('publicationMarker');
  },
  phraseInArticle: (phrase: string) => msg('phraseInArticle', phrase),
  get loading() {
    return msg('loading');
  },
  get afterPublication() {
    return msg('afterPublication');
  },
  get beforePublication() {
    return msg('beforePublication');
  },
  /** The timeline's list of the article's own time phrases. */
  get timePhrases() {
    return msg('timePhrases');
  },
  get timePhrasesIntro() {
    return msg('timePhrasesIntro');
  },
  /** A time phrase's button (its name starts with the phrase it shows): shows its events. */
  showPhraseEvents: (phrase: string, count: number) =>
    plural('showPhraseEvents', count, phrase, count),
  get phraseNoEvents() {
    return msg('phraseNoEvents');
  },
  get filterLegend() {
    return msg('filterLegend');
  },
  /** The live count under the filter. */
  filterStatus: (shown: number, total: number) =>
    shown === total ? msg('filterAll', total) : msg('filterSome', shown, total),
  get showAllEvents() {
    return msg('showAllEvents');
  },
  get noEventsInPart() {
    return msg('noEventsInPart');
  },
  get allSectionsOff() {
    return msg('allSectionsOff');
  },
  get sheetHandle() {
    return msg('sheetHandle');
  },
  tags: {
    get mobilization() {
      return msg('tag_mobilization');
    },
    get annexation() {
      return msg('tag_annexation');
    },
    get exodus() {
      return msg('tag_exodus');
    },
    get war() {
      return msg('tag_war');
    },
  },
  get emptySection() {
    return msg('emptySection');
  },
  map: {
    /** The main map's accessible name. */
    get title() {
      return msg('mapTitle');
    },
    /** A detail map's accessible name. */
    detailTitle: (title: string) => msg('mapDetailTitle', title),
    pins: (title: string) => msg('mapPins', title),
    get mainPins() {
      return msg('mapMainPins');
    },
    get legend() {
      return msg('mapLegend');
    },
    get routes() {
      return msg('mapRoutes');
    },
    route: (to: string, via: string | undefined) => (via ? msg('mapRouteVia', to, via) : to),
    get routeSources() {
      return msg('mapRouteSources');
    },
    origin: (country: string) => msg('mapOrigin', country),
    get detailFrame() {
      return msg('mapDetailFrame');
    },
    get attribution() {
      return msg('mapAttribution');
    },
    get showOnMap() {
      return msg('showOnMap');
    },
    showOnMapLabel: (name: string) => msg('showOnMapLabel', name),
  },
  get loadError() {
    return msg('loadError');
  },
  /** One line where the controls speak a language the pack's content is not translated into. */
  get contentInEnglish() {
    return msg('contentInEnglish');
  },
  /** The label of a quote's translation. */
  get quoteTranslation() {
    return msg('quoteTranslation');
  },
};

/** The panel on a page Backstory has nothing for (a press of the toolbar button there). */
export const nothingStrings = {
  get title() {
    return msg('nothingTitle');
  },
  get quietTitle() {
    return msg('nothingQuietTitle');
  },
  get why() {
    return msg('nothingWhy');
  },
  quiet: (site: string) => msg('nothingQuiet', site),
  wake: (site: string) => msg('nothingWake', site),
  woken: (site: string) => msg('nothingWoken', site),
  storiesHeading: (count: number) => plural('nothingStories', count),
  covers: (places: number, people: number, events: number) =>
    msg('nothingCovers', places, people, events),
  reviewed: (date: string) => msg('backgroundAsOf', date),
  get settings() {
    return msg('nothingSettings');
  },
};

/** The options page's words. */
export const optionsStrings = {
  get title() {
    return msg('optTitle');
  },
  get intro() {
    return msg('optIntro');
  },
  get saved() {
    return msg('optSaved');
  },
  autoOpen: {
    get legend() {
      return msg('optAutoOpenLegend');
    },
    get article() {
      return msg('optAutoOpenArticle');
    },
    get version() {
      return msg('optAutoOpenVersion');
    },
    get related() {
      return msg('optAutoOpenRelated');
    },
  },
  panel: {
    get legend() {
      return msg('optPanelLegend');
    },
    get panelIn() {
      return msg('optPanelIn');
    },
    get panelIns() {
      return { page: msg('optPanelInPage'), 'side-panel': msg('optPanelInSidePanel') };
    },
    get side() {
      return msg('optSide');
    },
    get sides() {
      return { right: msg('optSideRight'), left: msg('optSideLeft') };
    },
    get layout() {
      return msg('optLayout');
    },
    get layouts() {
      return { overlay: msg('optLayoutOverlay'), push: msg('optLayoutPush') };
    },
    get theme() {
      return msg('optTheme');
    },
    get themes() {
      return {
        system: msg('optThemeSystem'),
        light: msg('optThemeLight'),
        dark: msg('optThemeDark'),
      };
    },
    get language() {
      return msg('optLanguage');
    },
    get languageAuto() {
      return msg('optLanguageAuto');
    },
  },
  get sectionsLegend() {
    return msg('optSectionsLegend');
  },
  marks: {
    get legend() {
      return msg('optMarksLegend');
    },
    get label() {
      return msg('optMarksLabel');
    },
  },
  sites: {
    get legend() {
      return msg('optSitesLegend');
    },
    get everywhere() {
      return msg('optSitesEverywhere');
    },
    get listed() {
      return msg('optSitesListed');
    },
    get onlyLabel() {
      return msg('optSitesOnlyLabel');
    },
    get quietLabel() {
      return msg('optSitesQuietLabel');
    },
    rejected: (entries: string[]) => msg('optSitesRejected', entries.join(', ')),
  },
};

/** Strings of the page-side features ("Show in article", the mention marks and their card). */
export const pageStrings = {
  /** The side panel, when the page in its tab does not answer. */
  get pageUnreachable() {
    return msg('pageUnreachable');
  },
  get showInArticle() {
    return msg('showInArticle');
  },
  showInArticleLabel: (quote: string) => msg('showInArticleLabel', quote),
  get quoteShown() {
    return msg('quoteShown');
  },
  get quoteNotOnPage() {
    return msg('quoteNotOnPage');
  },
  get quoteGone() {
    return msg('quoteGone');
  },
  get marksToggle() {
    return msg('marksToggle');
  },
  get marksOn() {
    return msg('marksOn');
  },
  get marksOff() {
    return msg('marksOff');
  },
  marksBrowse: (count: number) => msg('marksBrowse', count),
  mentionKind: {
    get place() {
      return msg('mentionPlace');
    },
    get person() {
      return msg('mentionPerson');
    },
  },
  get openInBackstory() {
    return msg('openInBackstory');
  },
  get mentionTargetIdle() {
    return msg('mentionTargetIdle');
  },
  mentionTargetLabel: (name: string, index: number, count: number) =>
    msg('mentionTargetLabel', name, index, count),
  get mentionKeys() {
    return msg('mentionKeys');
  },
};

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
