import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import recognition from '../../data/generated/recognition.json';
import type { MessageOf, ToBackground } from '../../utils/messages';
import type { CompiledIndex } from '../../utils/recognition/compiled';
import { startRecognizer } from '../../utils/page/recognizer';

/** Runs on every http(s) page, top frame only: recognizes the story and shows the launcher. */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  allFrames: false,
  noScriptStartedPostMessage: true,
  main(ctx) {
    const send = (message: MessageOf<ToBackground>) =>
      browser.runtime.sendMessage(message).catch((error: unknown) => {
        // The extension was reloaded or updated under this page: nothing to tell any more.
        if (ctx.isValid) console.warn('Backstory:', error);
      });
    const recognizer = startRecognizer({
      doc: document,
      index: recognition as CompiledIndex,
      report: (verdict) => void send({ type: 'verdict:report', verdict }),
      openPanel: () => void send({ type: 'panel:open' }),
      signal: ctx.signal,
    });
    ctx.addEventListener(window, 'wxt:locationchange', () => recognizer.check());
  },
});
