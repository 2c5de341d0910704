/**
 * The story script's side of a page past the gate: the engine's verdict on the candidate packs,
 * and what a verdict shows (the report to the background, the launcher, the panel opening by
 * itself or drawn ahead). The script on every page carries none of this; the background injects
 * it (`entrypoints/story.content/`) only into a page the gate let through, and the two scripts,
 * which share the extension's isolated world, meet through `story-handoff.ts`.
 */
import { chooseLanguage, pageLanguage } from '../i18n/language';
import { launcherWords, type LauncherWords } from '../i18n/launcher-words';
import { browserUiLanguage } from '../i18n/messages';
import type { MessageOf, ToBackground } from '../messages';
import { buildIndex } from '../recognition/compile';
import { recognize } from '../recognition/recognize';
import type { Verdict, VerdictKind } from '../recognition/verdict';
import { isActiveOn, type Settings } from '../settings';
import { whenIdle, whenShown } from '../slices';
import { mountLauncher, type Launcher } from '../ui/launcher';
import { createAutoOpen } from './auto-open';
import { readPage } from './read-page';
import type { Story } from './story-handoff';

export type { Story } from './story-handoff';

/** The latest the panel is drawn ahead of the press on a page that never goes idle, ms. */
const PREPARE_WITHIN_MS = 3000;

/** What a story needs from its surroundings. */
export interface StoryOptions {
  doc: Document;
  send: (message: MessageOf<ToBackground>) => Promise<unknown>;
  /**
   * The reader's settings, read from storage: used until the page is told them with the
   * background's answer (`Story.told`), and again once they change.
   */
  settings: () => Promise<Settings>;
  /** The browser's language tag ("en-US"; by default the browser's own). */
  browserLanguage?: string | null;
  /** Ends it: the launcher goes, no panel is drawn ahead any more. */
  signal: AbortSignal;
}

/** The story for one page. */
export function createStory({
  doc,
  send,
  settings,
  signal,
  browserLanguage = browserUiLanguage(),
}: StoryOptions): Story {
  const autoOpen = createAutoOpen();
  let current: Verdict | null = null;
  let launcher: Launcher | null = null;
  let shown: AbortController | null = null;
  // Where the reader wants the panel, as of the latest settings (the launcher reads it on a press).
  let panelIn: Settings['panelIn'] = 'page';
  signal.addEventListener('abort', () => launcher?.destroy());

  // The launcher opens the side panel where the reader chose it (in the press's gesture).
  const press = () =>
    void send(
      panelIn === 'side-panel' ? { type: 'panel:open', sidePanel: true } : { type: 'panel:open' },
    );
  // What the launcher says now: it is put up again when the panel's language changes.
  let launcherSays: LauncherWords | null = null;
  const putUpLauncher = (kind: VerdictKind, words: LauncherWords) => {
    launcher?.destroy();
    launcherSays = words;
    launcher = mountLauncher(doc, kind, words, press);
  };

  /** Shows `verdict` under the reader's settings `chosen`. */
  const show = (verdict: Verdict | null, chosen: Settings) => {
    panelIn = chosen.panelIn;
    // The launcher speaks the language the panel it opens will speak.
    const { ui } = chooseLanguage(
      chosen.language,
      pageLanguage(verdict, doc.documentElement.lang),
      browserLanguage,
    );
    const words = launcherWords(ui);
    if (JSON.stringify(verdict) === JSON.stringify(current)) {
      if (verdict && words !== launcherSays) putUpLauncher(verdict.kind, words);
      return;
    }
    current = verdict;
    shown?.abort();
    const own = (shown = new AbortController());
    launcher?.destroy();
    launcher = null;
    if (verdict) putUpLauncher(verdict.kind, words);
    // The browser's side panel cannot open by itself (only in a reader's gesture), and draws
    // itself: the launcher stays for the reader to press.
    const onThePage = chosen.panelIn === 'page';
    const open = onThePage && autoOpen(verdict, chosen, doc.location.href);
    // In order: the background opens a panel only for a tab whose verdict it has stored.
    void send({ type: 'verdict:report', verdict }).then(() => {
      if (own.signal.aborted || signal.aborted || !verdict) return;
      if (open) return void send({ type: 'panel:open', auto: true });
      if (!onThePage) return;
      // Not opening by itself: the panel is drawn hidden once the page is shown and idle, so the
      // reader's first press only shows it.
      const prepare = () => void send({ type: 'panel:prepare' });
      const stop = AbortSignal.any([signal, own.signal]);
      whenShown(doc, () => whenIdle(prepare, { timeoutMs: PREPARE_WITHIN_MS, signal: stop }), stop);
    });
  };
  // The settings the background answered the page with (`told`), until they change: the story
  // script's own read of storage often ends later than the answer.
  let answered: Settings | null = null;
  const settingsNow = () => (answered ? Promise.resolve(answered) : settings());
  // In the order asked, each under the settings of its time: a site the reader made quiet (the
  // browser no longer starts Backstory there; a page open then) shows nothing.
  let queue = Promise.resolve();
  // The engine's last verdict, shown again when the settings change.
  let judged: Verdict | null = null;
  const present = (verdict: Verdict | null) => {
    judged = verdict;
    queue = queue
      .then(settingsNow)
      .then((chosen) => show(isActiveOn(chosen, doc.location.hostname) ? verdict : null, chosen))
      .catch((error: unknown) => console.warn('Backstory:', error));
  };

  return {
    judge: (page, packs) => recognize(readPage(page), buildIndex(packs)),
    present,
    verdict: () => current,
    settingsChanged: () => {
      answered = null;
      present(judged);
    },
    told: (known) => {
      answered = known;
    },
  };
}
