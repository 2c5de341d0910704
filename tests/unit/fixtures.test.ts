import { describe, expect, it } from 'vitest';
import { readPage } from '../../utils/page/read-page';
import { recognizePage } from '../../utils/page/recognize-page';
import { recognize } from '../../utils/recognition/recognize';
import { FIXTURES, fixturePage, realPack } from './helpers';
import { loadDocument } from './page';

const { index } = realPack();

describe('fixture pages get their verdicts', () => {
  it.each(FIXTURES)('$file at $url → $expect ($why)', ({ file, url, expect: expected }) => {
    const doc = loadDocument(fixturePage(file), url);
    const verdict = recognize(readPage(doc), index);
    expect(verdict?.kind ?? null).toBe(expected);
  });
});

describe('fixture pages get the same verdicts through the name gate', () => {
  it.each(FIXTURES)('$file at $url → $expect', ({ file, url, expect: expected }) => {
    const doc = loadDocument(fixturePage(file), url);
    expect(recognizePage(doc, index).verdict?.kind ?? null).toBe(expected);
  });
});
