import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import recognition from '../../data/generated/recognition.json';
import type { MessageOf, ToBackground } from '../../utils/messages';
import { createAutoOpen } from '../../utils/page/auto-open';
import { startRecognizer, type Recognizer } from '../../utils/page/recognizer';
import type { CompiledIndex } from '../../utils/recognition/compiled';
import { isActiveOn, loadSettings, watchSettings, type Settings } from '../../utils/settings';
import { whenIdle, whenShown } from '../../utils/slices';

/** The latest the panel is drawn ahead of the press on a page that never goes idle, ms. */
const PREPARE_WITHIN_MS = 3000;

/**
 * Runs on every http(s) page, top frame only: recognizes the story, shows the launcher and opens
 * the panel by itself where the reader asked for that (elsewhere, has it drawn hidden once the
 * page is shown and idle). On sites the reader made quiet (or outside the sites they listed) it
 * stops before reading anything.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: false,
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const send = (message: MessageOf<ToBackground>) =>
      browser.runtime.sendMessage(message).catch((error: unknown) => {
        // The extension was reloaded or updated under this page: nothing to tell any more.
        if (ctx.isValid) console.warn('Backstory:', error);
      });
    let settings: Settings = await loadSettings();
    const autoOpen = createAutoOpen();
    let running: { recognizer: Recognizer; stop: AbortController } | null = null;

    const start = () => {
      const stop = new AbortController();
      ctx.onInvalidated(() => stop.abort());
      const recognizer = startRecognizer({
        doc: document,
        index: recognition as CompiledIndex,
        report: (verdict) => {
          const open = autoOpen(verdict, settings, location.href);
          // In order: the background opens a panel only for a tab whose verdict it has stored.
          void send({ type: 'verdict:report', verdict }).then(() => {
            if (open) void send({ type: 'panel:open', auto: true });
            // Not opening by itself: the panel is drawn hidden once the page is shown and idle,
            // so the reader's first press only shows it.
            else if (verdict) {
              const prepare = () => void send({ type: 'panel:prepare' });
              whenShown(
                document,
                () => whenIdle(prepare, { timeoutMs: PREPARE_WITHIN_MS, signal: stop.signal }),
                stop.signal,
              );
            }
          });
        },
        openPanel: () => void send({ type: 'panel:open' }),
        signal: stop.signal,
      });
      running = { recognizer, stop };
    };
    const apply = () => {
      const active = isActiveOn(settings, location.hostname);
      if (active && !running) start();
      if (!active && running) {
        running.stop.abort();
        running = null;
        void send({ type: 'verdict:report', verdict: null });
      }
    };

    apply();
    ctx.addEventListener(window, 'wxt:locationchange', () => running?.recognizer.check());
    const unwatch = watchSettings((next) => {
      settings = next;
      apply();
    });
    ctx.onInvalidated(unwatch);
  },
});
