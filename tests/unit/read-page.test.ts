import { describe, expect, it } from 'vitest';
import { canonicalAddress, readMainText } from '../../utils/page/read-page';
import { ARTICLE_URL, fixturePage } from './helpers';
import { loadDocument } from './page';

describe('readMainText', () => {
  const doc = loadDocument(fixturePage('nbc-article.html'), ARTICLE_URL);
  const text = readMainText(doc);

  it('reads the article body', () => {
    expect(text).toContain('The young Russians who fled their country for neighboring Kazakhstan');
    expect(text).toContain('“His mind is going to explode,” he said.');
  });

  it('leaves out navigation, the "most popular" box and the footer', () => {
    expect(text).not.toContain('Politics');
    expect(text).not.toContain('Storm system brings heavy snow');
    expect(text).not.toContain('Privacy policy');
  });

  it('falls back to the whole body when a page has no paragraphs', () => {
    const bare = loadDocument(
      `<html><body><div>${'Words in divs only. '.repeat(40)}</div><script>var x = 1;</script></body></html>`,
      'https://example.com/',
    );
    expect(readMainText(bare)).toContain('Words in divs only.');
  });
});

describe('canonicalAddress', () => {
  it.each([
    ['<link rel="canonical" href="https://a.example/x">', 'https://a.example/x'],
    ['<meta property="og:url" content="https://b.example/y">', 'https://b.example/y'],
    ['<title>none</title>', null],
    [
      '<meta property="og:url" content="https://b.example/y"><link rel="canonical" href="/x">',
      'https://example.com/x',
    ],
    [
      '<link rel="Canonical" href="https://a.example/x"><meta property="og:url" content="https://b.example/y">',
      'https://a.example/x',
    ],
  ])('%s → %s', (head, expected) => {
    const doc = loadDocument(
      `<html><head>${head}</head><body></body></html>`,
      'https://example.com/',
    );
    expect(canonicalAddress(doc)).toBe(expected);
  });
});

describe('text kept in scripts is not what the page says', () => {
  it('leaves out script, JSON data and style text in the fallback', () => {
    const doc = loadDocument(
      `<body><p>Loading…</p><script type="application/json">{"story":"Kazakhstan mobilization exodus"}</script>
       <style>.x{content:"Almaty"}</style><div>short note</div></body>`,
      'https://spa.example/',
    );
    const text = readMainText(doc);
    expect(text).toContain('short note');
    expect(text).not.toMatch(/Kazakhstan|Almaty/);
  });
});
