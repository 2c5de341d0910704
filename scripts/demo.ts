/**
 * `npm run demo`: builds Backstory, serves local copies of the article (at its NBC address), a copy
 * of it on another site, a Russian translation of its opening, related coverage in English,
 * German and Ukrainian and an unrelated page (the Russian and Ukrainian pages get the panel in
 * their language), runs Chromium with the extension (headless when
 * there is no display), prints what it recognized on each page and saves screenshots with the
 * panel open into `demo-output/`: each section, the timeline in use and what happened next (an
 * event's sources' words, a figure sources disagree on, a card's changes since the article), the bottom sheet and the page
 * pushed aside, in light and dark; on the article also a quote shown in it, a mention's card, and
 * the panel in the browser's side panel beside the article.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { evidenceText } from '../utils/strings';
import type { Evidence } from '../utils/recognition/verdict';
import { launchWithExtension } from './lib/chromium';
import { marksShots } from './lib/demo-marks';
import { sidePanelShots } from './lib/demo-side-panel';
import { startFixtureServer } from './lib/fixture-server';
import { panelDrawn } from './lib/panel-drawn';
import { panelIn, pressLauncher, waitForPanelFrame } from './lib/panel-frame';
import {
  layoutShots,
  sectionShots,
  sinceShots,
  timelineShots,
  untilDrawn,
} from './lib/panel-shots';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'demo-output');
const PAGES = [
  {
    name: 'article',
    label: 'The article at its NBC address',
    url: 'https://www.nbcnews.com/news/world/russians-flee-avoid-conscription-ukraine-kazakhstan-rcna52856',
    file: 'nbc-article.html',
  },
  {
    name: 'copy-elsewhere',
    label: 'A re-typeset copy on another site',
    url: 'https://world-digest.example/2022/10/russians-fled-draft',
    file: 'copy-elsewhere.html',
  },
  {
    name: 'translation-ru',
    label: 'A Russian translation of the article’s opening on another site: the panel in Russian',
    url: 'https://perevody-mira.example/nbc/2022/10/rossiyane-v-kazakhstane',
    file: 'version-translation-ru.html',
  },
  {
    name: 'related',
    label: 'Related coverage: Russians queueing at Upper Lars into Georgia',
    url: 'https://www.tbilisi-observer.example/news/2022/09/27/upper-lars-queue-mobilization',
    file: 'related-upper-lars-queue.html',
  },
  {
    name: 'related-de',
    label: 'Related coverage in German: Russians fleeing the Teilmobilmachung to Kazakhstan',
    url: 'https://www.nachrichten-ost.example/ausland/2022-09-28/russen-fliehen-nach-kasachstan',
    file: 'related-de-kasachstan.html',
  },
  {
    name: 'related-uk',
    label: 'Related coverage in Ukrainian: the panel in Ukrainian',
    url: 'https://visnyk.example.ua/svit/2022/10/04/rosiiany-tikaiut-vid-mobilizatsii',
    file: 'related-uk-vtecha.html',
  },
  {
    name: 'unrelated',
    label: 'An unrelated news page',
    url: 'https://riverside-courier.example/local/library-reopens',
    file: 'unrelated.html',
  },
];

if (!process.argv.includes('--no-build')) {
  console.log('Building Backstory…');
  const build = spawnSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
mkdirSync(OUT, { recursive: true });

const server = await startFixtureServer(
  PAGES.map((page) => ({
    url: page.url,
    html: readFileSync(join(ROOT, 'tests/fixtures/pages', page.file), 'utf8'),
  })),
);
const headless = !process.env.DISPLAY;
const shots: string[] = [];
try {
  for (const scheme of ['light', 'dark'] as const) {
    const browser = await launchWithExtension({
      hostResolverRules: server.hostResolverRules,
      headless,
      colorScheme: scheme,
      // Sharp crops of the map; page screenshots are still taken at CSS size.
      deviceScaleFactor: 2,
    });
    try {
      for (const entry of PAGES) {
        const page = await browser.context.newPage();
        await page.goto(server.localUrl(entry.url));
        const verdict = await browser.recognized(page);
        const { title } = await browser.actionState(page);
        if (scheme === 'light') {
          console.log(`\n${entry.label}\n  ${entry.url}\n  ${title}`);
          if (verdict) console.log(`  why: ${evidenceText(verdict.evidence as Evidence)}`);
        }
        if (verdict) {
          // With the default settings the panel opens by itself on the article and its versions.
          // Related coverage gets the launcher, and the panel drawn hidden while the page is
          // idle, so the launcher only shows it.
          const auto = verdict.kind !== 'related';
          if (!auto) {
            const frame = await waitForPanelFrame(page);
            await frame.waitForFunction(panelDrawn, undefined, { polling: 100 });
            // The launcher at the page's edge, before the reader presses it.
            if (entry.name === 'related' && scheme === 'light') {
              const launcherShot = join(OUT, 'related-launcher-light.png');
              await page.screenshot({ path: launcherShot, scale: 'css' });
              shots.push(launcherShot);
            }
            await pressLauncher(page);
          }
          const panel = await panelIn(page);
          if (scheme === 'light') {
            console.log(
              `  panel: ${auto ? 'opened by itself' : 'drawn ahead while the page was idle, shown by the launcher'}`,
            );
          }
          await panel.waitFor();
          await untilDrawn(page, panel);
          await page.waitForTimeout(150);
        } else {
          // A press of the toolbar button on a page with no verdict: the panel says so.
          await browser.clickToolbarButton(page);
          await (
            await panelIn(page)
          )
            .getByRole('heading', { name: 'Backstory has nothing for this page' })
            .waitFor();
          await page.waitForTimeout(300);
          const nothing = join(OUT, `nothing-${scheme}.png`);
          await page.screenshot({ path: nothing, scale: 'css' });
          shots.push(nothing);
          if (scheme === 'light')
            console.log('  toolbar press: "Backstory has nothing for this page"');
          await browser.clickToolbarButton(page);
          if (scheme === 'dark') {
            await page.close();
            continue;
          }
        }
        const file = join(OUT, `${entry.name}-${scheme}.png`);
        await page.screenshot({ path: file, scale: 'css' });
        shots.push(file);
        await page.close();
        if (verdict && entry.name === 'article') {
          const context = { browser, server, articleUrl: entry.url, scheme, out: OUT };
          shots.push(...(await sectionShots(context)));
          shots.push(...(await timelineShots(context)));
          shots.push(...(await sinceShots(context)));
          shots.push(...(await layoutShots(context)));
          shots.push(...(await marksShots(context)));
          shots.push(...(await sidePanelShots(context)));
          // Back to the reader's defaults for the next pages (the shots store their own).
          await browser.worker.evaluate(() => chrome.storage.local.remove('settings'));
        }
      }
      // The settings page, as the reader finds it in the browser's extension options.
      const options = await browser.context.newPage();
      await options.setViewportSize({ width: 900, height: 1200 });
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      await options.getByRole('heading', { name: 'Backstory settings' }).waitFor();
      const optionsShot = join(OUT, `options-${scheme}.png`);
      await options.screenshot({ path: optionsShot, scale: 'css', fullPage: true });
      shots.push(optionsShot);
      await options.close();
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}
console.log(`\nScreenshots (${shots.length}) in ${relative(process.cwd(), OUT) || '.'}/:`);
for (const shot of shots) console.log(`  ${relative(OUT, shot)}`);
