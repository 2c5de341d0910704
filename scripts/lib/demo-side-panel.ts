/// <reference types="chrome" />
/**
 * The demo's pictures of the browser's side panel: the article with Backstory in Chrome's side
 * panel beside it, the way a reader who chose "In the browser's side panel" sees it. The side
 * panel is its own page (see `side-panel.ts`); its picture and the article's are set side by
 * side as the browser lays them out.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPEN_BY_HAND } from './chromium';
import type { ShotContext } from './panel-shots';

/** The window: the page and Chrome's side panel at its usual width. */
const WINDOW = { width: 1280, height: 800 };
const SIDE_PANEL_WIDTH = 380;

/** Opens the article, presses the toolbar button and shoots the window with its side panel. */
export async function sidePanelShots(context: ShotContext): Promise<string[]> {
  const { browser, scheme, out } = context;
  await browser.storeSettings({ ...OPEN_BY_HAND, panelIn: 'side-panel' });
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: WINDOW.width - SIDE_PANEL_WIDTH, height: WINDOW.height });
  await page.goto(context.server.localUrl(context.articleUrl));
  await browser.recognized(page);
  await browser.clickToolbarButton(page);
  const panel = await browser.sidePanel();
  try {
    await panel.emulate({ width: SIDE_PANEL_WIDTH, height: WINDOW.height, colorScheme: scheme });
    // Drawn in full, and the page marked (the marks switch stops waiting).
    await panel.waitFor(
      `document.querySelector('main nav') && !document.querySelector('section[aria-busy="true"], [role="switch"][aria-disabled="true"]')`,
    );
    await page.mouse.move(10, 400);
    await page.waitForTimeout(300);
    const side = await panel.screenshot();
    const article = await page.screenshot({ scale: 'css' });
    // The two pictures side by side, as the window shows them.
    const frame = await browser.context.newPage();
    await frame.setViewportSize(WINDOW);
    const src = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;
    await frame.setContent(
      `<body style="margin:0;display:flex;background:#888">
        <img style="display:block" src="${src(article)}">
        <img style="display:block;width:${SIDE_PANEL_WIDTH}px;border-left:1px solid #999" src="${src(side)}">
      </body>`,
    );
    await frame.waitForFunction(() => [...document.images].every((image) => image.complete));
    const file = join(out, `side-panel-${scheme}.png`);
    writeFileSync(file, await frame.screenshot({ scale: 'css' }));
    await frame.close();
    return [file];
  } finally {
    await panel.detach();
    await page.close();
    await browser.worker.evaluate(() => chrome.storage.local.remove('settings'));
  }
}
