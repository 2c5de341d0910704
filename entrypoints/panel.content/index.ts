import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import {
  isFromThisExtension,
  parseToPanel,
  type Result,
  type ToBackground,
} from '../../utils/messages';
import { createPanelController } from '../../utils/ui/panel-controller';
import css from './style.css?inline';

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
      css,
      loadData: () =>
        browser.runtime.sendMessage({ type: 'panel:data' }) as Promise<
          Result<ToBackground['panel:data']['response']>
        >,
    });
    const onMessage = (raw: unknown, sender: { id?: string }) => {
      const message = parseToPanel(raw);
      if (!message || !isFromThisExtension(sender, browser.runtime.id)) return undefined;
      if (message.type === 'panel:close') {
        panel.destroy();
        return Promise.resolve({ ok: true, value: { open: false } });
      }
      const open =
        message.type === 'panel:toggle' ? panel.toggle() : panel.show({ focus: message.focus });
      return Promise.resolve({ ok: true, value: { open } });
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => {
      browser.runtime.onMessage.removeListener(onMessage);
      panel.destroy();
    });
  },
});
