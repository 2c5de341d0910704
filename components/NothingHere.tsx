import type { Ref } from 'preact';
import { formatDate } from '../utils/dates';
import type { StoryEntry } from '../utils/packs/catalogue';
import { nothingStrings as words } from '../utils/strings';

/** The page a press found nothing on: its site, and what the reader can do there. */
export interface NothingPage {
  /** The page's host name ("example.com"), empty when it has none. */
  host: string;
  /** Whether the reader made Backstory quiet on this site. */
  quiet: boolean;
  /** Whether the reader has just turned Backstory back on here. */
  woken: boolean;
  onSettings: () => void;
  onWake: () => void;
}

export interface NothingHereProps {
  stories: readonly StoryEntry[];
  page: NothingPage;
  focusRef?: Ref<HTMLHeadingElement> | undefined;
}

/**
 * What a press of the toolbar button shows on a page Backstory has nothing for: that it has
 * nothing here (or that the reader made it quiet here, with the way back), the stories it knows,
 * each with its article's link and what its background covers, and the way to the settings.
 */
export function NothingHere({ stories, page, focusRef }: NothingHereProps) {
  return (
    <div class="nothing">
      <header class="header">
        <h2 class="title" tabIndex={-1} ref={focusRef}>
          {page.quiet ? words.quietTitle : words.title}
        </h2>
        {page.quiet ? (
          <>
            <p class="reason">{words.quiet(page.host)}</p>
            <p>
              <button type="button" class="action" onClick={page.onWake}>
                {words.wake(page.host)}
              </button>
            </p>
          </>
        ) : (
          <p class="reason">{words.why}</p>
        )}
        <p class="status-line" role="status">
          {page.woken ? words.woken(page.host) : ''}
        </p>
      </header>
      <section class="section" aria-labelledby="heading-stories">
        <h2 id="heading-stories">{words.storiesHeading(stories.length)}</h2>
        <ul class="stories">
          {stories.map((story) => (
            <li class="card" key={story.id}>
              <h3>
                <a href={story.url} target="_blank" rel="noopener noreferrer">
                  {story.title}
                </a>
              </h3>
              <p class="meta">
                {story.publisher} · {formatDate(story.published)}
              </p>
              <p>{words.covers(story.places, story.people, story.events)}</p>
              <p class="meta">{words.reviewed(formatDate(story.reviewed))}</p>
            </li>
          ))}
        </ul>
      </section>
      <footer class="panel-footer">
        <button type="button" class="action" onClick={page.onSettings}>
          {words.settings}
        </button>
      </footer>
    </div>
  );
}
