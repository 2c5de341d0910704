import { pageStrings } from '../utils/strings';

/** The mention marks as the panel shows them. */
export interface MarksState {
  enabled: boolean;
  /** How many mentions are marked on the page. */
  count: number;
  onToggle: () => void;
  /** Moves keyboard focus to the marks in the article. */
  onBrowse: () => void;
}

export interface MarksControlProps {
  marks: MarksState;
}

/** Turns the marks in the article on and off, and takes keyboard users to them. */
export function MarksControl({ marks }: MarksControlProps) {
  return (
    <div class="marks">
      <button
        type="button"
        class="marks-switch"
        role="switch"
        aria-checked={marks.enabled}
        onClick={marks.onToggle}
      >
        {pageStrings.marksToggle}
        <span class="marks-state" aria-hidden="true">
          {marks.enabled ? pageStrings.marksOn : pageStrings.marksOff}
        </span>
      </button>
      {marks.enabled && marks.count > 0 && (
        <button type="button" class="marks-browse" onClick={marks.onBrowse}>
          {pageStrings.marksBrowse(marks.count)}
        </button>
      )}
    </div>
  );
}
