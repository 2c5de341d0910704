import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import packs from '../data/generated/packs.json';
import { startBackground } from '../utils/background/controller';
import type { Pack } from '../utils/packs/types';

export default defineBackground(() => {
  startBackground({ browser, packs: packs as Pack[] });
});
