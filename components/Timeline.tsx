import { formatDate, formatSpan } from '../utils/dates';
import type { Pack } from '../utils/packs/types';
import { strings } from '../utils/strings';
import { arrangeTimeline, type TimelineMonth } from '../utils/timeline';
import { Certainty } from './Certainty';
import { SourceLinks } from './SourceLinks';

export interface TimelineProps {
  pack: Pick<Pack, 'timeline' | 'timePhrases' | 'article'>;
}

/** The events around the story by month, split at the article's publication. */
export function Timeline({ pack }: TimelineProps) {
  const { before, after } = arrangeTimeline(pack);
  const { published } = pack.article;
  return (
    <div class="timeline">
      <h3 class="timeline-part">{strings.beforePublication}</h3>
      <Months months={before} />
      <p class="publication" role="note">
        <span class="publication-dot" aria-hidden="true" />
        {strings.publicationMarker}: {formatDate(published.date)}{' '}
        <Certainty certainty={published.certainty} />
        {published.note && <span class="publication-note">{published.note}</span>}
      </p>
      {after.length > 0 && (
        <>
          <h3 class="timeline-part">{strings.afterPublication}</h3>
          <Months months={after} />
        </>
      )}
    </div>
  );
}

function Months({ months }: { months: TimelineMonth[] }) {
  return (
    <>
      {months.map((month) => (
        <section class="month" key={month.key} aria-label={month.label}>
          <h4>{month.label}</h4>
          <ol>
            {month.entries.map(({ event, phrases }) => (
              <li key={event.id} class="event" id={`event-${event.id}`}>
                <time dateTime={event.date}>{formatSpan(event.date, event.endDate)}</time>{' '}
                <Certainty certainty={event.certainty} />
                <p class="event-title">{event.title}</p>
                {event.detail && <p>{event.detail}</p>}
                {phrases.length > 0 && (
                  <p class="phrases">
                    {phrases.map((phrase) => (
                      <span key={phrase.phrase + phrase.from} class="phrase">
                        {strings.phraseInArticle(phrase.phrase)}
                      </span>
                    ))}
                  </p>
                )}
                <p class="tags">
                  {event.tags.map((tag) => (
                    <span key={tag} class={`tag tag-${tag}`}>
                      {strings.tags[tag]}
                    </span>
                  ))}
                </p>
                <SourceLinks sources={event.sources} />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
