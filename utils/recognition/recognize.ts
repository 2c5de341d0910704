/**
 * The recognition engine: from what a page says (its address, canonical link and main text) to a
 * verdict for the best-matching pack, or null. DOM-free; the page side reads the page with
 * `utils/page/read-page.ts` and passes plain strings.
 *
 * Cost: one pass over the page's words with a hash look-up each. Only packs with several of their
 * words on the page are examined further, so pages that are not a story cost about the same
 * whether one pack or thousands are installed.
 */
import { readEntry, STEM_KEY, type CompiledIndex, type CompiledPack } from './compiled';
import { containment, sampledShingles } from './fingerprint';
import { declaredLanguage, type Language } from './languages';
import { tokenize } from './normalize';
import { PageWords } from './page-words';
import { alignSequence, anchorsOf, isTranslation } from './sequence';
import { addressHost, addressKey } from './url';
import type { Evidence, Verdict } from './verdict';
import { wordTables } from './word-tables';

/** What the engine needs to know about a page. */
export interface PageInput {
  /** The page's address. */
  address: string;
  /** The address in its `<link rel="canonical">` (or `og:url`), if any. */
  canonical: string | null;
  /** The page's main text (see `readMainText`). */
  text: string;
  /** The language the page declares (`<html lang>`), if any. */
  lang?: string | null;
}

/** The thresholds behind the verdicts; exported for the tests that probe their edges. */
export const THRESHOLDS = {
  /**
   * Distinct indexed words a pack needs on the page before it is examined at all, at least one of
   * them from a name: the story's people and places are what set it apart from other stories
   * that share its vocabulary.
   */
  candidateWords: 3,
  /** Share of the article's text that makes a page a version of it (a third of it, with edits). */
  versionShare: 0.25,
  /** Quotes and names that make a rewritten page a version. */
  versionQuotes: 3,
  versionNames: 5,
  /** Subject terms and names that make a page related coverage (with one core term). */
  relatedTerms: 4,
  relatedNames: 2,
  /**
   * A page that names this many of the story's people and places needs only
   * {@link THRESHOLDS.relatedTermsNamed} subject terms with its core term: a short report on one
   * of the story's events (the accession, the martial law) names its people and places more than
   * it repeats the subject's words. Five, not four: a report on Ukraine extending its own martial
   * law and mobilization names Putin, Ukraine, Donetsk and Luhansk in passing.
   */
  relatedManyNames: 5,
  relatedTermsNamed: 2,
} as const;

const RANK = { article: 3, version: 2, related: 1 } as const;

/** The verdict for a page against every pack in the index, or null when no pack fits. */
export function recognize(page: PageInput, index: CompiledIndex): Verdict | null {
  const byAddress = recognizeAddress(page, index);
  if (byAddress) return byAddress;

  const words = tokenize(page.text);
  const candidates = candidatePacks(words, index);
  if (candidates.length === 0) return null;

  const pageWords = new PageWords(words);
  // Fingerprinting the page is the costliest step: only for a candidate that names the story.
  let shingles: Set<number> | null = null;
  const pageShingles = () => (shingles ??= sampledShingles(words));
  let best: Verdict | null = null;
  for (const pack of candidates) {
    const verdict = judge(pack, pageWords, pageShingles, declaredLanguage(page.lang));
    if (verdict && (!best || RANK[verdict.kind] > RANK[best.kind])) best = verdict;
  }
  return best;
}

/** The `article` verdict when the page's address or canonical link is a pack's article's. */
export function recognizeAddress(
  page: Pick<PageInput, 'address' | 'canonical'>,
  index: CompiledIndex,
): Verdict | null {
  const tries = [
    ['address', page.address],
    ['canonical', page.canonical],
  ] as const;
  const hosts = indexedHosts(index);
  for (const [via, address] of tries) {
    if (!address) continue;
    // Most pages live on hosts with no indexed article: no need to parse their addresses.
    const host = addressHost(address, page.address);
    if (host === null || !hosts.has(host)) continue;
    const key = addressKey(address, page.address);
    const packs =
      key !== null && Object.hasOwn(index.addressIndex, key) ? index.addressIndex[key] : undefined;
    const pack = packs?.[0] !== undefined ? index.packs[packs[0]] : undefined;
    if (pack) return { kind: 'article', packId: pack.id, evidence: { kind: 'address', via } };
  }
  return null;
}

const hostSets = new WeakMap<CompiledIndex, Set<string>>();

