import { formatDate } from '../utils/dates';
import type { Evidence, Source } from '../utils/packs/types';
import { isLanguage } from '../utils/recognition/languages';
import { messageLanguage } from '../utils/i18n/messages';
import { languageName, strings } from '../utils/strings';
import { textFragmentUrl } from '../utils/text-fragment';

export interface EvidenceListProps {
  evidence: readonly Evidence[];
}

/**
 * "What the source says": the sources' own words for a claim, shown on demand (a native
 * disclosure, so it is reachable and operable from the keyboard and announced as expandable).
 * One quotation per source, marked with its language and linked to its words in the source.
 */
export function EvidenceList({ evidence }: EvidenceListProps) {
  if (evidence.length === 0) return null;
  const bySource = new Map<string, { source: Source; excerpts: string[] }>();
  for (const { source, excerpt } of evidence) {
    const entry = bySource.get(source.id) ?? { source, excerpts: [] };
    entry.excerpts.push(excerpt);
    bySource.set(source.id, entry);
  }
  return (
    <details class="evidence">
      <summary>{strings.whatTheSourceSays(bySource.size)}</summary>
      {[...bySource.values()].map(({ source, excerpts }) => {
        const lang = source.lang ?? 'en';
        const when = source.date ?? source.accessed;
        return (
          <figure class="excerpt" key={source.id}>
            <blockquote lang={lang} cite={source.url}>
              {excerpts.map((excerpt) => (
                <p key={excerpt}>{excerpt}</p>
              ))}
            </blockquote>
            <figcaption>
              <a
                href={textFragmentUrl(source.url, excerpts[0] ?? '')}
                target="_blank"
                rel="noopener noreferrer"
                title={source.title}
              >
                {source.publisher}
              </a>
              {when && `, ${formatDate(when)}`}
              {lang !== messageLanguage() &&
                isLanguage(lang) &&
                ` ${strings.excerptLanguage(languageName(lang))}`}
            </figcaption>
          </figure>
        );
      })}
    </details>
  );
}
