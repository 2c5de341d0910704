import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { startBackground } from '../utils/background/controller';
import { packagedData, packagedReader } from '../utils/background/packaged';
import { loadSettings, watchSettings } from '../utils/settings';

export default defineBackground(() => {
  startBackground({
    browser,
    ...packagedData(packagedReader(browser)),
    settings: loadSettings,
    watchSettings: (onChange) => void watchSettings(onChange),
  });
});
