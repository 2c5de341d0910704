/**
 * Arranging the timeline for the panel: events grouped by month and split at the article's
 * publication into what the reporter could know and what happened next, the article's own time
 * phrases linked to the events they refer to, and the reader's filter by topic (tag). DOM-free.
 */
import { monthOf } from './dates';
import type { Pack, TimelineEvent, TimePhrase } from './packs/types';

/** A topic an event can be tagged with. */
export type TimelineTag = TimelineEvent['tags'][number];

/** Every tag, in the order the filter shows them. */
export const TIMELINE_TAGS: readonly TimelineTag[] = [
  'mobilization',
  'annexation',
  'exodus',
  'war',
];

/** One of the article's time phrases, with an id for its place in the panel. */
export interface ArticlePhrase extends TimePhrase {
  /** `phrase-<index in the pack>`: phrases repeat ("last month" twice), their ids do not. */
  id: string;
}

/** One event with the article's phrases that point at it. */
export interface TimelineEntry {
  event: TimelineEvent;
  phrases: ArticlePhrase[];
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

type TimelinePack = Pick<Pack, 'timeline' | 'timePhrases' | 'article'>;

/** The article's time phrases in pack order (the order the article uses them), each with an id. */
export function articlePhrases(pack: Pick<Pack, 'timePhrases'>): ArticlePhrase[] {
  return pack.timePhrases.map((phrase, index) => ({ ...phrase, id: `phrase-${index}` }));
}

/**
 * Splits and groups the pack's timeline at the article's publication date. Events on that day go
 * before the split: the article reports them.
 */
export function arrangeTimeline(pack: TimelinePack): TimelineParts {
  const published = pack.article.published.date;
  const phrases = articlePhrases(pack);
  const entries = [...pack.timeline]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((event) => ({
      event,
      phrases: phrases.filter((phrase) => phrase.events.includes(event.id)),
    }));
  return {
    before: groupByMonth(entries.filter((entry) => entry.event.date <= published)),
    after: groupByMonth(entries.filter((entry) => entry.event.date > published)),
  };
}

/**
 * The reader's filter: the tags picked. An empty filter shows every event; otherwise an event shows
 * when it has any picked tag.
 */
export type TagFilter = readonly TimelineTag[];

/** Whether an event passes the filter. */
export function matchesFilter(event: Pick<TimelineEvent, 'tags'>, filter: TagFilter): boolean {
  return filter.length === 0 || event.tags.some((tag) => filter.includes(tag));
}

/** The filter with `tag` picked or unpicked, tags kept in {@link TIMELINE_TAGS} order. */
export function toggleTag(filter: TagFilter, tag: TimelineTag): TagFilter {
  const picked = filter.includes(tag) ? filter.filter((t) => t !== tag) : [...filter, tag];
  return TIMELINE_TAGS.filter((t) => picked.includes(t));
}

/** The timeline with only the events that pass the filter; months left empty are dropped. */
export function filterTimeline(
  parts: TimelineParts,
  filter: TagFilter,
): TimelineParts & { shown: number; total: number } {
  const keep = (months: TimelineMonth[]) =>
    months
      .map((month) => ({
        ...month,
        entries: month.entries.filter((entry) => matchesFilter(entry.event, filter)),
      }))
      .filter((month) => month.entries.length > 0);
  const before = keep(parts.before);
  const after = keep(parts.after);
  return {
    before,
    after,
    shown: countEvents(before) + countEvents(after),
    total: countEvents(parts.before) + countEvents(parts.after),
  };
}

/** How many events carry each tag, for the filter's buttons (tags no event has are left out). */
export function tagCounts(
  events: readonly Pick<TimelineEvent, 'tags'>[],
): Map<TimelineTag, number> {
  const counts = new Map<TimelineTag, number>();
  for (const tag of TIMELINE_TAGS) {
    const count = events.filter((event) => event.tags.includes(tag)).length;
    if (count > 0) counts.set(tag, count);
  }
  return counts;
}

/**
 * The filter to use when the reader asks to see a phrase's events: unchanged when they all pass
 * it, otherwise cleared, so a link never points at a hidden event.
 */
export function revealEvents(
  filter: TagFilter,
  events: readonly Pick<TimelineEvent, 'tags'>[],
): TagFilter {
  return events.every((event) => matchesFilter(event, filter)) ? filter : [];
}

/** How many events the months hold. */
export function countEvents(months: readonly TimelineMonth[]): number {
  return months.reduce((sum, month) => sum + month.entries.length, 0);
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

/**
 * The first `count` events of the timeline's parts in order (before the publication, then after),
 * still by month: a month cut short keeps its first events. The panel draws the timeline a few
 * events per frame as it opens.
 */
export function firstEvents(parts: TimelineParts, count: number): TimelineParts {
  let left = count;
  const take = (months: readonly TimelineMonth[]) =>
    months.flatMap((month) => {
      if (left <= 0) return [];
      const entries = month.entries.slice(0, left);
      left -= entries.length;
      return [entries.length === month.entries.length ? month : { ...month, entries }];
    });
  const before = take(parts.before);
  return { before, after: take(parts.after) };
}
