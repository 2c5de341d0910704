/**
 * Renders `assets/icon.svg` into the toolbar and store icons (`public/icon/<size>.png`) with
 * Debian's Chromium. Run it after changing the SVG: `npx tsx scripts/make-icons.ts`.
 */
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromiumPath } from './lib/chromium';

const ROOT = resolve(import.meta.dirname, '..');
const svg = readFileSync(join(ROOT, 'assets/icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const size of [16, 32, 48, 128]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
    );
    await page.screenshot({ path: join(ROOT, `public/icon/${size}.png`), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log('icons written to public/icon/');
