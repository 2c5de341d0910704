import { formatSpan } from '../utils/dates';
import { strings } from '../utils/strings';
import type { ArticlePhrase } from '../utils/timeline';
import { Certainty } from './Certainty';

export interface TimePhraseListProps {
  phrases: readonly ArticlePhrase[];
  /** The phrase whose events are highlighted, if any. */
  activeId: string | null;
  /** Shows a phrase's events in the timeline. */
  onShow: (phrase: ArticlePhrase) => void;
}

/**
 * The article's own time phrases ("last month", "on Wednesday") with the dates they mean. A phrase
 * tied to events is a button that shows them in the timeline below.
 */
export function TimePhraseList({ phrases, activeId, onShow }: TimePhraseListProps) {
  return (
    <ul class="phrase-list">
      {phrases.map((phrase) => (
        <li
          key={phrase.id}
          id={phrase.id}
          class={phrase.id === activeId ? 'phrase-item is-active' : 'phrase-item'}
        >
          <p class="phrase-head">
            {phrase.events.length > 0 ? (
              <button
                type="button"
                class="phrase-link"
                aria-current={phrase.id === activeId ? 'true' : undefined}
                aria-label={strings.showPhraseEvents(phrase.phrase, phrase.events.length)}
                onClick={() => onShow(phrase)}
              >
                “{phrase.phrase}”
                <span class="phrase-arrow" aria-hidden="true">
                  ↓
                </span>
              </button>
            ) : (
              <span class="phrase-text">“{phrase.phrase}”</span>
            )}{' '}
            <span class="phrase-date">{formatSpan(phrase.from, phrase.to)}</span>{' '}
            <Certainty certainty={phrase.certainty} />
          </p>
          <p class="phrase-meaning">{phrase.meaning}</p>
        </li>
      ))}
    </ul>
  );
}
