import { _electron as electron, test, type ElectronApplication, type Page } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { contactJourney } from '../flows'
import { followingPage } from '../harness/followingPage'

const repoRoot = resolve(import.meta.dirname, '../../..')

/**
 * The Electron binary `npm start` downloads, or null. Read from the files only:
 * loading the `electron` package would try a download, which fails offline.
 */
function findElectron(): string | null {
  const electronDir = join(repoRoot, 'node_modules/electron')
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const electronBinary = findElectron()
const skipReason = 'the Electron binary is not installed (node_modules/electron/dist is missing); the same flows ran in the chromium project under the Electron stand-in'
if (!electronBinary) console.log(`electron e2e skipped: ${skipReason}`)

const passphrase = 'correct horse battery staple'

/** The same journeys as the Chromium specs, in real Electron. */
test.describe('the built Electron app', () => {
  test.skip(!electronBinary, skipReason)

  let app: ElectronApplication
  let dataDir: string
  let page: Page

  test.beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sestra-electron-'))
    app = await electron.launch({
      executablePath: electronBinary ?? undefined,
      args: ['.'],
      cwd: repoRoot,
      env: { ...process.env, SESTRA_DATA_DIR: dataDir, SESTRA_KDF: 'minimum' },
    })
    await app.firstWindow()
    page = followingPage(() => app.windows())
  })

  test.afterEach(async () => {
    await app.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  test('create, add and edit a contact, lock (a new renderer), refuse a wrong passphrase, unlock', async () => {
    await contactJourney(page, passphrase)
  })
})
