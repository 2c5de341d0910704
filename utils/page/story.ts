/**
 * The story script's side of a page past the gate: the engine's verdict on the candidate packs,
 * and what a verdict shows (the report to the background, the launcher, the panel opening by
 * itself or drawn ahead). The script on every page carries none of this; the background injects
 * it (`entrypoints/story.content/`) only into a page the gate let through, and the two scripts,
 * which share the extension's isolated world, meet through `story-handoff.ts`.
 */
import type { MessageOf, ToBackground } from '../messages';
import { buildIndex } from '../recognition/compile';
import { recognize } from '../recognition/recognize';
import type { Verdict } from '../recognition/verdict';
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
  /** The reader's settings (read once the script starts). */
  settings: () => Promise<Settings>;
  /** Ends it: the launcher goes, no panel is drawn ahead any more. */
  signal: AbortSignal;
}

/** The story for one page. */
export function createStory({ doc, send, settings, signal }: StoryOptions): Story {
  const autoOpen = createAutoOpen();
  let current: Verdict | null = null;
  let launcher: Launcher | null = null;
  let shown: AbortController | null = null;
  // Where the reader wants the panel, as of the latest settings (the launcher reads it on a press).
  let panelIn: Settings['panelIn'] = 'page';
  signal.addEventListener('abort', () => launcher?.destroy());

  /** Shows `verdict` under the reader's settings `chosen`. */
  const show = (verdict: Verdict | null, chosen: Settings) => {
    panelIn = chosen.panelIn;
    if (JSON.stringify(verdict) === JSON.stringify(current)) return;
    current = verdict;
    shown?.abort();
    const own = (shown = new AbortController());
    launcher?.destroy();
    // The launcher opens the side panel where the reader chose it (in the press's gesture).
    const press = () =>
      void send(
        panelIn === 'side-panel' ? { type: 'panel:open', sidePanel: true } : { type: 'panel:open' },
      );
    launcher = verdict ? mountLauncher(doc, verdict.kind, press) : null;
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
  // In the order asked, each under the settings of its time: a site the reader made quiet (the
  // browser no longer starts Backstory there; a page open then) shows nothing.
  let queue = Promise.resolve();
  // The engine's last verdict, shown again when the settings change.
  let judged: Verdict | null = null;
  const present = (verdict: Verdict | null) => {
    judged = verdict;
    queue = queue
      .then(settings)
      .then((chosen) => show(isActiveOn(chosen, doc.location.hostname) ? verdict : null, chosen))
      .catch((error: unknown) => console.warn('Backstory:', error));
  };

  return {
    judge: (page, packs) => recognize(readPage(page), buildIndex(packs)),
    present,
    verdict: () => current,
    settingsChanged: () => present(judged),
  };
}
