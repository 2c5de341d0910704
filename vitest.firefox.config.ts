import { defineConfig } from 'vitest/config';

// The Firefox smoke test (`npm run test:firefox`): the built extension in Firefox ESR. Kept out
// of the unit run (vitest.config.ts) because it needs the build and a browser.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
