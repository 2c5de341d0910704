/**
 * Runs in the page (pass it to `page.evaluate` or `waitForFunction`, Playwright or puppeteer):
 * whether Backstory's panel is on the page with its content drawn in full, open or drawn hidden
 * ahead of the reader's press. Self-contained, as functions sent to a page must be.
 */
export function panelDrawnInPage(): boolean {
  const host = [...document.documentElement.children].find((element) =>
    element.localName.startsWith('backstory-panel'),
  );
  const root = host?.shadowRoot;
  return Boolean(
    root?.querySelector('.header .title') && !root.querySelector('[aria-busy="true"]'),
  );
}
