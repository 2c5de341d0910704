import { describe, expect, it } from 'vitest';
import { isSuspect } from '../../utils/recognition/gate';
import { LEAD_CHARS, LEAD_MIN_CHARS, leadText, screenDocument } from '../../utils/page/screen-page';
import { realLibrary } from './helpers';
import { loadDocument } from './page';

const { gate } = realLibrary();

/** Paragraphs of about `length` characters in all, of words that name no one. */
const filler = (length: number) =>
  `<p>${'the quiet road ran on past the farm. '.repeat(10)}</p>`.repeat(Math.ceil(length / 370));
const page = (body: string, head = '<title>A page</title>') =>
  loadDocument(
    `<!doctype html><html><head>${head}</head><body>${body}</body></html>`,
    'https://example.com/a',
  );
const suspect = (doc: Document) => isSuspect(screenDocument(doc, gate).found);

describe('the first look reads what a page says it is about', () => {
  it('finds the story in the headline and the first paragraphs of a long article', () => {
    const doc = page(
      `<article><h1>Fleeing Putin</h1><p>They crossed into Kazakhstan.</p>${filler(20_000)}</article>`,
    );
    expect(suspect(doc)).toBe(true);
    // A few thousand characters, however long the page.
    expect(leadText(doc)?.length).toBeLessThan(LEAD_CHARS + 2_000);
  });

  it('finds the story in the title and the description', () => {
    const doc = page(
      filler(3_000),
      '<title>Fleeing Putin</title><meta name="description" content="Lines at the border with Kazakhstan.">',
    );
    expect(suspect(doc)).toBe(true);
  });

  it('reads the article that holds the headline, not the paragraphs of a sidebar before it', () => {
    const doc = page(
      `<aside>${filler(LEAD_CHARS * 2)}</aside>` +
        `<article><h1>The border</h1><p>Men left Moscow for Almaty.</p>${filler(2_000)}</article>`,
    );
    expect(suspect(doc)).toBe(true);
  });

  it('does not read past the lead: names only deep in a long page leave it alone', () => {
    const doc = page(
      `<article><h1>Farming news</h1>${filler(LEAD_CHARS * 2)}<p>Putin and Kazakhstan.</p></article>`,
    );
    expect(suspect(doc)).toBe(false);
    // Read whole (as once a story script is in the page), the names are there.
    expect(isSuspect(screenDocument(doc, gate, true).found)).toBe(true);
  });

  it('reads a page whose text is not in paragraphs whole', () => {
    const doc = page(
      `<div>${'<div>the quiet road ran on.</div>'.repeat(200)}<div>Putin and Kazakhstan.</div></div>${filler(LEAD_MIN_CHARS / 2)}`,
    );
    expect(leadText(doc)).toBeNull();
    expect(suspect(doc)).toBe(true);
  });

  it('keeps the parts of the lead apart, so no two make a name together', () => {
    const doc = page(`<h1>Alm</h1><p>aty and Putin</p>${filler(LEAD_MIN_CHARS * 2)}`);
    expect(leadText(doc)).toContain('Alm\n');
    expect(screenDocument(doc, gate).found.names).not.toContain('almaty');
  });
});
