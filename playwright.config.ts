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
      use: {
        browserName: 'chromium',
        headless: true,
        viewport: { width: 1100, height: 760 },
        launchOptions: {
          // Debian's Chromium; never `playwright install`.
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
    {
      name: 'electron',
      testMatch: 'electron/**/*.spec.ts',
    },
  ],
})
