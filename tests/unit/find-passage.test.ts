import { describe, expect, it } from 'vitest';
import { tokenize } from '../../utils/recognition/normalize';
import { foldedWords, foldPieces } from '../../utils/page/folded-text';
import { findPassage } from '../../utils/page/find-passage';
import { rangeOf, readPageText } from '../../utils/page/page-text';
import { ARTICLE_URL, fixturePage, realPack } from './helpers';
import { loadDocument } from './page';

const piece = (text: string, breakBefore = false) => ({ text, breakBefore });

describe('foldPieces', () => {
  it.each([
    ['plain words', [piece('Almaty park')], ['almaty', 'park']],
    ['curly quotes and apostrophes', [piece('“Traitors” Putin’s')], ['traitors', 'putin', 's']],
    ['a soft hyphen inside a word', [piece('Musc\u00ADovite')], ['muscovite']],
    ['a zero-width space inside a word', [piece('Rus\u200Bsia')], ['russia']],
    ['a no-break space between words', [piece('Vladimir\u00A0Putin')], ['vladimir', 'putin']],
    ['a word split across pieces', [piece('Al'), piece('maty')], ['almaty']],
    ['a block boundary between pieces', [piece('home'), piece('They', true)], ['home', 'they']],
    ['a ligature', [piece('ﬁle')], ['file']],
    ['a decomposed accent', [piece('Cafe\u0301 open')], ['café', 'open']],
    ['full-width letters', [piece('ＡＢＣ')], ['abc']],
    ['Cyrillic case', [piece('КАЗАХСТАНА')], ['казахстана']],
    ['Greek final sigma', [piece('ΟΔΟΣ')], ['οδοσ']],
  ])('%s', (_name, pieces, words) => {
    expect(foldedWords(foldPieces(pieces)).map((w) => w.word)).toEqual(words);
  });

  it.each([
    ['a soft hyphen', 'neigh\u00ADboring', 'neighboring', 0, 12],
    ['curly quotes around a word', '“traitors”', 'traitors', 1, 9],
    ['a ligature that folds to three letters', 'oﬃce', 'office', 0, 4],
    ['a decomposed accent', 'Cafe\u0301', 'café', 0, 5],
  ])('maps %s back to the original offsets', (_name, text, word, start, end) => {
    const folded = foldPieces([piece(text)]);
    const [found] = foldedWords(folded);
    expect(found?.word).toBe(word);
    expect(folded.start[found!.from]).toBe(start);
    expect(folded.end[found!.to - 1]).toBe(end);
  });

  it('maps a word split across pieces to both pieces', () => {
    const folded = foldPieces([piece('Kazak'), piece('\u00ADhstan is')]);
    const [word] = foldedWords(folded);
    expect(word?.word).toBe('kazakhstan');
    expect([folded.piece[word!.from], folded.start[word!.from]]).toEqual([0, 0]);
    expect([folded.piece[word!.to - 1], folded.end[word!.to - 1]]).toEqual([1, 6]);
  });
});

function pageOf(body: string) {
  const doc = loadDocument(`<html><body>${body}</body></html>`, 'https://example.com/');
  return readPageText(doc.body);
}

describe('readPageText', () => {
  it.each([
    ['spans inside a word', '<p>Al<b>ma</b><i>ty</i> park</p>', ['almaty', 'park']],
    ['paragraphs', '<p>home</p><p>They</p>', ['home', 'they']],
    ['divs', '<div><span>go</span></div><div><span>home</span></div>', ['go', 'home']],
    ['line breaks', '<p>one<br>two</p>', ['one', 'two']],
    ['inline elements between words', '<p>a <a href="#">link</a> here</p>', ['a', 'link', 'here']],
    ['scripts and styles', '<p>seen</p><script>var x</script><style>p{}</style>', ['seen']],
    ['hidden elements', '<p>seen</p><p hidden>gone</p><p style="display:none">gone</p>', ['seen']],
    ['Backstory elements', '<p>seen</p><backstory-panel>gone</backstory-panel>', ['seen']],
  ])('reads %s', (_name, body, words) => {
    expect(pageOf(body).words.map((w) => w.word)).toEqual(words);
  });

  it('leaves out what the caller excludes', () => {
    const page = readPageText(
      loadDocument('<body><p>seen</p><nav><p>menu</p></nav></body>', 'https://a.example/').body,
      { exclude: (element) => element.localName === 'nav' },
    );
    expect(page.words.map((w) => w.word)).toEqual(['seen']);
  });
});

describe('findPassage', () => {
  it.each([
    ['straight quotes for curly', '<p>branded "traitors for Russia" by</p>', 'traitors for Russia'],
    [
      'a sentence split across spans',
      '<p><span>They don’t</span> <span>know what to do</span></p>',
      'They don’t know what to do',
    ],
    [
      'soft hyphens and no-break spaces',
      '<p>His mind&nbsp;is going to ex&shy;plode</p>',
      'His mind is going to explode',
    ],
    ['a zero-width space in a word', '<p>I love Rus&#8203;sia</p>', 'I love Russia'],
    [
      'a quote across paragraphs',
      '<p>now in Russia.</p><p>… It’s very hard</p>',
      'in Russia. … It’s very hard',
    ],
    ['a word split by markup', '<p>a <b>tram</b>poline</p>', 'trampoline'],
  ])('finds a quote with %s', (_name, body, quote) => {
    const page = pageOf(body);
    const match = findPassage(page, quote);
    expect(match).not.toBeNull();
    const range = rangeOf(page, match!.from, match!.to);
    expect(tokenize(range.toString())).toEqual(tokenize(quote));
  });

  it.each([
    ['words in another order', '<p>for Russia traitors</p>', 'traitors for Russia'],
    ['part of a word only', '<p>trampolines</p>', 'trampoline'],
    ['a quote in a hidden element', '<p hidden>traitors for Russia</p>', 'traitors for Russia'],
    ['an empty quote', '<p>text</p>', '“ ”'],
  ])('does not find %s', (_name, body, quote) => {
    expect(findPassage(pageOf(body), quote)).toBeNull();
  });

  const { pack } = realPack();
  const quotes = pack.people.flatMap((person) => person.quotes.map((quote) => quote.text));

  it.each([
    ['nbc-article.html', ARTICLE_URL],
    ['copy-elsewhere.html', 'https://world-digest.example/2022/10/russians-fled-draft'],
    ['version-reformatted-spans.html', 'https://syndicate-wire.example/feeds/world/x'],
  ])('finds every quote of the pack on %s, over the original text', (file, url) => {
    const page = readPageText(loadDocument(fixturePage(file), url).body);
    for (const quote of quotes) {
      const match = findPassage(page, quote);
      expect(match, quote).not.toBeNull();
      expect(tokenize(rangeOf(page, match!.from, match!.to).toString())).toEqual(tokenize(quote));
    }
  });
});

describe('readPageText on a very long page', () => {
  it('stops after maxChars of text', () => {
    const body = Array.from({ length: 50 }, (_, i) => `<p>word${i} filler text</p>`).join('');
    const page = readPageText(loadDocument(`<body>${body}</body>`, 'https://a.example/').body, {
      maxChars: 100,
    });
    const words = page.words.map((w) => w.word);
    expect(words[0]).toBe('word0');
    expect(words).not.toContain('word20');
    expect(page.nodes.length).toBeLessThan(10);
  });
});
