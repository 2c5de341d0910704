import { formatDate } from '../utils/dates';
import type { Update } from '../utils/packs/types';
import { strings } from '../utils/strings';
import { Certainty } from './Certainty';
import { EvidenceList } from './EvidenceList';
import { SourceLinks } from './SourceLinks';

export interface UpdateListProps {
  updates: readonly Update[];
}

/** What changed for a person or place after the article, each dated, sourced and evidenced. */
export function UpdateList({ updates }: UpdateListProps) {
  if (updates.length === 0) return null;
  return (
    <div class="updates">
      <span class="figure-label">{strings.sinceTheArticle}</span>
      <ul>
        {updates.map((update) => (
          <li key={`${update.date} ${update.text}`}>
            <p>
              <time class="update-date" dateTime={update.date}>
                {formatDate(update.date)}
              </time>
              : {update.text} <Certainty certainty={update.certainty} />
            </p>
            <SourceLinks sources={update.sources} />
            <EvidenceList evidence={update.evidence} />
          </li>
        ))}
      </ul>
    </div>
  );
}
