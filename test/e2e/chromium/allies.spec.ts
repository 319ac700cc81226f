import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { SestraApi } from '../../../shared/ipc-schema'
import { ageDecryptWithKey, ageKeygen, untar } from '../../support/ageCli'
import { decodeQr } from '../../support/zbar'
import { expect, test } from '../fixtures'
import { createVault, screenshot } from '../flows'
import { startApp } from '../harness/standinApp'

const passphrase = 'correct horse battery staple'
const backupPassphrase = 'a backup passphrase for the usb stick'

test('add an ally by key, export a campaign the age CLI opens, restore a passphrase backup in a second vault; Russian too', async ({
  page,
  harness,
}) => {
  // Two apps, each with its Chromium, and scrypt three times on a shared machine.
  test.setTimeout(240_000)
  const work = await mkdtemp(join(tmpdir(), 'sestra-allies-e2e-'))
  const secondData = await mkdtemp(join(tmpdir(), 'sestra-allies-e2e-b-'))
  const second = await startApp(secondData)
  try {
    await createVault(page, passphrase)
    const campaign = await page.evaluate(async () => {
      const made = await (globalThis as unknown as { sestra: SestraApi }).sestra.createCampaign({ title: '16 days (test)', startDate: '2026-11-25', endDate: '2026-12-10' })
      if (!made.ok) throw new Error(made.code)
      return made.value
    })

    // The ally's key pair comes from the real age-keygen.
    const keyFile = join(work, 'ally.key')
    const allyKey = await ageKeygen(keyFile)
    await page.getByTestId('nav-allies').click()
    await expect(page.getByTestId('own-public-key')).toHaveText(/^age1[a-z0-9]{58}$/)
    await expect(page.getByTestId('own-fingerprint')).toHaveText(/^(\d{4}){5}$/)
    // The QR code must carry exactly the key: read it back with a real decoder.
    const qrImage = join(work, 'own-key-qr.png')
    await page.getByTestId('own-key-qr').screenshot({ path: qrImage })
    const ownKey = await page.getByTestId('own-public-key').innerText()
    expect(await decodeQr(qrImage)).toBe(ownKey)
    await page.getByTestId('allies-tab-allies').click()
    await expect(page.getByTestId('allies-empty')).toBeVisible()

    await page.getByTestId('ally-name').fill('Ally Abroad')
    await page.getByTestId('ally-key').fill(`${allyKey.slice(0, -1)}${allyKey.endsWith('q') ? 'p' : 'q'}`)
    await page.getByTestId('ally-add').click()
    await expect(page.getByTestId('ally-invalid')).toHaveText(/not an age public key/)
    await page.getByTestId('ally-key').fill(allyKey)
    await page.getByTestId('ally-verification').selectOption('call')
    await page.getByTestId('ally-verified-on').fill('2026-11-01')
    await page.getByTestId('ally-add').click()
    const row = page.getByTestId('ally-row')
    await expect(row.getByTestId('ally-name')).toHaveText('Ally Abroad')
    await expect(row.getByTestId('ally-fingerprint')).toHaveText(/^(\d{4}){5}$/)
    await expect(row).toContainText('Compared on a call')
    await screenshot(page, 'allies')

    // A campaign, to that ally.
    await page.getByTestId('allies-tab-export').click()
    await page.getByTestId('export-what-campaign').check()
    await page.getByTestId('export-campaign').selectOption({ label: '16 days (test)' })
    await page.getByTestId('export-ally').check()
    await expect(page.getByTestId('export-warning')).toContainText('Only the allies you chose can open this file')
    await screenshot(page, 'export')
    const toAlly = join(work, 'campaign.age')
    await harness.scriptDialogs({ save: toAlly })
    await page.getByTestId('export-submit').click()
    await expect(page.getByTestId('export-done')).toBeVisible({ timeout: 30_000 })

    // The ally, without Sestra: age -d -i, then tar.
    const plainTar = join(work, 'campaign.tar')
    await ageDecryptWithKey(keyFile, toAlly, plainTar)
    await untar(plainTar, work)
    const manifest = JSON.parse(await readFile(join(work, 'manifest.json'), 'utf8'))
    expect(manifest).toMatchObject({ format: 'sestra-bundle', formatVersion: 1, selection: { kind: 'records', campaigns: [campaign.id] }, counts: { campaigns: 1, allies: 0 } })
    expect(JSON.parse(await readFile(join(work, 'records/campaigns.json'), 'utf8'))).toMatchObject([{ id: campaign.id, title: '16 days (test)' }])

    // The whole vault, with a passphrase, for a USB stick.
    await page.getByTestId('export-what-whole').check()
    await page.getByTestId('export-to-passphrase').check()
    await expect(page.getByTestId('export-warning')).toContainText('Anyone who has this file and the passphrase')
    await page.getByTestId('export-passphrase').fill(backupPassphrase)
    await page.getByTestId('export-repeat').fill(backupPassphrase)
    const backup = join(work, 'backup.age')
    await harness.scriptDialogs({ save: backup })
    await page.getByTestId('export-submit').click()
    await expect(page.getByTestId('export-done')).toBeVisible({ timeout: 30_000 })

    await page.getByTestId('language-select').selectOption('ru')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Союзники и резервные копии')
    await page.getByTestId('allies-tab-allies').click()
    await expect(row).toContainText('Сверено по телефону')
    await screenshot(page, 'russian-allies')

    // A second install with no vault (a second app, its own Chromium): restore the backup there.
    const other = second.page
    await other.getByTestId('restore-offer').click()
    await other.getByTestId('bundle-passphrase-restore').fill(backupPassphrase)
    await second.scriptDialogs({ open: [backup] })
    await other.getByTestId('bundle-open-restore').click()
    const summary = other.getByTestId('bundle-summary-restore')
    await expect(summary).toBeVisible({ timeout: 30_000 })
    await expect(summary.getByTestId('bundle-count-campaigns')).toHaveText('1')
    await expect(summary.getByTestId('bundle-count-allies')).toHaveText('1')
    await screenshot(other, 'import-summary')
    await other.getByTestId('restore-passphrase').fill('the restored vault passphrase')
    await other.getByTestId('restore-repeat').fill('the restored vault passphrase')
    await other.getByTestId('bundle-restore').click()
    await expect(other.getByTestId('lock-button')).toBeVisible({ timeout: 30_000 })
    await other.getByTestId('nav-allies').click()
    await expect(other.getByTestId('own-public-key')).toHaveText(/^age1/)
    // The restored vault has a key of its own: bundles never carry one.
    await expect(other.getByTestId('own-public-key')).not.toHaveText(ownKey)
    await other.getByTestId('allies-tab-allies').click()
    await expect(other.getByTestId('ally-row').getByTestId('ally-name')).toHaveText('Ally Abroad')
    const restored = await other.evaluate(async () => {
      const list = await (globalThis as unknown as { sestra: SestraApi }).sestra.listCampaigns({})
      if (!list.ok) throw new Error(list.code)
      return list.value.items.map((c) => c.title)
    })
    expect(restored).toEqual(['16 days (test)'])
  } finally {
    await second.stop()
    await rm(work, { recursive: true, force: true })
    await rm(secondData, { recursive: true, force: true })
  }
})
