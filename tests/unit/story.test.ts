// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { MessageOf, ToBackground } from '../../utils/messages';
import { createStory } from '../../utils/page/story';
import { DEFAULT_SETTINGS } from '../../utils/settings';
import { addressVerdict } from './helpers';

afterEach(() => document.body.replaceChildren());

function story() {
  const sent: MessageOf<ToBackground>[] = [];
  const controller = new AbortController();
  const made = createStory({
    doc: document,
    send: (message) => {
      sent.push(message);
      return Promise.resolve();
    },
    settings: () => Promise.resolve(DEFAULT_SETTINGS),
    signal: controller.signal,
  });
  const settle = () => new Promise((done) => setTimeout(done, 0));
  return { made, sent, settle, stop: () => controller.abort() };
}

describe('the story shows a verdict', () => {
  it('reports a verdict once, shows the launcher, and opens the article by itself', async () => {
    const { made, sent, settle, stop } = story();
    const verdict = addressVerdict('article', 'p');
    made.present(verdict);
    made.present({ ...verdict });
    await settle();
    expect(sent).toEqual([
      { type: 'verdict:report', verdict },
      { type: 'panel:open', auto: true },
    ]);
    expect(document.querySelector('backstory-launcher')).not.toBeNull();
    stop();
    expect(document.querySelector('backstory-launcher')).toBeNull();
  });

  it('reports no verdict unless the page had one (the story left it)', async () => {
    const { made, sent, settle } = story();
    made.present(null);
    await settle();
    expect(sent).toEqual([]);
    made.present(addressVerdict('related', 'p'));
    made.present(null);
    await settle();
    expect(sent.filter((message) => message.type === 'verdict:report')).toEqual([
      { type: 'verdict:report', verdict: addressVerdict('related', 'p') },
      { type: 'verdict:report', verdict: null },
    ]);
    expect(document.querySelector('backstory-launcher')).toBeNull();
  });
});
