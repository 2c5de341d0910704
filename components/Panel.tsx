import { Component, type Ref } from 'preact';
import { formatDate } from '../utils/dates';
import type { PanelLanguage } from '../utils/i18n/language';
import type { Pack } from '../utils/packs/types';
import type { Verdict } from '../utils/recognition/verdict';
import { evidenceText, strings, verdictHeading } from '../utils/strings';
import { MarksControl, type MarksState } from './MarksControl';
import { NothingHere, type NothingPage } from './NothingHere';
import type { StoryEntry } from '../utils/packs/catalogue';
import { piecesDrawn } from '../utils/ui/draw-plan';
import { SECTIONS, type PanelActions, type SectionDefinition } from './sections';

/**
 * What the panel shows: loading, the background for a verdict, the stories Backstory knows on a
 * page it has nothing for, or why it cannot.
 */
export type PanelState =
  | { status: 'loading' }
  | { status: 'ready'; verdict: Verdict; pack: Pack; language?: PanelLanguage }
  | { status: 'nothing'; stories: StoryEntry[]; page: NothingPage }
  | { status: 'error'; message: string };

/** What the content script tells the panel about a page Backstory has nothing for. */
export interface NothingActions {
  host(): string;
  quiet(): boolean;
  openSettings(): void;
  /** Takes the page's site off the reader's quiet sites. */
  wake(): Promise<void>;
}

export type { NothingPage };

export interface PanelProps {
  state: PanelState;
  onClose: () => void;
  /** Scrolls the panel to a section. */
  onJump: (sectionId: string) => void;
  /** The element that takes focus when the panel opens. */
  focusRef?: Ref<HTMLHeadingElement>;
  /** Sections the reader turned off (`false`) are left out, from the jumps too. */
  sections?: Partial<Record<SectionDefinition['id'], boolean>>;
  /** What the sections can do on the page (show quotes). */
  actions?: PanelActions;
  /** The marks in the article, once they exist. */
  marks?: MarksState | null;
  /** Why the page's own features (Show in article, the marks) cannot work now, if so. */
  notice?: string | null;
  /**
   * The panel is a page of its own (the browser's side panel): its main landmark, with the
   * brand as the page's first-level heading. On a page it is a complementary landmark.
   */
  standalone?: boolean;
  /**
   * How many pieces of the shown sections are drawn (all when left out; see `sectionPieces`). The
   * controller draws the first with the data and one more after each frame, so no task of
   * opening the panel lays out more than a frame's worth.
   */
  drawn?: number;
}

/** The side panel: a complementary landmark named Backstory with a header and three sections. */
export function Panel({
  state,
  onClose,
  onJump,
  focusRef,
  sections = {},
  actions = {},
  marks,
  notice = null,
  standalone = false,
  drawn = Infinity,
}: PanelProps) {
  const brand = (
    <>
      <span class="mark" aria-hidden="true">
        B
      </span>
      {strings.brand}
    </>
  );
  const body = (
    <>
      <div class="bar">
        <span class="handle" aria-hidden="true" />
        {standalone ? (
          <h1 class="brand">{brand}</h1>
        ) : (
          <span class="brand" aria-hidden="true">
            {brand}
          </span>
        )}
        <button
          type="button"
          class="close"
          onClick={onClose}
          aria-label={strings.close}
          title={strings.close}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {notice && (
        <p class="status notice" role="status">
          {notice}
        </p>
      )}
      {state.status === 'loading' && <p class="status">{strings.loading}</p>}
      {state.status === 'error' && (
        <p class="status error" role="alert">
          {strings.loadError} {state.message}
        </p>
      )}
      {state.status === 'nothing' && (
        <NothingHere stories={state.stories} page={state.page} focusRef={focusRef} />
      )}
      {state.status === 'ready' && (
        <Content
          verdict={state.verdict}
          pack={state.pack}
          language={state.language}
          onJump={onJump}
          focusRef={focusRef}
          shown={SECTIONS.filter((section) => sections[section.id] !== false)}
          actions={actions}
          marks={marks}
          drawn={drawn}
        />
      )}
    </>
  );
  return standalone ? (
    <main class="panel" aria-label={strings.brand}>
      {body}
    </main>
  ) : (
    <aside class="panel" role="complementary" aria-label={strings.brand}>
      {body}
    </aside>
  );
}

