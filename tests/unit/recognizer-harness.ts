/**
 * The script on every page and the story script wired together in one test document, with the
 * background's exact check done in memory: what reaches the background is recorded.
 */
import type { MessageOf, ToBackground } from '../../utils/messages';
import { startRecognizer, type Recognizer } from '../../utils/page/recognizer';
import { createStory } from '../../utils/page/story';
import { findStory, provideStory, takeAnswer } from '../../utils/page/story-handoff';
import { candidatesFor } from '../../utils/recognition/library';
import { THRESHOLDS } from '../../utils/recognition/recognize';
import type { Verdict } from '../../utils/recognition/verdict';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { realLibrary } from './helpers';

/** Takes the story script out of this test world (it stays in a page's for good). */
function forgetStory(): void {
  (globalThis as Record<symbol, unknown>)[Symbol.for('backstory.story')] = undefined;
}

/** A running recognizer and what it sent. */
export interface TestRecognizer {
  recognizer: Recognizer;
  /** Every message to the background, in order (the page gate's suspects included). */
  sent: MessageOf<ToBackground>[];
  /** The verdicts reported so far. */
  reports(): (Verdict | null)[];
  stop(): void;
}

/**
 * Starts the recognizer on `doc` against the real pack; the background takes `answerMs` to answer
 * a suspect (as a worker that had to start would).
 */
export function startTestRecognizer(
  doc: Document,
  debounceMs: number,
  answerMs = 0,
): TestRecognizer {
  const { gate, source } = realLibrary();
  const controller = new AbortController();
  const sent: MessageOf<ToBackground>[] = [];
  const send = (message: MessageOf<ToBackground>) => {
    sent.push(message);
    return Promise.resolve();
  };
  forgetStory();
  const recognizer = startRecognizer({
    doc,
    gate,
    debounceMs,
    story: findStory,
    suspect: async (suspect, loaded) => {
      void send({ type: 'page:suspect', ...suspect, loaded });
      if (answerMs > 0) await new Promise((done) => setTimeout(done, answerMs));
      const packs = await candidatesFor(suspect, source, THRESHOLDS.relatedNames);
      // What the background's injection of the story script does: it ends after the answer.
      if (packs.length > 0 && !loaded) {
        setTimeout(() =>
          provideStory(
            createStory({
              doc,
              send,
              settings: () => Promise.reject(new Error('the page was told the settings')),
              signal: controller.signal,
            }),
          ),
        );
      }
      return takeAnswer({ packs, settings: DEFAULT_SETTINGS });
    },
  });
  return {
    recognizer,
    sent,
    reports: () =>
      sent.flatMap((message) => (message.type === 'verdict:report' ? [message.verdict] : [])),
    stop: () => {
      recognizer.stop();
      controller.abort();
      forgetStory();
    },
  };
}
