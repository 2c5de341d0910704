import { defineConfig } from '@playwright/test';

// Browser tests run the built extension (.output/chrome-mv3) in Debian's Chromium; see
// tests/e2e/fixtures.ts. One worker: each test file starts its own browser.
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  retries: 0,
  use: { trace: 'off' },
});
