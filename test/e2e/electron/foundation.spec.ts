import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { addContact, attemptUnlock, contactRow, createVault, fillContact, lock, screenshot, unlock } from '../flows'

const repoRoot = resolve(import.meta.dirname, '../../..')

/**
 * The Electron binary `npm ci` downloads, or null. Read from the files only:
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
const skipReason = 'Electron binary not installed (node_modules/electron/dist missing)'
if (!electronBinary) console.log(`electron e2e skipped: ${skipReason}`)

const passphrase = 'correct horse battery staple'

test.describe('the built Electron app', () => {
  test.skip(!electronBinary, skipReason)

  let app: ElectronApplication
  let dataDir: string

  test.beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sestra-electron-'))
    app = await electron.launch({
      executablePath: electronBinary ?? undefined,
      args: ['.'],
      cwd: repoRoot,
      env: { ...process.env, SESTRA_DATA_DIR: dataDir, SESTRA_KDF: 'minimum' },
    })
  })

  test.afterEach(async () => {
    await app.close()
    await rm(dataDir, { recursive: true, force: true })
  })

  test('create, add and edit a contact, lock, refuse a wrong passphrase, unlock', async () => {
    const page = await app.firstWindow()
    await createVault(page, passphrase, true)
    await addContact(page, { name: 'Aigul Lawyer', roles: ['lawyer'], phones: '+996 555 123 456', speedDial: true })
    await screenshot(page, 'contacts-list')

    await contactRow(page, 'Aigul Lawyer').click()
    await fillContact(page, { name: 'Aigul Osmonova' })
    await page.getByTestId('contact-save').click()
    await expect(contactRow(page, 'Aigul Osmonova')).toBeVisible()

    await lock(page)
    await expect(page.getByText('Aigul')).toHaveCount(0)
    await attemptUnlock(page, 'not the passphrase')
    await expect(page.getByTestId('unlock-error')).toBeVisible()
    await unlock(page, passphrase)
    await page.getByTestId('nav-contacts').click()
    await expect(contactRow(page, 'Aigul Osmonova')).toBeVisible()
    await expect(page.getByTestId('speed-dial-item')).toHaveText(['Aigul Osmonova+996 555 123 456'])
  })
})
