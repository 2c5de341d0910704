import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  imports: false,
  // The benchmark builds copies with thousands of stories into other folders.
  outDir: process.env.BACKSTORY_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
    resolve: {
      alias: {
        // The page gate compiled into the script on every page (see utils/recognition/page-gate.d.ts).
        '#page-gate': resolve(
          process.env.BACKSTORY_PAGE_GATE ??
            resolve(import.meta.dirname, 'data/generated/gate.json'),
        ),
      },
    },
    // Vite's modulepreload polyfill fetch()es chunks for old browsers; every browser Backstory
    // supports preloads modules itself, and the extension must contain no network call at all.
    // NO_MINIFY=1 keeps names readable in a profile of the built extension.
    build: {
      modulePreload: { polyfill: false },
      minify: process.env.NO_MINIFY ? false : undefined,
    },
  }),
  zip: {
    // `npm run zip` writes .output/backstory-<version>-{chrome,firefox,sources}.zip. The sources
    // zip is for addons.mozilla.org's reviewers: everything `npm ci && npm run build:firefox`
    // needs (WXT already leaves out node_modules, hidden files, test files and .output), without
    // tests, screenshots or anything generated.
    excludeSources: [
      'tests/**',
      'docs/**',
      'data/generated/**',
      'public/recognition/**',
      'public/packs/**',
      'test-results/**',
      'playwright-report/**',
      'demo-output/**',
      'bench-output/**',
      'web-ext-artifacts/**',
      '**/*.log',
    ],
  },
  manifest: ({ browser }) => ({
    // Words from public/_locales/<lang>/messages.json, in the browser's language.
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // Recognition reads the page's text locally; the panel is injected on demand into the tab
    // that asked for it. See "Permissions" in README.md for why each one is needed.
    permissions: ['storage', 'scripting'],
    // The extension's own pages and worker may read its packaged files and nothing else: no
    // request can leave the browser (the background reads the library's shards this way).
    content_security_policy:
      browser === 'firefox'
        ? "script-src 'self'; object-src 'self'; connect-src 'self'"
        : { extension_pages: "script-src 'self'; object-src 'self'; connect-src 'self'" },
    action: { default_title: '__MSG_actionNothing__' },
    // The panel on a page is this page in a frame (utils/ui/panel-frame.ts). Chrome gives a page
    // it only at the browser's per-session address (use_dynamic_url), so a page probing the
    // extension's fixed address learns nothing; Firefox's addresses are per-install already.
    web_accessible_resources:
      browser === 'firefox'
        ? ['sidepanel.html']
        : [
            {
              resources: ['sidepanel.html'],
              matches: ['http://*/*', 'https://*/*'],
              use_dynamic_url: true,
            },
          ],
    // The keyboard command is the toolbar button's own (`_execute_action`, Firefox MV2's
    // `_execute_browser_action`), so it does what a press does in either place the panel opens:
    // the browser opens its side panel itself, within the key press's user gesture.
    commands: {
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+B' },
        description: '__MSG_commandToggle__',
      },
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: 'backstory@backstory.invalid',
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
