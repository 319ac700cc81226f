import { join } from 'node:path'
import { makeChunkVault } from '../../support/chunkVault'
import { expect, test as base } from '../fixtures'

const passphrase = 'an old vault from before the blob store'
const files = Array.from({ length: 48 }, (_, i) => ({ name: `leaflet-${i}.pdf`, bytes: Buffer.alloc(2 * 1024 * 1024 + i, i) }))

/** The app starts on a vault its previous version left: every file still in the database. */
const test = base.extend({
  dataDir: async ({ dataDir }, use) => {
    await makeChunkVault(join(dataDir, 'vault'), passphrase, files)
    await use(dataDir)
  },
})

test('the first unlock after the update says how far the files have moved, then the vault opens', async ({ page }) => {
  await page.getByTestId('unlock-passphrase').fill(passphrase)
  await page.getByTestId('unlock-submit').click()
  await expect(page.getByTestId('unlock-move-progress')).toHaveText(/^Moving stored files into the new format: \d+ of 48$/)
  await expect(page.getByTestId('nav-evidence')).toBeVisible({ timeout: 60_000 })
  await expect(page.getByTestId('unlock-move-progress')).toHaveCount(0)
})
