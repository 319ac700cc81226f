import { defineConfig } from '@playwright/test'

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright',
  workers: 1,
  retries: 0,
  reporter: 'list',
  // Every test creates a vault: Argon2id (64 MiB, 3 passes) several times on a shared machine.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  use: { locale: 'en-US', colorScheme: 'light' },
  projects: [
    {
      name: 'chromium',
      testMatch: 'chromium/**/*.spec.ts',
      // Each test starts the built app under the Electron stand-in, which
      // launches Debian's Chromium itself (test/standin/electron/chromium.ts).
      // Never `playwright install`.
    },
    {
      name: 'electron',
      testMatch: 'electron/**/*.spec.ts',
    },
  ],
})
