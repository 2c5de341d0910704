import { strings } from '../utils/strings';
import type { TagFilter, TimelineTag } from '../utils/timeline';

export interface TimelineFilterProps {
  /** How many events carry each tag (only tags some event has). */
  counts: ReadonlyMap<TimelineTag, number>;
  filter: TagFilter;
  shown: number;
  total: number;
  onToggle: (tag: TimelineTag) => void;
  onClear: () => void;
}

/**
 * The timeline's filter by topic: one toggle button per tag (`aria-pressed`) in a fieldset, and a
 * live count of the events shown. No tag pressed shows every event.
 */
export function TimelineFilter({
  counts,
  filter,
  shown,
  total,
  onToggle,
  onClear,
}: TimelineFilterProps) {
  return (
    <fieldset class="filter">
      <legend>{strings.filterLegend}</legend>
      <div class="filter-tags">
        {[...counts].map(([tag, count]) => (
          <button
            type="button"
            key={tag}
            class={`filter-tag tag-${tag}`}
            aria-pressed={filter.includes(tag) ? 'true' : 'false'}
            onClick={() => onToggle(tag)}
          >
            <span class="filter-check" aria-hidden="true" />
            {strings.tags[tag]}
            <span class="filter-count" aria-hidden="true">
              {count}
            </span>
          </button>
        ))}
      </div>
      <div class="filter-status-row">
        <p class="filter-status" role="status">
          {strings.filterStatus(shown, total)}
        </p>
        {filter.length > 0 && (
          <button type="button" class="filter-clear" onClick={onClear}>
            {strings.showAllEvents}
          </button>
        )}
      </div>
    </fieldset>
  );
}
