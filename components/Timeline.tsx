import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatDate } from '../utils/dates';
import type { Pack } from '../utils/packs/types';
import { strings } from '../utils/strings';
import {
  arrangeTimeline,
  articlePhrases,
  countEvents,
  filterTimeline,
  firstEvents,
  revealEvents,
  tagCounts,
  toggleTag,
  type ArticlePhrase,
  type TagFilter,
} from '../utils/timeline';
import { Certainty } from './Certainty';
import { TimelineFilter } from './TimelineFilter';
import { TimelineMonths } from './TimelineMonths';
import { TimePhraseList } from './TimePhraseList';

export interface TimelineProps {
  pack: Pick<Pack, 'timeline' | 'timePhrases' | 'article'>;
  /**
   * How many events to draw (all when left out): the panel draws them a few per frame as it
   * opens. The publication marker and what follows it wait until the events before it are drawn.
   */
  events?: number;
}

/** Where focus goes after the reader follows a link inside the timeline. */
type Target = { kind: 'events'; ids: readonly string[] } | { kind: 'phrase'; id: string };

/**
 * The events around the story by month, split at the article's publication; the article's own
 * time phrases, each linked to its events both ways; and a filter by topic with a live count.
 * Its only state is the reader's: the filter and the phrase followed last.
 */
export function Timeline({ pack, events = Infinity }: TimelineProps) {
  const parts = useMemo(() => arrangeTimeline(pack), [pack]);
  const phrases = useMemo(() => articlePhrases(pack), [pack]);
  const counts = useMemo(() => tagCounts(pack.timeline), [pack]);
  const [filter, setFilter] = useState<TagFilter>([]);
  const [active, setActive] = useState<ArticlePhrase | null>(null);
  // A new object per request, so following the same link twice moves focus twice.
  const [target, setTarget] = useState<Target | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const filtered = filterTimeline(parts, filter);
  const { shown, total } = filtered;
  const { before, after } = firstEvents(filtered, events);
  const beforeWhole = countEvents(before) === countEvents(filtered.before);
  const { published } = pack.article;

  useEffect(() => {
    if (!target || !root.current) return;
    const element =
      target.kind === 'events'
        ? root.current.querySelector<HTMLElement>(`[data-event="${target.ids[0]}"]`)
        : root.current.querySelector<HTMLElement>(`#${target.id} button`);
    // An instant scroll, like the section jumps. Events go to the top (below the sticky bar, by
    // their scroll-margin) so the phrase's later events follow in view; a phrase to the middle.
    element?.scrollIntoView?.({ block: target.kind === 'events' ? 'start' : 'center' });
    element?.focus({ preventScroll: true });
  }, [target]);

  const showPhrase = (phrase: ArticlePhrase) => {
    const events = pack.timeline.filter((event) => phrase.events.includes(event.id));
    setFilter((current) => revealEvents(current, events));
    setActive(phrase);
    setTarget({ kind: 'events', ids: phrase.events });
  };
  // One function for the panel's life, so events already drawn are not drawn again for it.
  const backToPhrase = useCallback((phrase: ArticlePhrase) => {
    setActive(phrase);
    setTarget({ kind: 'phrase', id: phrase.id });
  }, []);
  const linked = active?.events ?? [];

  return (
    <div class="timeline" ref={root}>
      <h3 class="timeline-part">{strings.timePhrases}</h3>
      <p class="timeline-intro">{strings.timePhrasesIntro}</p>
      <TimePhraseList phrases={phrases} activeId={active?.id ?? null} onShow={showPhrase} />
      <TimelineFilter
        counts={counts}
        filter={filter}
        shown={shown}
        total={total}
        onToggle={(tag) => setFilter((current) => toggleTag(current, tag))}
        onClear={() => setFilter([])}
      />
      <div class="timeline-before">
        <h3 class="timeline-part">{strings.beforePublication}</h3>
        <TimelineMonths
          months={before}
          linked={linked}
          activePhrase={active?.id ?? null}
          onPhrase={backToPhrase}
        />
      </div>
      {beforeWhole && (
        <p class="publication" role="note">
          <span class="publication-label">
            {strings.publicationMarker}: {formatDate(published.date)}{' '}
            <Certainty certainty={published.certainty} />
          </span>
          {published.note && <span class="publication-note">{published.note}</span>}
        </p>
      )}
      {beforeWhole && parts.after.length > 0 && (
        <div class="timeline-after">
          <h3 class="timeline-part">{strings.afterPublication}</h3>
          <TimelineMonths
            months={after}
            linked={linked}
            activePhrase={active?.id ?? null}
            onPhrase={backToPhrase}
          />
        </div>
      )}
    </div>
  );
}
