import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import gate from '#page-gate';
import type { MessageOf, Result, ToBackground } from '../../utils/messages';
import { startRecognizer } from '../../utils/page/recognizer';
import { findStory } from '../../utils/page/story-handoff';
import type { PageGate } from '../../utils/recognition/gate';

type SuspectReply = Result<ToBackground['page:suspect']['response']>;

/**
 * Runs on every http(s) page where the reader lets Backstory work (the background registers it
 * there: `utils/background/registration.ts`), top frame only, and carries only what decides
 * whether the page could carry a story: the page gate, compiled into it. A page the gate stops
 * (most pages) costs reading its text once and calls no extension API. Built against the
 * browser's own API, without the polyfill (see `wxt.config.ts`).
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  runAt: 'document_idle',
  allFrames: false,
  noScriptStartedPostMessage: true,
  main(ctx) {
    const stop = new AbortController();
    // Stopped (the extension reloaded, or the page sent WXT's restart event): the launcher goes,
    // the verdict stays for the toolbar button.
    ctx.onInvalidated(() => {
      stop.abort();
      findStory()?.withdraw();
    });
    const recognizer = startRecognizer({
      doc: document,
      gate: gate as PageGate,
      suspect: async ({ addresses, names }, loaded) => {
        const message: MessageOf<ToBackground> = { type: 'page:suspect', addresses, names, loaded };
        const reply = (await browser.runtime.sendMessage(message)) as SuspectReply;
        return reply.ok ? reply.value.packs : [];
      },
      story: findStory,
      signal: stop.signal,
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => recognizer.check());
  },
});
