import { formatSpan } from '../utils/dates';
import { strings } from '../utils/strings';
import type { ArticlePhrase, TimelineEntry, TimelineMonth } from '../utils/timeline';
import { CardBoundary } from './CardBoundary';
import { Certainty } from './Certainty';
import { EvidenceList } from './EvidenceList';
import { SourceLinks } from './SourceLinks';

export interface TimelineMonthsProps {
  months: readonly TimelineMonth[];
  /** Ids of the events highlighted from a time phrase, and that phrase's id. */
  linked: readonly string[];
  activePhrase: string | null;
  /** Goes back to a phrase in the list of the article's time phrases. */
  onPhrase: (phrase: ArticlePhrase) => void;
}

/** One part of the timeline: its months, each a list of dated, tagged and sourced events. */
export function TimelineMonths({ months, linked, activePhrase, onPhrase }: TimelineMonthsProps) {
  if (months.length === 0) return <p class="empty">{strings.noEventsInPart}</p>;
  return (
    <>
      {months.map((month) => (
        // A plain block, not a region: a landmark per month would be noise, and a month can
        // appear on both sides of the publication marker.
        <div class="month" key={month.key}>
          <h4>{month.label}</h4>
          <ol>
            {month.entries.map((entry) => {
              const linkedHere = linked.includes(entry.event.id);
              const active = entry.phrases.some((phrase) => phrase.id === activePhrase)
                ? activePhrase
                : null;
              // Drawn again only when what it shows changes: the panel adds events a few per
              // frame, and those already drawn need not be compared again.
              return (
                <CardBoundary
                  key={entry.event.id}
                  label={`event ${entry.event.id}`}
                  deps={[entry, linkedHere, active, onPhrase]}
                >
                  <EventItem
                    entry={entry}
                    linked={linkedHere}
                    activePhrase={active}
                    onPhrase={onPhrase}
                  />
                </CardBoundary>
              );
            })}
          </ol>
        </div>
      ))}
    </>
  );
}

/** One event: when, what, the article's phrases that mean it, its tags and sources. */
function EventItem({
  entry: { event, phrases },
  linked,
  activePhrase,
  onPhrase,
}: {
  entry: TimelineEntry;
  linked: boolean;
  activePhrase: string | null;
  onPhrase: (phrase: ArticlePhrase) => void;
}) {
  return (
    <li
      class={linked ? 'event is-linked' : 'event'}
      id={`event-${event.id}`}
      data-event={event.id}
      tabIndex={-1}
    >
      <p class="event-when">
        <time dateTime={event.date}>{formatSpan(event.date, event.endDate)}</time>{' '}
        <Certainty certainty={event.certainty} />
      </p>
      <p class="event-title">{event.title}</p>
      {event.detail && <p class="event-detail">{event.detail}</p>}
      {phrases.length > 0 && (
        <p class="phrases">
          {phrases.map((phrase) => (
            <button
              type="button"
              key={phrase.id}
              class={phrase.id === activePhrase ? 'phrase is-active' : 'phrase'}
              onClick={() => onPhrase(phrase)}
            >
              {strings.phraseInArticle(phrase.phrase)}
            </button>
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
      <EvidenceList evidence={event.evidence} />
    </li>
  );
}
