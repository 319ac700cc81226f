import { test as base, expect } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { methodNames } from '../../shared/ipc-schema'
import { installBridge } from './harness/bridge'
import { startHarness, type Harness } from './harness/launch'

interface Fixtures {
  dataDir: string
  harness: Harness
}

/**
 * Each test gets an empty vault folder of its own, a harness process bound to
 * it, and a page whose window.sestra talks to that harness.
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
  harness: async ({ dataDir }, use) => {
    const harness = await startHarness(dataDir)
    try {
      await use(harness)
    } finally {
      await harness.stop()
    }
  },
  baseURL: async ({ harness }, use) => use(harness.baseURL),
  page: async ({ page, harness }, use) => {
    await page.addInitScript(installBridge, { token: harness.token, methods: methodNames })
    await use(page)
  },
})

export { expect }
