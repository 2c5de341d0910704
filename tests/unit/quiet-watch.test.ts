// @vitest-environment happy-dom
/**
 * A page the gate stops at its first look (most pages) gets only a quiet watch; the recognizer's
 * machinery starts at the page's first change, carrying on from that first look.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LOOKS, type Looks } from '../../utils/page/recognizer';
import { ARTICLE_COPY } from '../fixtures/hostile';
import { startTestRecognizer } from './recognizer-harness';

const looks = () => (globalThis as Record<symbol, Looks | undefined>)[LOOKS];
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));
const paragraph = (text: string) =>
  Object.assign(document.createElement('p'), { textContent: text });

afterEach(() => {
  document.body.replaceChildren();
  history.replaceState(null, '', '/');
});

describe('a page the gate stops', () => {
  it('is looked at once, then again when it changes, the looks counted on', async () => {
    document.body.replaceChildren(paragraph('A recipe for bread.'));
    const test = startTestRecognizer(document, 5);
    expect(looks()).toEqual({ count: 1, verdict: null });

    document.body.append(paragraph('Knead it for ten minutes.'));
    await vi.waitFor(() => expect(looks()?.count).toBe(2));
    expect(looks()?.verdict).toBeNull();
    expect(test.sent).toEqual([]);
    test.stop();
  });

  it('keeps what the first look found: a name there and one added make a suspect', async () => {
    document.body.replaceChildren(paragraph('Almaty was calm on Tuesday.'));
    const test = startTestRecognizer(document, 5);
    expect(test.sent).toEqual([]);

    document.body.append(paragraph('Lines formed at the border with Kazakhstan.'));
    await vi.waitFor(() =>
      expect(test.sent.some(({ type }) => type === 'page:suspect')).toBe(true),
    );
    expect(test.sent[0]).toMatchObject({ type: 'page:suspect', names: ['almaty', 'kazakhstan'] });
    test.stop();
  });

  it('finds the story that replaces its content later', async () => {
    document.body.replaceChildren(paragraph('Loading…'));
    const test = startTestRecognizer(document, 5);
    const parsed = new DOMParser().parseFromString(ARTICLE_COPY, 'text/html');
    document.body.replaceChildren(
      ...[...parsed.body.children].map((el) => document.importNode(el, true)),
    );
    await vi.waitFor(() => expect(test.reports().at(-1)).toMatchObject({ kind: 'version' }));
    test.stop();
  });

  it('looks again after a client-side navigation', async () => {
    document.body.replaceChildren(paragraph('A recipe for bread.'));
    const test = startTestRecognizer(document, 5);
    history.pushState(null, '', '/next');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.waitFor(() => expect(looks()?.count).toBe(2));
    test.stop();
  });

  it('looks no more once stopped before any change', async () => {
    document.body.replaceChildren(paragraph('A recipe for bread.'));
    const test = startTestRecognizer(document, 5);
    test.stop();
    document.body.append(paragraph('Knead it for ten minutes.'));
    window.dispatchEvent(new PopStateEvent('popstate'));
    await pause(50);
    expect(looks()).toEqual({ count: 1, verdict: null });
  });
});
