import { describe, expect, it } from 'vitest';
import { addressHost, addressKey } from '../../utils/recognition/url';

const ARTICLE =
  'https://www.nbcnews.com/news/world/russians-flee-avoid-conscription-ukraine-kazakhstan-rcna52856';

describe('addressKey', () => {
  it.each([
    [
      'another scheme',
      'http://www.nbcnews.com/news/world/russians-flee-avoid-conscription-ukraine-kazakhstan-rcna52856',
    ],
    [
      'no www',
      'https://nbcnews.com/news/world/russians-flee-avoid-conscription-ukraine-kazakhstan-rcna52856',
    ],
    [
      'tracking parameters',
      `${ARTICLE}?utm_source=twitter&utm_medium=social&fbclid=IwAR0x&cid=sm_npd`,
    ],
    ['a fragment', `${ARTICLE}#anchor-Dmitry`],
    ['a trailing slash', `${ARTICLE}/`],
    [
      'an AMP path',
      'https://www.nbcnews.com/news/world/amp/russians-flee-avoid-conscription-ukraine-kazakhstan-rcna52856',
    ],
    ['an amp parameter', `${ARTICLE}?amp=1`],
    ['an AMP ending', `${ARTICLE}.amp`],
    ['an AMP page ending in any case', `${ARTICLE}.AMP.html`],
    [
      'an upper-case host',
      'https://WWW.NBCNEWS.COM/news/world/russians-flee-avoid-conscription-ukraine-kazakhstan-rcna52856',
    ],
  ])('treats %s as the same address', (_name, address) => {
    expect(addressKey(address)).toBe(addressKey(ARTICLE));
  });

  it.each([
    ['another article', 'https://www.nbcnews.com/news/world/south-korea-martial-law-rcna182722'],
    [
      'another site with the same path',
      'https://example.com/news/world/russians-flee-avoid-conscription-ukraine-kazakhstan-rcna52856',
    ],
    ['a meaningful parameter', `${ARTICLE}?page=2`],
  ])('tells %s apart', (_name, address) => {
    expect(addressKey(address)).not.toBe(addressKey(ARTICLE));
  });

  it('resolves relative addresses against a base and rejects what is not http(s)', () => {
    expect(addressKey('/news/world/x', 'https://www.nbcnews.com/a')).toBe(
      'nbcnews.com/news/world/x',
    );
    expect(addressKey('chrome://extensions')).toBeNull();
    expect(addressKey('not a url')).toBeNull();
  });
});

describe('addressHost', () => {
  const base = 'https://www.example.org/a/b';
  const hostOfKey = (address: string) => addressKey(address, base)?.split('/')[0] ?? null;

  it.each([
    ARTICLE,
    'http://NBCNEWS.com:8080/x',
    'https://user:secret@www.nbcnews.com/x',
    'https://amp.nbcnews.com/x?y#z',
    'https://m.nbcnews.com',
    'https://www.nbcnews.com.',
    'https://www.nbc-news.co.uk?x=https://other.example/',
    'https://xn--bcher-kva.example/x',
    'https://www.nbcnews.com@evil.example/x',
    'HTTPS://WWW.NBCNEWS.COM/x',
    '  https://www.nbcnews.com/x  ',
    '//www.nbcnews.com/x',
    '/news/world/x',
    'story.html',
    '?page=2',
  ])('reads the host of %s as the address key has it', (address) => {
    expect(addressHost(address, base)).toBe(hostOfKey(address));
  });

  it.each(['https://bücher.example/x', 'https:\\\\www.nbcnews.com\\x'])(
    'reads the host of the unusual %s as the address key has it',
    (address) => {
      expect(addressHost(address, base)).toBe(hostOfKey(address));
    },
  );

  it.each(['ftp://www.nbcnews.com/x', 'https://www.nbcnews.com%2F/x', 'mailto:a@b.example'])(
    'finds no http(s) host in %s',
    (address) => {
      expect(addressHost(address, base)).toBeNull();
    },
  );
});
