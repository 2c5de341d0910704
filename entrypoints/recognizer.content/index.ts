import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { MessageOf, Result, ToBackground } from '../../utils/messages';
import { startRecognizer } from '../../utils/page/recognizer';
import { findStory } from '../../utils/page/story';
import type { PageGate } from '../../utils/recognition/gate';
import { isActiveOn, siteScopeOf } from '../../utils/site-scope';
import { GATE_KEY, SETTINGS_KEY } from '../../utils/storage-keys';

type SuspectReply = Result<ToBackground['page:suspect']['response']>;

/**
 * Runs on every http(s) page, top frame only, and carries only what decides whether the page
 * could carry a story: the page gate and the reader's choice of sites. A page the gate stops
 * (most pages) costs reading its text once, and sends nothing. Built against the browser's own
 * API, without the polyfill (see `wxt.config.ts`).
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: false,
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const send = <T>(message: MessageOf<ToBackground>) =>
      browser.runtime.sendMessage(message) as Promise<T>;
    const read = () => browser.storage.local.get([SETTINGS_KEY, GATE_KEY]);
    let stored = await read();
    if (!isGate(stored[GATE_KEY])) {
      // Just installed: the background writes the gate, once, at our asking.
      await send({ type: 'gate:missing' });
      stored = await read();
    }
    const gate = stored[GATE_KEY];
    if (!isGate(gate)) return;
    let scope = siteScopeOf(stored[SETTINGS_KEY]);
    let running: { check(): void; stop: AbortController } | null = null;

    // Stopped (the extension reloaded, or the page sent WXT's restart event): the launcher goes,
    // the verdict stays for the toolbar button.
    ctx.onInvalidated(() => findStory()?.withdraw());
    const start = () => {
      const stop = new AbortController();
      ctx.onInvalidated(() => stop.abort());
      const recognizer = startRecognizer({
        doc: document,
        gate,
        suspect: async ({ addresses, names }, loaded) => {
          const reply = await send<SuspectReply>({
            type: 'page:suspect',
            addresses,
            names,
            loaded,
          });
          return reply.ok ? reply.value.packs : [];
        },
        story: findStory,
        signal: stop.signal,
      });
      running = { check: recognizer.check, stop };
    };
    const apply = () => {
      const active = isActiveOn(scope, location.hostname);
      if (active && !running) start();
      if (!active && running) {
        // A site made quiet loses its launcher and badge at once.
        running.stop.abort();
        running = null;
        findStory()?.present(null);
      }
    };

    apply();
    ctx.addEventListener(window, 'wxt:locationchange', () => running?.check());
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !changes[SETTINGS_KEY]) return;
      scope = siteScopeOf(changes[SETTINGS_KEY].newValue);
      apply();
    };
    browser.storage.onChanged.addListener(onChanged);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onChanged));
  },
});

function isGate(value: unknown): value is PageGate {
  return typeof value === 'object' && value !== null && (value as PageGate).version === 4;
}
