/**
 * axe-core where Backstory's surfaces are, which is out of the page's reach: the panel in its
 * frame (the extension's page), the launcher and the marks in closed shadow roots, judged from
 * Backstory's own isolated world on the page (through the DevTools protocol), where the
 * extension can open them. The page's own world never sees any of it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';
import { inExtensionWorld, type PanelPage } from './fixtures';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export type { AxeResults };

/** The options of an axe run: every rule, or only `rules`. */
function runOptions(rules?: string[]) {
  return JSON.stringify(rules ? { runOnly: { type: 'rule', values: rules } } : {});
}

/**
 * Runs axe on the whole panel, in its frame. The rules about a page's own outline (one main
 * landmark, a first-level heading) are left out: the frame is a part of the page, a complementary
 * landmark, as the panel was in the page itself. axe judges contrast only for what is in view and
 * takes text scrolled out of the panel's top for covered, so the panel is judged from its top
 * unless `at` says where (its scroll position is given back after).
 */
export async function axePanel(reader: PanelPage, rules?: string[], at = 0): Promise<AxeResults> {
  const frame = await reader.panelFrame();
  return (await frame.evaluate(
    `(async () => {
      if (!window.axe) { ${AXE_SOURCE}\n }
      axe.configure({ rules: [{ id: 'landmark-one-main', enabled: false }, { id: 'page-has-heading-one', enabled: false }] });
      const scroller = document.querySelector('.panel');
      const before = scroller ? scroller.scrollTop : 0;
      if (scroller) scroller.scrollTop = ${at};
      try {
        return JSON.parse(JSON.stringify(await axe.run(document, ${runOptions(rules)})));
      } finally {
        if (scroller) scroller.scrollTop = before;
      }
    })()`,
  )) as AxeResults;
}

/**
 * Colour contrast over the whole panel, a screen at a time: axe judges it only for what is on
 * screen, and takes text clipped by a scrolling box for covered. For the run, the panel's page
 * scrolls as a whole (the panel's own scrolling box and its sticky bar are let go; no colour
 * changes), and axe runs at each screen; the results are put together.
 */
export async function axePanelSweep(reader: PanelPage): Promise<AxeResults> {
  const frame = await reader.panelFrame();
  return (await frame.evaluate(
    `(async () => {
      if (!window.axe) { ${AXE_SOURCE}\n }
      const style = document.createElement('style');
      style.textContent = 'html, body, .root, .panel { height: auto !important; overflow: visible !important; } .bar { position: static !important; }';
      document.head.append(style);
      const all = { passes: [], violations: [], incomplete: [], inapplicable: [] };
      try {
        const height = document.documentElement.scrollHeight;
        for (let top = 0; top < height; top += innerHeight) {
          scrollTo(0, top);
          // Only the text on this screen (axe would otherwise go through all of it every time).
          const onScreen = [...document.querySelectorAll('.panel *')].filter((element) => {
            const text = [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent.trim() !== '');
            if (!text) return false;
            const box = element.getBoundingClientRect();
            return box.bottom > 0 && box.top < innerHeight;
          });
          if (onScreen.length === 0) continue;
          const results = JSON.parse(JSON.stringify(await axe.run({ include: onScreen }, ${runOptions(['color-contrast'])})));
          for (const key of Object.keys(all)) all[key].push(...results[key]);
        }
      } finally {
        style.remove();
        scrollTo(0, 0);
      }
      return all;
    })()`,
  )) as AxeResults;
}

/**
 * Runs axe on Backstory's `tag` host on the page (`backstory-launcher`, `backstory-marks`) from
 * Backstory's isolated world, where `shadowRoot` is made to open its closed roots for axe (this
 * world only: the page's world and its prototypes are apart). The hosts live in `<html>`, outside
 * `<body>` (pages replace their body), but axe maps what is on screen from `document.body` only
 * (`createGrid` in axe-core), so they move into the body for the run and back after.
 */
export async function axeOnPage(page: Page, tag: string, rules?: string[]): Promise<AxeResults> {
  const move = (into: 'body' | 'html') =>
    page.evaluate((where) => {
      const parent = where === 'body' ? document.body : document.documentElement;
      for (const host of [...document.querySelectorAll('*')].filter((element) =>
        element.localName.startsWith('backstory-'),
      )) {
        parent.append(host);
      }
    }, into);
  await move('body');
  try {
    return await inExtensionWorld<AxeResults>(
      page,
      `(() => {
        if (!globalThis.axe) {
          ${AXE_SOURCE}
          Object.defineProperty(Element.prototype, 'shadowRoot', {
            configurable: true,
            get() { return chrome.dom.openOrClosedShadowRoot(this); },
          });
        }
        const hosts = [...document.querySelectorAll('*')].filter((e) => e.localName.startsWith(${JSON.stringify(tag)}));
        return axe.run({ include: hosts }, ${runOptions(rules)}).then((r) => JSON.parse(JSON.stringify(r)));
      })()`,
    );
  } finally {
    await move('html');
  }
}
