import { describe, expect, it, vi } from 'vitest';
import { createMentionMarks, MARKS_TAG } from '../../utils/ui/mention-marks';
import { ARTICLE_URL, fixturePage, realPack } from './helpers';
import { loadDocument } from './page';

const { pack } = realPack();
const article = () => loadDocument(fixturePage('nbc-article.html'), ARTICLE_URL);

describe('createMentionMarks', () => {
  it('marks the article’s mentions with one focus target, and takes it all away when turned off', () => {
    const doc = article();
    const text = doc.body.textContent;
    // The marks' shadow root is closed: the test keeps the one Backstory made.
    const attach = vi.spyOn(doc.defaultView!.Element.prototype, 'attachShadow');
    const marks = createMentionMarks({ doc, pack, css: '', onOpen: vi.fn() });
    expect(marks.isEnabled()).toBe(true);
    expect(marks.count()).toBeGreaterThan(20);
    const host = doc.querySelector(MARKS_TAG);
    expect(host?.shadowRoot).toBeNull();
    const root = attach.mock.results[0]?.value as ShadowRoot;
    expect(root.host).toBe(host);
    expect(root.querySelectorAll('button.target')).toHaveLength(1);
    attach.mockRestore();
    expect(doc.body.textContent).toBe(text);

    marks.setEnabled(false);
    expect(marks.count()).toBe(0);
    expect(doc.querySelector(MARKS_TAG)).toBeNull();
    marks.setEnabled(true);
    expect(doc.querySelector(MARKS_TAG)).not.toBeNull();
    marks.destroy();
    expect(doc.querySelector(MARKS_TAG)).toBeNull();
  });

  it('adds nothing when the reader turned marks off', () => {
    const doc = article();
    const marks = createMentionMarks({ doc, pack, css: '', marks: false, onOpen: vi.fn() });
    expect(marks.isEnabled()).toBe(false);
    expect(marks.focusFirst()).toBe(false);
    expect(doc.querySelector(MARKS_TAG)).toBeNull();
  });

  it('adds nothing to a page that names none of the pack’s people and places', () => {
    const doc = loadDocument('<body><p>A library reopens.</p></body>', 'https://a.example/');
    const marks = createMentionMarks({ doc, pack, css: '', onOpen: vi.fn() });
    expect(marks.count()).toBe(0);
    expect(doc.querySelector(MARKS_TAG)).toBeNull();
  });
});
