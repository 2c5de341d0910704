/**
 * Checks of a pack against its article text and the source rules, beyond what the schema can
 * express: quotes must occur verbatim in the article, and every source must be a reputable
 * publisher (never a mirror or aggregator; see `data/README.md`).
 */
import { claimsOf, evidenceProblems } from './claims';
import type { PackProblem } from './load';
import type { PackInput } from './schema';

/**
 * Hosts whose pages a pack may cite: encyclopedias, established newsrooms, official sites.
 * A subdomain of a listed host is accepted too (`en.wikipedia.org`, `m.dw.com`).
 */
export const REPUTABLE_HOSTS = [
  'wikipedia.org',
  'levada.ru',
  'rferl.org',
  'meduza.io',
  'dw.com',
  'kyivindependent.com',
  'tass.com',
  'themoscowtimes.com',
  'novayagazeta.eu',
  'reuters.com',
  'theguardian.com',
  'bbc.co.uk',
  'bbc.com',
  'cnn.com',
  'apnews.com',
  'nytimes.com',
  'washingtonpost.com',
  'japantimes.co.jp',
  'kyivpost.com',
  'nbcnews.com',
  'interfax-russia.ru',
  'interfax.ru',
  'stat.gov.kz',
  'geostat.ge',
  'uralsk.gov.kz',
  'gov.kz',
  'kremlin.ru',
  'un.org',
  'news.un.org',
  'astanatimes.com',
  'thenews.com.pk',
  'euromaidanpress.com',
  'babel.ua',
  'zona.media',
  'kt.kz',
  'channelnewsasia.com',
  'commondreams.org',
  'whqr.org',
  'geo.tv',
  'thenationalnews.com',
  'mfa.gov.kg',
  'kesq.com',
  // Added with the story's evidence to the present (issue 16): newsrooms, agencies, official and
  // academic sites whose pages the excerpts were copied from.
  'aljazeera.com',
  'pravda.com.ua',
  'radiosvoboda.org',
  'svoboda.org',
  'tass.ru',
  'interfax.com.ua',
  'ukranews.com',
  'independent.co.uk',
  'jpost.com',
  'hindustantimes.com',
  'ynetnews.com',
  'liga.net',
  'civil.ge',
  'jam-news.net',
  'err.ee',
  'rp.pl',
  'thejournal.ie',
  'thebarentsobserver.com',
  'kommersant.ru',
  'rbc.ru',
  'vedomosti.ru',
  'rtvi.com',
  'militarynews.ru',
  'ura.news',
  're-russia.net',
  'eui.eu',
  'encyclopediaofukraine.com',
  'ukrcensus.gov.ua',
  'unbi74.ru',
  'crimea-platform.org',
  'intermin.fi',
  'esteri.it',
  'diplomatie.gouv.fr',
  'trtworld.com',
  'people.cn',
  'armenpress.am',
  'scroll.in',
  '24tv.ua',
  'inform.kz',
  'trt.global',
  'aif.ru',
  'ft.com',
  'apa.az',
  'goodmorningamerica.com',
];

/** Problems with the pack's quotes and sources; empty when all is well. */
export function integrityProblems(pack: PackInput, articleText: string): PackProblem[] {
  const problems: PackProblem[] = [];
  pack.people.forEach((person, i) =>
    person.quotes.forEach((quote, j) => {
      if (!articleText.includes(quote.text))
        problems.push({
          path: `people[${i}].quotes[${j}].text`,
          message: `not found verbatim in ${pack.article.textFile}: "${quote.text}"`,
        });
    }),
  );
  pack.sources.forEach((source, i) => {
    const host = new URL(source.url).hostname.toLowerCase();
    const reputable = REPUTABLE_HOSTS.some(
      (allowed) => host === allowed || host.endsWith(`.${allowed}`),
    );
    if (!reputable)
      problems.push({
        path: `sources[${i}].url`,
        message: `"${host}" is not on the list of reputable publishers (utils/packs/integrity.ts)`,
      });
  });
  // Words quoted from the article itself are checked against its text.
  const article = pack.sources.find((source) => source.url === pack.article.url)?.id;
  const squeeze = (text: string) => text.replace(/\s+/g, ' ');
  const articleWords = squeeze(articleText);
  for (const { path, claim } of claimsOf(pack)) {
    (claim.evidence ?? []).forEach((evidence, i) => {
      if (evidence.source === article && !articleWords.includes(squeeze(evidence.excerpt)))
        problems.push({
          path: `${path}.evidence[${i}].excerpt`,
          message: `not found verbatim in ${pack.article.textFile}`,
        });
    });
  }
  problems.push(...evidenceProblems(pack));
  return problems;
}
