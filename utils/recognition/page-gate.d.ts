/**
 * `#page-gate`: the page gate compiled into the script on every page. Vite resolves it to
 * `data/generated/gate.json` (written by `npm run packs:build`), or to `$BACKSTORY_PAGE_GATE` for
 * the benchmark's builds with thousands of stories (see `wxt.config.ts`).
 */
declare module '#page-gate' {
  const gate: import('./gate').PageGate;
  export default gate;
}
