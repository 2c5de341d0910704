import { describe, expect, it } from 'vitest';
import { readPage } from '../../utils/page/read-page';
import { recognize } from '../../utils/recognition/recognize';
import { FIXTURES, fixturePage, realLibrary, realPack, recognizeDocument } from './helpers';
import { loadDocument } from './page';

const { index } = realPack();

describe('fixture pages get their verdicts', () => {
  it.each(FIXTURES)('$file at $url → $expect ($why)', ({ file, url, expect: expected }) => {
    const doc = loadDocument(fixturePage(file), url);
    const verdict = recognize(readPage(doc), index);
    expect(verdict?.kind ?? null).toBe(expected);
    // Related coverage and translations name their language: the one the page declares here.
    if (verdict?.evidence.kind === 'topic' || verdict?.evidence.kind === 'sequence') {
      expect(verdict.evidence.lang).toBe(doc.documentElement.lang);
    }
  });
});

describe('fixture pages get the same verdicts through the page gate and the library', () => {
  const library = realLibrary();
  it.each(FIXTURES)('$file at $url → $expect', async ({ file, url, expect: expected }) => {
    const doc = loadDocument(fixturePage(file), url);
    const { suspect, verdict } = await recognizeDocument(doc, library);
    expect(verdict?.kind ?? null).toBe(expected);
    // A page with a verdict always gets past the gate.
    if (expected) expect(suspect).not.toBeNull();
  });
});
