import { defineConfig } from 'vitest/config';

// The Firefox smoke test (`npm run test:firefox`): the built extension in Firefox ESR. Kept out
// of the unit run (vitest.config.ts) because it needs the build and a browser.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    // A test waits for a few steps, each up to 30 s on a slow machine (see the smoke test).
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
