import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import {
  isFromThisExtension,
  parseToPage,
  parseToPanel,
  type MarksReport,
  type MessageOf,
  type PanelData,
  type Result,
  type ToBackground,
  type ToPage,
  type ToSidePanel,
} from '../../utils/messages';
import { ensureHighlightStyles } from '../../utils/page/highlights';
import { DEFAULT_SETTINGS, loadSettings, wakeSite, watchSettings } from '../../utils/settings';
import { hostMatches } from '../../utils/site-scope';
import { markMentions, type MentionMarks } from '../../utils/ui/mention-marks';
import { createPanelController, type EntityRef } from '../../utils/ui/panel-controller';
import { quotesOnPage } from '../../utils/ui/show-in-article';
import layoutCss from './layout.css?inline';
import marksCss from './marks.css?inline';
import css from './style.css?inline';
import timelineCss from './timeline.css?inline';

/**
 * The panel, injected by the background into a tab with a verdict, so pages without a story never
 * load it: when the page is idle, to draw the panel hidden ahead of the reader's first press
 * (which then only shows it), or when the reader or the settings open it. On a page with no
 * verdict only a press of the toolbar button (or the keyboard command) injects it, and it says
 * Backstory has nothing there. The mention marks start with the first open: they appear once the
 * reader first opens Backstory on a page.
 *
 * Where the reader chose the browser's side panel, this script draws nothing: it is the page's
 * end of the side panel (the background injects it at the side panel's first request), finding
 * and showing quotes, keeping the marks, and telling the side panel when a mark is pressed.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  main(ctx) {
    let marks: MentionMarks | null = null;
    // The reader's "marks" setting (read before the panel first shows, then watched).
    let marksOn = true;
    // Stops marking the page when the panel is removed before the marks are made.
    let marking: AbortController | null = null;
    // The panel's data, asked for once per panel (a panel drawn ahead of the press and then
    // shown uses the same).
    let data: Promise<Result<PanelData>> | null = null;
    const ask = <M extends MessageOf<ToBackground>>(message: M) =>
      browser.runtime.sendMessage(message) as Promise<Result<unknown>>;
    // A page with no verdict yet (the side panel's first request may come before the page's
    // verdict) is asked again next time.
    const loadData = () =>
      (data ??= (
        ask({ type: 'panel:data', lang: document.documentElement.lang }) as Promise<
          Result<PanelData>
        >
      ).then((result) => {
        if (!result.ok || !result.value.verdict) data = null;
        return result;
      }));
    // The reader's settings as they are now (read at start, then watched).
    let settingsNow = DEFAULT_SETTINGS;
    const host = location.hostname;
    // The page's side of the browser's side panel (see `onPageRequest`).
    const sideQuotes = quotesOnPage(document);
    let sidePanelAsked = false;
    const inSidePanel = () => sidePanelAsked || settingsNow.panelIn === 'side-panel';
    const tellSidePanel = (message: MessageOf<ToSidePanel>) =>
      void browser.runtime.sendMessage(message).catch(() => {
        // No side panel is open to hear it.
      });
    const marksReport = (): MarksReport => ({
      enabled: marks?.isEnabled() ?? marksOn,
      count: marks ? marks.count() : null,
    });
    const openEntity = (entity: EntityRef) => {
      if (inSidePanel()) tellSidePanel({ type: 'side:entity', ...entity });
      else panel.showEntity(entity);
    };
    const removeMarks = () => {
      marking?.abort();
      marking = null;
      marks?.destroy();
      marks = null;
      data = null;
    };
    /**
     * Marks the page once the panel is first shown and drawn (`whenDrawn`), in slices, so reading
     * the page never delays it. A panel drawn ahead of the press marks nothing until the reader
     * opens it; for the side panel, the page is marked at its first request.
     */
    const startMarks = (whenDrawn = (work: () => void) => panel.whenDrawn(work)) => {
      if (marking) return;
      const { signal } = (marking = new AbortController());
      void loadData().then((result) => {
        if (!result.ok || !result.value.verdict || signal.aborted) return;
        const { pack } = result.value;
        const cancel = whenDrawn(() => {
          if (marks || signal.aborted) return;
          markMentions({
            doc: document,
            pack,
            css: marksCss,
            // The setting as it is now: it may have changed while the panel was drawing.
            marks: marksOn,
            onOpen: openEntity,
            signal,
          }).then(
            (made) => {
              if (signal.aborted) return made.destroy();
              made.setEnabled(marksOn); // in case the setting changed while the page was read
              marks = made;
              panel.refresh();
              if (sidePanelAsked) tellSidePanel({ type: 'side:marks', ...marksReport() });
            },
            (error: unknown) => {
              if (!signal.aborted) console.warn('Backstory: the page was not marked', error);
            },
          );
        });
        signal.addEventListener('abort', cancel);
      });
    };
    const panel = createPanelController({
      doc: document,
      // Later sheets win: the layout (side, sheet, push) overrides the base.
      css: [css, timelineCss, layoutCss].join('\n'),
      loadData,
      nothing: {
        host: () => host,
        quiet: () => hostMatches(host, settingsNow.quietSites),
        openSettings: () => void ask({ type: 'settings:open' }),
        wake: () => wakeSite(host),
      },
      marks: () => marks,
    });
    // The panel opens once the reader's settings are in, so it never flashes at the wrong side.
    const settingsApplied = loadSettings().then(
      (settings) => {
        settingsNow = settings;
        panel.applySettings(settings);
        marksOn = settings.marks;
        // The page will be marked: its `::highlight` rules go in now, while restyling the page
        // for them is cheap, not after the panel is drawn (a new page-level sheet restyles the
        // panel too).
        if (settings.marks) ensureHighlightStyles(document);
      },
      (error: unknown) => console.warn('Backstory: settings not read, using defaults', error),
    );
    // The reader's "marks" setting applies at once; the panel's switch changes this page only.
    const unwatchSettings = watchSettings((settings) => {
      settingsNow = settings;
      marksOn = settings.marks;
      marks?.setEnabled(settings.marks);
      panel.applySettings(settings);
    });
    /** A request of the side panel (through the background) to this page. */
    const onPageRequest = async (message: MessageOf<ToPage>): Promise<Result<unknown>> => {
      sidePanelAsked = true;
      if (message.type !== 'page:clear') {
        startMarks((work) => {
          work();
          return () => {};
        });
      }
      switch (message.type) {
        case 'page:quotes': {
          const found = await sideQuotes.locate(message.quotes, new AbortController().signal);
          return { ok: true, value: { found: [...found] } };
        }
        case 'page:quote':
          return { ok: true, value: { found: await sideQuotes.show(message.quote) } };
        case 'page:clear':
          sideQuotes.clear();
          return { ok: true, value: null };
        case 'page:marks':
          if (message.enabled !== undefined) marks?.setEnabled(message.enabled);
          if (message.browse) marks?.focusFirst();
          return { ok: true, value: marksReport() };
      }
    };
    const onMessage = (raw: unknown, sender: { id?: string }) => {
      if (!isFromThisExtension(sender, browser.runtime.id)) return undefined;
      const request = parseToPage(raw);
      if (request) return onPageRequest(request);
      const message = parseToPanel(raw);
      if (!message) return undefined;
      if (message.type === 'panel:close') {
        removeMarks();
        panel.destroy();
        return Promise.resolve({ ok: true, value: { open: false } });
      }
      return settingsApplied.then(() => {
        if (message.type === 'panel:prepare') panel.prepare();
        else if (message.type === 'panel:toggle') panel.toggle();
        else panel.show({ focus: message.focus });
        if (panel.isOpen()) startMarks();
        return { ok: true, value: { open: panel.isOpen() } };
      });
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      removeMarks();
      unwatchSettings();
      sideQuotes.clear();
      panel.destroy();
    });
  },
});
