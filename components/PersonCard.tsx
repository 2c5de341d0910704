import type { Person } from '../utils/packs/types';
import { pageStrings, strings } from '../utils/strings';
import { EvidenceList } from './EvidenceList';
import { SourceLinks } from './SourceLinks';
import { UpdateList } from './UpdateList';

/** What the panel knows and can do about the article's quotes on the page being read. */
export interface QuoteActions {
  /** The quotes found on the page; null while the page has not been read. */
  onPage: ReadonlySet<string> | null;
  /** The quote last shown, and whether it was still on the page. */
  shown: { text: string; found: boolean } | null;
  /** Scrolls the page to the quote and highlights it. */
  onShow: (text: string) => void;
}

export interface PersonCardProps {
  person: Person;
  /** Quote actions on the page; without them the quotes are only listed. */
  quotes?: QuoteActions | undefined;
}

/** A person or organization: who they are, their part in these events, what they say here. */
export function PersonCard({ person, quotes }: PersonCardProps) {
  return (
    <article class="card" id={`person-${person.id}`} aria-labelledby={`person-${person.id}-name`}>
      <h3 id={`person-${person.id}-name`} tabIndex={-1}>
        {person.name}
      </h3>
      <p class="role">{person.role}</p>
      <p>{person.part}</p>
      {person.quotes.length > 0 && (
        <div class="quotes">
          <span class="figure-label">{strings.inThisArticle}</span>
          {person.quotes.map((quote) => (
            <div class="quote" key={quote.text}>
              <blockquote lang="en">“{quote.text}”</blockquote>
              {quote.translation && (
                <p class="quote-translation">
                  <span class="figure-label">{strings.quoteTranslation}:</span> {quote.translation}
                </p>
              )}
              {quotes && <QuoteOnPage text={quote.text} actions={quotes} />}
            </div>
          ))}
        </div>
      )}
      {person.unknown && (
        <p class="unknown">
          <strong>{strings.notKnown}:</strong> {person.unknown}
        </p>
      )}
      <UpdateList updates={person.updates} />
      <SourceLinks sources={person.sources} />
      <EvidenceList evidence={person.evidence} />
    </article>
  );
}

/** "Show in article" for a quote on the page, or why it cannot be shown. */
function QuoteOnPage({ text, actions }: { text: string; actions: QuoteActions }) {
  if (actions.onPage === null) return null;
  if (!actions.onPage.has(text)) return <p class="quote-missing">{pageStrings.quoteNotOnPage}</p>;
  const shown = actions.shown?.text === text ? actions.shown : null;
  return (
    <p class="quote-actions">
      <button
        type="button"
        class="show-quote"
        aria-label={pageStrings.showInArticleLabel(text)}
        onClick={() => actions.onShow(text)}
      >
        {pageStrings.showInArticle}
      </button>
      <span class="quote-status" role="status">
        {shown && (shown.found ? pageStrings.quoteShown : pageStrings.quoteGone)}
      </span>
    </p>
  );
}
