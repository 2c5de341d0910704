import { pageStrings } from '../utils/strings';

/** The mention marks as the panel shows them. */
export interface MarksState {
  enabled: boolean;
  /** How many mentions are marked on the page; null while the page is still being marked. */
  count: number | null;
  onToggle: () => void;
  /** Moves keyboard focus to the marks in the article. */
  onBrowse: () => void;
}

export interface MarksControlProps {
  marks: MarksState;
}

/**
 * Turns the marks in the article on and off, and takes keyboard users to them. It is shown from
 * the panel's first frame (the switch waits, disabled, while the page is being marked), so the
 * panel's content never moves down when the marks arrive.
 */
export function MarksControl({ marks }: MarksControlProps) {
  return (
    <div class="marks">
      <button
        type="button"
        class="marks-switch"
        role="switch"
        aria-checked={marks.enabled}
        aria-disabled={marks.count === null ? 'true' : undefined}
        onClick={marks.count === null ? undefined : marks.onToggle}
      >
        {pageStrings.marksToggle}
        <span class="marks-state" aria-hidden="true">
          {marks.enabled ? pageStrings.marksOn : pageStrings.marksOff}
        </span>
      </button>
      {marks.enabled && marks.count !== null && marks.count > 0 && (
        <button type="button" class="marks-browse" onClick={marks.onBrowse}>
          {pageStrings.marksBrowse(marks.count)}
        </button>
      )}
    </div>
  );
}
