/**
 * Runs in the panel's page (pass it to `frame.evaluate` or `waitForFunction` on the panel's frame,
 * Playwright or puppeteer): whether the panel's content is drawn in full, open or drawn hidden
 * ahead of the reader's press. Self-contained, as functions sent to a page must be.
 */
export function panelDrawn(): boolean {
  return Boolean(
    document.querySelector('.header .title') && !document.querySelector('[aria-busy="true"]'),
  );
}