/** The hosts of the indexed articles' addresses. */
function indexedHosts(index: CompiledIndex): Set<string> {
  let hosts = hostSets.get(index);
  if (!hosts) {
    hosts = new Set(Object.keys(index.addressIndex).map((key) => key.slice(0, key.indexOf('/'))));
    hostSets.set(index, hosts);
  }
  return hosts;
}

/** Packs with at least `candidateWords` distinct indexed words on the page, one of them a name's. */
function candidatePacks(words: readonly string[], index: CompiledIndex): CompiledPack[] {
  const hits = new Map<number, { words: Set<string>; named: boolean }>();
  const hit = (entry: number, word: string) => {
    const { position, isName } = readEntry(entry);
    let pack = hits.get(position);
    if (!pack) hits.set(position, (pack = { words: new Set(), named: false }));
    pack.words.add(word);
    pack.named ||= isName;
  };
  const { words: wordTable, stems, stemStarts } = wordTables(index);
  for (const word of words) {
    const entries = wordTable.get(word);
    if (entries) for (const entry of entries) hit(entry, word);
    // Most words cannot start a stem: one character-code test before any string is cut.
    if (word.length < STEM_KEY || !stemStarts.has(word.charCodeAt(0))) continue;
    for (const [stem, stemEntries] of stems.get(word.slice(0, STEM_KEY)) ?? []) {
      if (!word.startsWith(stem)) continue;
      for (const entry of stemEntries) hit(entry, `${stem}*`);
    }
  }
  const candidates: CompiledPack[] = [];
  for (const [position, { words: found, named }] of hits) {
    const pack = index.packs[position];
    if (pack && named && found.size >= THRESHOLDS.candidateWords) candidates.push(pack);
  }
  return candidates;
}

function judge(
  pack: CompiledPack,
  page: PageWords,
  pageShingles: () => ReadonlySet<number>,
  declared: Language | null,
): Verdict | null {
  const verdict = (kind: Verdict['kind'], evidence: Evidence): Verdict => ({
    kind,
    packId: pack.id,
    evidence,
  });
  const has = (term: string) => page.has(term);
  // Every verdict needs at least two of the story's people and places: a copy of even a third of
  // the article names more, and related coverage must name two. Pages that do not are done here,
  // before the page is fingerprinted.
  const named = pack.names.map((forms) => forms.some(has));
  const names = named.filter(Boolean).length;
  if (names < THRESHOLDS.relatedNames) return null;

  const share = containment(pack.shingles, pageShingles());
  if (share >= THRESHOLDS.versionShare) return verdict('version', { kind: 'text', share });

  const quotes = pack.quotes.filter(has).length;
  if (quotes >= THRESHOLDS.versionQuotes && names >= THRESHOLDS.versionNames) {
    return verdict('version', { kind: 'quotes', quotes, names });
  }

  // A translation keeps the article's names and numbers in its order (see `sequence.ts`).
  const run = alignSequence(pack.anchors, anchorsOf(page.words, pack.names));
  if (isTranslation(run)) {
    const lang = reportLanguage(pack, has, declared);
    return verdict('version', { kind: 'sequence', matched: run.matched, span: run.span, lang });
  }

  const terms = pack.topicTerms.filter(has).length;
  const core =
    pack.coreTerms.some(has) ||
    pack.coreNames.some((set) => set.names.filter((i) => named[i]).length >= set.atLeast);
  const termsNeeded =
    names >= THRESHOLDS.relatedManyNames ? THRESHOLDS.relatedTermsNamed : THRESHOLDS.relatedTerms;
  if (core && terms >= termsNeeded) {
    const lang = reportLanguage(pack, has, declared);
    return verdict('related', { kind: 'topic', terms, names, lang });
  }
  return null;
}

/**
 * The language a page reports in: the pack's language with the most of its subject and core terms
 * on the page, then the most of its own names of people and places (names travel: Finnish writes
 * "Putin" and "Donetsk" as English does); on a tie, the one the page declares, else the first
 * (the pack's own, English).
 */
function reportLanguage(
  pack: CompiledPack,
  has: (term: string) => boolean,
  declared: Language | null,
): Language {
  let best = { lang: declared ?? 'en', terms: 0, names: 0 };
  for (const { lang, terms, names } of pack.languages) {
    const found = { lang, terms: terms.filter(has).length, names: names.filter(has).length };
    const order = found.terms - best.terms || found.names - best.names;
    const any = found.terms + found.names > 0;
    if (order > 0 || (order === 0 && any && lang === declared)) best = found;
  }
  return best.lang;
}
