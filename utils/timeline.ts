/**
 * Arranging the timeline for the panel: events grouped by month and split at the article's
 * publication into what the reporter could know and what happened next, with the article's own
 * time phrases attached to the events they refer to.
 */
import { monthOf } from './dates';
import type { Pack, TimelineEvent, TimePhrase } from './packs/types';

/** One event with the article's phrases that point at it. */
export interface TimelineEntry {
  event: TimelineEvent;
  phrases: TimePhrase[];
}

/** A month of entries. */
export interface TimelineMonth {
  key: string;
  label: string;
  entries: TimelineEntry[];
}

/** The two parts of the timeline. */
export interface TimelineParts {
  before: TimelineMonth[];
  after: TimelineMonth[];
}

/**
 * Splits and groups the pack's timeline at the article's publication date. Events on that day go
 * before the split: the article reports them.
 */
export function arrangeTimeline(
  pack: Pick<Pack, 'timeline' | 'timePhrases' | 'article'>,
): TimelineParts {
  const published = pack.article.published.date;
  const entries = [...pack.timeline]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((event) => ({
      event,
      phrases: pack.timePhrases.filter((phrase) => phrase.events.includes(event.id)),
    }));
  return {
    before: groupByMonth(entries.filter((entry) => entry.event.date <= published)),
    after: groupByMonth(entries.filter((entry) => entry.event.date > published)),
  };
}

function groupByMonth(entries: TimelineEntry[]): TimelineMonth[] {
  const months: TimelineMonth[] = [];
  for (const entry of entries) {
    const { key, label } = monthOf(entry.event.date);
    let month = months.at(-1);
    if (month?.key !== key) months.push((month = { key, label, entries: [] }));
    month.entries.push(entry);
  }
  return months;
}
