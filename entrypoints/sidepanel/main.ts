import { browser } from 'wxt/browser';
import { boundTab } from '../../utils/side-panel/follow';
import { startSidePanel } from '../../utils/side-panel/app';

// The browser's side panel (Chrome) or sidebar (Firefox): the panel beside the page.
const container = document.getElementById('app');
if (container) {
  void startSidePanel({ doc: document, browser, container, bound: boundTab(location.search) });
}
