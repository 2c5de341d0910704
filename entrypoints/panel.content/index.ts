import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import {
  isFromThisExtension,
  parseToPanel,
  type Result,
  type ToBackground,
} from '../../utils/messages';
import { loadSettings, watchSettings } from '../../utils/settings';
import { createPanelController } from '../../utils/ui/panel-controller';
import layoutCss from './layout.css?inline';
import css from './style.css?inline';
import timelineCss from './timeline.css?inline';

/**
 * The panel, injected by the background into a tab with a verdict when the reader first asks for
 * it (toolbar button, keyboard command or launcher), so pages without a story never load it.
 */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  main(ctx) {
    const panel = createPanelController({
      doc: document,
      // Later sheets win: the layout (side, sheet, push) overrides the base.
      css: [css, timelineCss, layoutCss].join('\n'),
      loadData: () =>
        browser.runtime.sendMessage({ type: 'panel:data' }) as Promise<
          Result<ToBackground['panel:data']['response']>
        >,
    });
    // The panel opens once the reader's settings are in, so it never flashes at the wrong side.
    const settingsApplied = loadSettings().then(panel.applySettings, (error: unknown) =>
      console.warn('Backstory: settings not read, using defaults', error),
    );
    const unwatchSettings = watchSettings(panel.applySettings);
    const onMessage = (raw: unknown, sender: { id?: string }) => {
      const message = parseToPanel(raw);
      if (!message || !isFromThisExtension(sender, browser.runtime.id)) return undefined;
      if (message.type === 'panel:close') {
        panel.destroy();
        return Promise.resolve({ ok: true, value: { open: false } });
      }
      return settingsApplied.then(() => {
        const open =
          message.type === 'panel:toggle' ? panel.toggle() : panel.show({ focus: message.focus });
        return { ok: true, value: { open } };
      });
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      unwatchSettings();
      panel.destroy();
    });
  },
});
