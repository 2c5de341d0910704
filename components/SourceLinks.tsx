import type { Source } from '../utils/packs/types';
import { strings } from '../utils/strings';

export interface SourceLinksProps {
  sources: readonly Source[];
}

/** The sources of a fact, as links that open in a new tab without telling the site where from. */
export function SourceLinks({ sources }: SourceLinksProps) {
  if (sources.length === 0) return null;
  const publishers = sources.map((source) => source.publisher);
  // "Wikipedia, Wikipedia" says nothing: where a publisher repeats, name the page too.
  const label = (source: Source) =>
    publishers.indexOf(source.publisher) !== publishers.lastIndexOf(source.publisher)
      ? `${source.publisher}: ${source.title}`
      : source.publisher;
  return (
    <p class="sources">
      <span class="sources-label">{sources.length === 1 ? strings.source : strings.sources}:</span>{' '}
      {sources.map((source, i) => (
        <span key={source.id}>
          {i > 0 && ', '}
          <a href={source.url} target="_blank" rel="noopener noreferrer" title={source.title}>
            {label(source)}
          </a>
        </span>
      ))}
    </p>
  );
}