function Content({
  verdict,
  pack,
  language,
  onJump,
  focusRef,
  shown,
  actions,
  marks,
  drawn,
}: {
  verdict: Verdict;
  pack: Pack;
  /** The panel's languages; the content is marked with its own where the controls differ. */
  language?: PanelLanguage | undefined;
  onJump: (sectionId: string) => void;
  focusRef?: Ref<HTMLHeadingElement> | undefined;
  shown: readonly SectionDefinition[];
  actions: PanelActions;
  marks?: MarksState | null | undefined;
  drawn: number;
}) {
  const { article } = pack;
  const drawnPieces = piecesDrawn(sectionPieces(shown, pack), drawn);
  // Controls in a language the content is not translated into: the content says which it is in.
  const contentLang = language && language.content !== language.ui ? language.content : undefined;
  return (
    <>
      <header class="header">
        <p class={`verdict verdict-${verdict.kind}`}>{verdictHeading(verdict.kind)}</p>
        <h2 class="title" tabIndex={-1} ref={focusRef} lang={contentLang}>
          {article.title}
        </h2>
        <p class="meta">
          {article.publisher} ·{' '}
          {strings.published(
            formatDate(article.published.date),
            article.published.certainty === 'confirmed',
          )}
        </p>
        <p class="reason">{evidenceText(verdict.evidence)}</p>
        {contentLang && <p class="content-language">{strings.contentInEnglish}</p>}
        {marks && <MarksControl marks={marks} />}
        {shown.length > 0 && (
          <nav aria-label={strings.sectionsNav} class="jump">
            {shown.map((section) => (
              <button type="button" key={section.id} onClick={() => onJump(section.id)}>
                {section.heading}
              </button>
            ))}
          </nav>
        )}
      </header>
      {shown.length === 0 && <p class="status">{strings.allSectionsOff}</p>}
      {shown.map((section, i) => {
        const pieces = drawnPieces[i] ?? 0;
        const whole = pieces >= (section.pieces?.(pack) ?? 1);
        return (
          <section
            class="section"
            id={`section-${section.id}`}
            key={section.id}
            aria-labelledby={`heading-${section.id}`}
            aria-busy={whole ? undefined : 'true'}
            lang={contentLang}
          >
            <h2 id={`heading-${section.id}`} lang={contentLang && language?.ui}>
              {section.heading}
            </h2>
            {pieces > 0 && (
              <SectionBody
                section={section}
                pack={pack}
                actions={actions}
                pieces={whole ? Infinity : pieces}
              />
            )}
          </section>
        );
      })}
      <footer class="panel-footer">
        <p>{strings.backgroundAsOf(formatDate(pack.reviewed))}</p>
      </footer>
    </>
  );
}

/** How many pieces each of `shown` is drawn in, for `pack`. */
export function sectionPieces(shown: readonly SectionDefinition[], pack: Pack): number[] {
  return shown.map((section) => section.pieces?.(pack) ?? 1);
}

interface SectionBodyProps {
  section: SectionDefinition;
  pack: Pack;
  actions: PanelActions;
  /** How many of its pieces to draw. */
  pieces: number;
}

/**
 * A section's content. Drawn again only when its pack or the page actions change, not when the
 * header does (the marks arriving, another section's piece drawn). A class for `shouldComponentUpdate`:
 * `memo` would bring in all of preact/compat.
 */
class SectionBody extends Component<SectionBodyProps> {
  override shouldComponentUpdate(next: SectionBodyProps): boolean {
    const { section, pack, actions, pieces } = this.props;
    return (
      next.section !== section ||
      next.pack !== pack ||
      next.actions !== actions ||
      next.pieces !== pieces
    );
  }

  override render() {
    const { section, pack, actions, pieces } = this.props;
    return section.count(pack) === 0 ? (
      <p class="empty">{strings.emptySection}</p>
    ) : (
      <>{section.render(pack, actions, pieces)}</>
    );
  }
}
