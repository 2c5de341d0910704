import { browser } from 'wxt/browser';
import { render } from 'preact';
import { Options } from '../../components/Options';
import { packagedData, packagedReader } from '../../utils/background/packaged';
import { chooseLanguage } from '../../utils/i18n/language';
import { browserUiLanguage, ENGLISH_MESSAGES, setMessages } from '../../utils/i18n/messages';
import { loadSettings, saveSettings, watchSettings, type Settings } from '../../utils/settings';

/**
 * The options page: the settings form, kept in step with storage (another tab may change it), in
 * the reader's chosen language, else the browser's.
 */
async function main(root: HTMLElement): Promise<void> {
  const draw = async (settings: Settings) => {
    const { ui } = chooseLanguage(settings.language, null, browserUiLanguage());
    setMessages(ui, (ui === 'en' ? null : await messages(ui)) ?? ENGLISH_MESSAGES);
    document.documentElement.lang = ui;
    render(
      <Options
        settings={settings}
        onChange={async (change) => {
          await saveSettings(change);
        }}
      />,
      root,
    );
  };
  await draw(await loadSettings());
  watchSettings((settings) => void draw(settings));
}

/** A language's messages, from the extension's own files, as the background reads them. */
const { messages } = packagedData(packagedReader(browser));

const root = document.getElementById('app');
if (root) void main(root);
