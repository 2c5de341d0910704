/**
 * The panel in the reader's language (issue 14): a Russian and a Ukrainian report get the panel in
 * their language, every control translated and the background too, and the launcher that opens it
 * speaks it too; the settings choose another;
 * in German, French and Spanish the controls are translated and the content says it is English;
 * no control's text overflows its box in any language, narrow or wide.
 */
import { axePanel } from './axe';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Messages } from '../../utils/i18n/messages';
import { ARTICLE_URL, FIXTURES, expect, setSettings, test, type PanelPage } from './fixtures';

const OPEN_BY_HAND = { autoOpen: { article: false, version: false, related: false } };
const LOCALES = join(import.meta.dirname, '../../public/_locales');
const messages = (lang: string) =>
  JSON.parse(readFileSync(join(LOCALES, lang, 'messages.json'), 'utf8')) as Messages;
const translation = (lang: string) =>
  (
    JSON.parse(
      readFileSync(
        join(
          import.meta.dirname,
          `../../data/packs/nbc-russians-kazakhstan-2022/translations/${lang}.json`,
        ),
        'utf8',
      ),
    ) as { strings: Record<string, string> }
  ).strings;
const urlOf = (file: string) => FIXTURES.find((entry) => entry.file === file)!.url;
const RUSSIAN_REPORT = urlOf('related-ru-relokanty.html');
const UKRAINIAN_REPORT = urlOf('related-uk-vtecha.html');

/** Opens the panel with its launcher and waits until every section is drawn. */
async function openPanel(reader: PanelPage): Promise<void> {
  await reader.launcher.click();
  await expect(reader.panelHost).toBeVisible();
  await expect((await reader.panel()).locator('section[aria-busy="true"]')).toHaveCount(0);
}

/**
 * English words of the controls left in the panel: every English message without placeholders
 * that the language says differently, found in the panel's visible text.
 */
async function englishLeft(reader: PanelPage, lang: string): Promise<string[]> {
  const english = messages('en');
  const own = messages(lang);
  // The panel's own words: without its links to sources (their titles are the sources' own) and
  // the article's quotes (English by design).
  const text = await (
    await reader.panel()
  ).evaluate((panel) => {
    const copy = panel.cloneNode(true) as HTMLElement;
    for (const own of copy.querySelectorAll('a, blockquote')) own.remove();
    return copy.textContent ?? '';
  });
  return Object.entries(english)
    .filter(([key, entry]) => !entry.placeholders && own[key]?.message !== entry.message)
    .map(([, entry]) => entry.message)
    .filter((words) => words.length >= 6 && text.includes(words));
}

test.beforeEach(async ({ extension }) => {
  await setSettings(extension, OPEN_BY_HAND);
});

for (const [lang, url] of [
  ['ru', RUSSIAN_REPORT],
  ['uk', UKRAINIAN_REPORT],
] as const) {
  test(`a ${lang === 'ru' ? 'Russian' : 'Ukrainian'} report gets the panel in its language, controls and background`, async ({
    openPage,
  }) => {
    const reader = await openPage(url);
    const words = messages(lang);
    // The launcher already speaks the language of the panel it opens.
    await reader.focusLauncher();
    expect(await reader.focused()).toBe(`button[${words.launcherRelated!.message}]`);
    await openPanel(reader);
    await expect(await reader.panel()).toHaveAttribute('aria-label', 'Backstory');
    for (const key of ['section_places', 'section_people', 'section_timeline'] as const)
      await expect(await reader.heading(words[key]!.message)).toBeVisible();
    expect(await englishLeft(reader, lang)).toEqual([]);
    // The background is translated: a place's card and an event say it in the language.
    const texts = translation(lang);
    await expect(
      (await reader.panel()).getByRole('heading', {
        name: texts['places.almaty.name']!,
        exact: true,
      }),
    ).toBeAttached();
    await expect(await reader.panel()).toContainText(texts['timeline.mobilization-decree.title']!);
    // The article's quotes stay in English, with their translation beside them, marked as one.
    const quote = (await reader.panel()).locator('blockquote[lang="en"]').first();
    await expect(quote).toBeAttached();
    await expect((await reader.panel()).locator('.quote-translation').first()).toContainText(
      words.quoteTranslation!.message,
    );
    // The panel says which language it speaks.
    expect(
      await (
        await reader.panelFrame()
      ).evaluate(() => document.querySelector('.root')?.getAttribute('lang') ?? null),
    ).toBe(lang);
  });
}

for (const [lang, url] of [
  ['ru', RUSSIAN_REPORT],
  ['uk', UKRAINIAN_REPORT],
] as const) {
  test(`axe finds nothing in the ${lang} panel, and the keyboard walks it`, async ({
    openPage,
  }) => {
    const reader = await openPage(url);
    await openPanel(reader);
    const results = await axePanel(reader);
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
    // From the keyboard: the section jumps are reached with Tab and move focus to their section.
    const people = messages(lang).section_people!.message;
    const jump = (await reader.panel())
      .getByRole('navigation')
      .getByRole('button', { name: people });
    for (let i = 0; i < 20 && !(await jump.evaluate((el) => el.matches(':focus'))); i++)
      await reader.page.keyboard.press('Tab');
    await expect(jump).toBeFocused();
    await reader.page.keyboard.press('Enter');
    await expect(await reader.heading(people)).toBeFocused();
  });
}

test('the settings choose the language: German controls, the content said to be English', async ({
  extension,
  openPage,
}) => {
  await setSettings(extension, { ...OPEN_BY_HAND, language: 'de' });
  const reader = await openPage(RUSSIAN_REPORT);
  await openPanel(reader);
  const words = messages('de');
  await expect(await reader.heading(words.section_places!.message)).toBeVisible();
  await expect(await reader.panel()).toContainText(words.contentInEnglish!.message);
  await expect(
    (await reader.panel()).getByRole('heading', { name: 'Almaty', exact: true }),
  ).toBeAttached();
});

test('no control’s text overflows or is clipped, in any language, at 360 and 1280 px', async ({
  extension,
  openPage,
}) => {
  test.slow();
  for (const language of ['en', 'ru', 'uk', 'de', 'fr', 'es'] as const) {
    await setSettings(extension, { ...OPEN_BY_HAND, language });
    const reader = await openPage(ARTICLE_URL);
    for (const width of [360, 1280]) {
      await reader.page.setViewportSize({ width, height: 800 });
      if (!(await (await reader.panel()).isVisible())) await openPanel(reader);
      // A control overflows when its text is wider than its box, or it reaches past the panel.
      const overflowing = await (
        await reader.panel()
      ).evaluate((panel) => {
        const box = panel.getBoundingClientRect();
        return (
          [...panel.querySelectorAll<HTMLElement>('button, summary, label, [role="switch"], a')]
            // The map's pins are dots with their names drawn beside them, not text in a box.
            .filter((el) => el.getClientRects().length > 0 && !el.closest('.map-pins'))
            .filter((el) => {
              const rect = el.getBoundingClientRect();
              const spills = el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1;
              return spills || rect.right > box.right + 1 || rect.left < box.left - 1;
            })
            .map((el) => `${el.localName}: ${el.textContent?.trim().slice(0, 40)}`)
        );
      });
      expect(overflowing, `${language} at ${width} px`).toEqual([]);
    }
    await reader.page.close();
  }
});
