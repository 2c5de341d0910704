/**
 * The script on every page and the story script wired together in one test document, with the
 * background's exact check done in memory: what reaches the background is recorded.
 */
import type { MessageOf, ToBackground } from '../../utils/messages';
import { startRecognizer, type Recognizer } from '../../utils/page/recognizer';
import { createStory, type Story } from '../../utils/page/story';
import { candidatesFor } from '../../utils/recognition/library';
import { THRESHOLDS } from '../../utils/recognition/recognize';
import type { Verdict } from '../../utils/recognition/verdict';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { realLibrary } from './helpers';

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
  let story: Story | null = null;
  const recognizer = startRecognizer({
    doc,
    gate,
    debounceMs,
    story: () => story,
    suspect: async (suspect, loaded) => {
      void send({ type: 'page:suspect', ...suspect, loaded });
      if (answerMs > 0) await new Promise((done) => setTimeout(done, answerMs));
      const packs = await candidatesFor(suspect, source, THRESHOLDS.relatedNames);
      // What the background's injection of the story script does.
      if (packs.length > 0 && !loaded) {
        story = createStory({
          doc,
          send,
          settings: () => Promise.resolve(DEFAULT_SETTINGS),
          signal: controller.signal,
        });
      }
      return packs;
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
    },
  };
}
