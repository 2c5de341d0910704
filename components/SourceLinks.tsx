import type { Source } from '../utils/packs/types';
import { strings } from '../utils/strings';

export interface SourceLinksProps {
  sources: readonly Source[];
}

/** The sources of a fact, as links that open in a new tab without telling the site where from. */
export function SourceLinks({ sources }: SourceLinksProps) {
  if (sources.length === 0) return null;
  return (
    <p class="sources">
      <span class="sources-label">{sources.length === 1 ? strings.source : strings.sources}:</span>{' '}
      {sources.map((source, i) => (
        <span key={source.id}>
          {i > 0 && ', '}
          <a href={source.url} target="_blank" rel="noopener noreferrer" title={source.title}>
            {source.publisher}
          </a>
        </span>
      ))}
    </p>
  );
}
