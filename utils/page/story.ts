/**
 * The story script's side of a page past the gate: the engine's verdict on the candidate packs,
 * and what a verdict shows (the report to the background, the launcher, the panel opening by
 * itself or drawn ahead). The script on every page carries none of this; the background injects
 * it (`entrypoints/story.content/`) only into a page the gate let through, and the two scripts,
 * which share the extension's isolated world, meet through {@link provideStory}/{@link findStory}.
 */
import type { MessageOf, ToBackground } from '../messages';
import { buildIndex } from '../recognition/compile';
import type { CompiledPack } from '../recognition/compiled';
import { recognize } from '../recognition/recognize';
import type { Verdict } from '../recognition/verdict';
import type { Settings } from '../settings';
import { whenIdle, whenShown } from '../slices';
import { mountLauncher, type Launcher } from '../ui/launcher';
import { createAutoOpen } from './auto-open';
import { readPage } from './read-page';

/** What the story script offers the script on every page. */
export interface Story {
  /** The page's verdict against the packs the background found it may carry. */
  judge(doc: Document, packs: readonly CompiledPack[]): Verdict | null;
  /** Shows a verdict (null: none). Nothing happens when it is the one already shown. */
  present(verdict: Verdict | null): void;
  /** The verdict shown now. */
  verdict(): Verdict | null;
  /**
   * Takes the launcher off the page and draws nothing ahead, keeping the verdict: the script on
   * every page was stopped (the page sent WXT's restart event), and the toolbar button still
   * brings the panel.
   */
  withdraw(): void;
}

// A key in the global registry: both scripts see the same symbol in their shared isolated world,
// which the page's own scripts cannot reach.
const STORY = Symbol.for('backstory.story');

/** Makes the story available to the script on every page. */
export function provideStory(story: Story): void {
  (globalThis as Record<symbol, unknown>)[STORY] = story;
}

/** The story script's offer, once the background has injected it; else null. */
export function findStory(): Story | null {
  return ((globalThis as Record<symbol, unknown>)[STORY] as Story | undefined) ?? null;
}

/** The latest the panel is drawn ahead of the press on a page that never goes idle, ms. */
const PREPARE_WITHIN_MS = 3000;

/** What a story needs from its surroundings. */
export interface StoryOptions {
  doc: Document;
  send: (message: MessageOf<ToBackground>) => Promise<unknown>;
  /** The reader's settings (read once the script starts). */
  settings: () => Promise<Pick<Settings, 'autoOpen'>>;
  /** Ends it: the launcher goes, no panel is drawn ahead any more. */
  signal: AbortSignal;
}

/** The story for one page. */
export function createStory({ doc, send, settings, signal }: StoryOptions): Story {
  const autoOpen = createAutoOpen();
  let current: Verdict | null = null;
  let launcher: Launcher | null = null;
  let shown: AbortController | null = null;
  signal.addEventListener('abort', () => launcher?.destroy());

  const present = (verdict: Verdict | null) => {
    if (JSON.stringify(verdict) === JSON.stringify(current)) return;
    current = verdict;
    shown?.abort();
    const own = (shown = new AbortController());
    launcher?.destroy();
    launcher = verdict
      ? mountLauncher(doc, verdict.kind, () => void send({ type: 'panel:open' }))
      : null;
    void settings().then(async (chosen) => {
      const open = autoOpen(verdict, chosen, doc.location.href);
      // In order: the background opens a panel only for a tab whose verdict it has stored.
      await send({ type: 'verdict:report', verdict });
      if (own.signal.aborted || signal.aborted || !verdict) return;
      if (open) return void send({ type: 'panel:open', auto: true });
      // Not opening by itself: the panel is drawn hidden once the page is shown and idle, so the
      // reader's first press only shows it.
      const prepare = () => void send({ type: 'panel:prepare' });
      const stop = AbortSignal.any([signal, own.signal]);
      whenShown(doc, () => whenIdle(prepare, { timeoutMs: PREPARE_WITHIN_MS, signal: stop }), stop);
    });
  };

  return {
    judge: (page, packs) => recognize(readPage(page), buildIndex(packs)),
    present,
    verdict: () => current,
    withdraw: () => {
      shown?.abort();
      launcher?.destroy();
      launcher = null;
    },
  };
}
