import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import gate from '#page-gate';
import type { MessageOf, Result, ToBackground } from '../utils/messages';
import { startRecognizer } from '../utils/page/recognizer';
import { findStory, takeAnswer } from '../utils/page/story-handoff';
import type { PageGate } from '../utils/recognition/gate';

type SuspectReply = Result<ToBackground['page:suspect']['response']>;

/** The part of the extension API this script uses, as both browsers give it natively. */
interface Runtime {
  id?: string;
  sendMessage(message: unknown): Promise<unknown>;
}

/**
 * Runs on every http(s) page where the reader lets Backstory work (the background registers it
 * there: `utils/background/registration.ts`), top frame only, and carries only what decides
 * whether the page could carry a story: the page gate, compiled into it. A page the gate stops
 * (most pages) costs reading its text once and touches no extension API: even reading
 * `chrome` costs a page about as much as reading its text (the browser builds the API's objects
 * on first use), so it is read only when the gate lets a page through. An unlisted script, not a
 * WXT content script: WXT's context (its events and location watcher) cost every page another
 * millisecond, and the story script, which owns what the reader sees, has its own.
 */
export default defineUnlistedScript(() => {
  const recognizer = startRecognizer({
    doc: document,
    gate: gate as PageGate,
    suspect: async ({ addresses, names }, loaded) => {
      const runtime = extensionRuntime();
      // The extension was reloaded or removed under this page: this copy has nothing to ask.
      if (!runtime?.id) {
        // (Later: the first look asks before `startRecognizer` has returned.)
        queueMicrotask(() => recognizer.stop());
        return [];
      }
      const message: MessageOf<ToBackground> = { type: 'page:suspect', addresses, names, loaded };
      const reply = (await runtime.sendMessage(message)) as SuspectReply;
      return reply.ok ? takeAnswer(reply.value) : [];
    },
    story: findStory,
  });
});

/** Firefox's `browser.runtime`, else Chromium's `chrome.runtime` (both promise-based). */
function extensionRuntime(): Runtime | undefined {
  const api = globalThis as { browser?: { runtime?: Runtime }; chrome?: { runtime?: Runtime } };
  return api.browser?.runtime?.id ? api.browser.runtime : api.chrome?.runtime;
}
