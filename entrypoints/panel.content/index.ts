import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import {
  isFromThisExtension,
  parseToPage,
  parseToPanel,
  type MarksReport,
  type MessageOf,
  type PageRequest,
  type PanelData,
  type Result,
  type ToBackground,
  type ToSidePanel,
} from '../../utils/messages';
import { ensureHighlightStyles } from '../../utils/page/highlights';
import { DEFAULT_SETTINGS, loadSettings, watchSettings } from '../../utils/settings';
import { strings } from '../../utils/strings';
import { afterNextFrame } from '../../utils/ui/after-frame';
import { markMentions, type MentionMarks } from '../../utils/ui/mention-marks';
import type { EntityRef } from '../../utils/ui/panel-controller';
import { createPanelFrame } from '../../utils/ui/panel-frame';
import { quotesOnPage } from '../../utils/ui/show-in-article';
import layoutCss from './layout.css?inline';
import marksCss from './marks.css?inline';

/**
 * The panel's page end, injected by the background into a tab with a verdict, so pages without a
 * story never load it: when the page is idle, to put the panel's frame on the page hidden ahead of
 * the reader's first press (which then only shows it), or when the reader or the settings open
 * it. On a page with no verdict only a press of the toolbar button (or the keyboard command)
 * injects it, and the panel says Backstory has nothing there.
 *
 * The panel itself is the extension's page in a frame (`utils/ui/panel-frame.ts`), out of the
 * page's reach. This script places the frame, finds and shows quotes, keeps the mention marks
 * (they start with the panel's first open) and tells the panel when a mark is pressed. It does the
 * same for the browser's side panel, where the reader chose it (the background injects it at the
 * side panel's first request).
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
    // The pack, for the marks: asked for once, and again while the page has no verdict yet.
    let data: Promise<Result<PanelData>> | null = null;
    const loadData = () =>
      (data ??= (
        browser.runtime.sendMessage({
          type: 'panel:data',
          lang: document.documentElement.lang,
        } satisfies MessageOf<ToBackground>) as Promise<Result<PanelData>>
      ).then((result) => {
        if (!result.ok || !result.value.verdict) data = null;
        return result;
      }));
    // The reader's settings as they are now (read at start, then watched).
    let settingsNow = DEFAULT_SETTINGS;
    const quotes = quotesOnPage(document);
    // The browser's side panel has asked this page something (it may be open whatever the
    // setting says): a pressed mark opens its card there.
    let sidePanelAsked = false;
    const inSidePanel = () => sidePanelAsked || settingsNow.panelIn === 'side-panel';
    /** Tells the panel (its frame here, or the browser's side panel showing this tab). */
    const tellPanel = (message: MessageOf<ToSidePanel>) =>
      void browser.runtime.sendMessage(message).catch(() => {
        // No panel is open to hear it.
      });
    const marksReport = (): MarksReport => ({
      enabled: marks?.isEnabled() ?? marksOn,
      count: marks ? marks.count() : null,
    });
    const frame = createPanelFrame({
      doc: document,
      css: layoutCss,
      src: browser.runtime.getURL('/sidepanel.html?in=page'),
      title: strings.brand,
      focusPanel: () => tellPanel({ type: 'side:focus' }),
      onHide: () => quotes.clear(),
    });
    const openEntity = (entity: EntityRef) => {
      if (!inSidePanel()) frame.show();
      tellPanel({ type: 'side:entity', ...entity });
    };
    const removeMarks = () => {
      marking?.abort();
      marking = null;
      marks?.destroy();
      marks = null;
      data = null;
    };
    /**
     * Marks the page once the panel is first opened, after a frame and in slices, so reading the
     * page never delays its drawing; the panel hears of them when they are made.
     */
    const startMarks = () => {
      if (marking) return;
      const { signal } = (marking = new AbortController());
      void loadData().then((result) => {
        if (!result.ok || !result.value.verdict || signal.aborted) return;
        const { pack } = result.value;
        const cancel = afterNextFrame(window, () => {
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
              tellPanel({ type: 'side:marks', ...marksReport() });
            },
            (error: unknown) => {
              if (!signal.aborted) console.warn('Backstory: the page was not marked', error);
            },
          );
        });
        signal.addEventListener('abort', cancel);
      });
    };
    // The panel opens once the reader's settings are in, so it never flashes at the wrong side.
    const settingsApplied = loadSettings().then(
      (settings) => {
        settingsNow = settings;
        frame.applySettings(settings);
        marksOn = settings.marks;
        // The page will be marked: its `::highlight` rules go in now, while restyling the page
        // for them is cheap, not after the panel is drawn.
        if (settings.marks) ensureHighlightStyles(document);
      },
      (error: unknown) => console.warn('Backstory: settings not read, using defaults', error),
    );
    // The reader's "marks" setting applies at once; the panel's switch changes this page only.
    const unwatchSettings = watchSettings((settings) => {
      settingsNow = settings;
      marksOn = settings.marks;
      marks?.setEnabled(settings.marks);
      if (marks) tellPanel({ type: 'side:marks', ...marksReport() });
      frame.applySettings(settings);
    });
    /** A request of the panel's frame on this page, or of the browser's side panel. */
    const onPageRequest = async (request: PageRequest): Promise<Result<unknown>> => {
      if (!request.frame) sidePanelAsked = true;
      // The page is marked once the reader has opened a panel: the frame drawn ahead of the
      // press asks for the quotes before that.
      const reads = ['page:quotes', 'page:quote', 'page:marks'].includes(request.type);
      if (reads && (!request.frame || frame.everOpened())) startMarks();
      switch (request.type) {
        case 'page:quotes': {
          const found = await quotes.locate(request.quotes, new AbortController().signal);
          return { ok: true, value: { found: [...found] } };
        }
        case 'page:quote':
          return { ok: true, value: { found: await quotes.show(request.quote) } };
        case 'page:clear':
          quotes.clear();
          return { ok: true, value: null };
        case 'page:marks':
          if (request.enabled !== undefined) marks?.setEnabled(request.enabled);
          if (request.browse) marks?.focusFirst();
          return { ok: true, value: marksReport() };
        case 'page:hide':
          frame.hide();
          return { ok: true, value: null };
        case 'page:ready':
          return { ok: true, value: { focus: frame.takeFocus(), host: location.hostname } };
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
        frame.destroy();
        return Promise.resolve({ ok: true, value: { open: false } });
      }
      return settingsApplied.then(() => {
        if (message.type === 'panel:prepare') frame.prepare();
        else if (message.type === 'panel:toggle') frame.toggle();
        else frame.show({ focus: message.focus });
        if (frame.isOpen()) startMarks();
        return { ok: true, value: { open: frame.isOpen() } };
      });
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      removeMarks();
      unwatchSettings();
      quotes.clear();
      frame.destroy();
    });
  },
});
