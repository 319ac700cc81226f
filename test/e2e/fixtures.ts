import { test as base, expect } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startApp, type Harness, type StandinOptions } from './harness/standinApp'

interface Fixtures {
  dataDir: string
  /** How the stand-in plays the desktop for this test; override with test.use({ standin: {...} }). */
  standin: StandinOptions
  /** The running app: scripted dialogs, the clipboard, what Electron was asked, the desktop's events. */
  harness: Harness
}

/**
 * Each test gets an empty user-data folder and the built app (main, preload,
 * worker, renderer) running on it under the Electron stand-in. `page` is its
 * window, followed when main replaces the renderer.
 */
export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring.
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'sestra-e2e-'))
    try {
      await use(dir)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  },
  standin: [{}, { option: true }],
  harness: async ({ dataDir, standin }, use, testInfo) => {
    const harness = await startApp(dataDir, standin)
    try {
      await use(harness)
    } finally {
      await harness.stop()
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('main-process.log', { body: harness.output() })
    }
  },
  page: async ({ harness }, use) => use(harness.page),
})

export { expect }
