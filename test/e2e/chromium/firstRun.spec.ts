import type { Page } from '@playwright/test'
import { expect, test } from '../fixtures'
import { screenshot } from '../flows'

const passphrase = 'correct horse battery staple'
const backupPassphrase = 'a backup passphrase for the usb stick'

/** Holds the practice button as long as the real one needs. */
async function practiseHold(page: Page): Promise<void> {
  await page.getByTestId('panic-practice').hover()
  await page.mouse.down()
  await expect(page.getByTestId('panic-practice-practiced')).toBeVisible({ timeout: 5_000 })
  await page.mouse.up()
}

test('a weak passphrase is refused in plain words, the error goes when fixed; six suggested words make the vault; first steps tick themselves; English', async ({
  page,
  harness,
  dataDir,
}) => {
  const field = page.getByTestId('create-passphrase')
  const error = page.getByTestId('create-error')
  await field.fill('qwerty123')
  await page.getByTestId('create-repeat').fill('qwerty123')
  await page.getByTestId('create-submit').click()
  await expect(error).toHaveText('This is one of the first passwords anyone would try. Choose another one.')
  await expect(field).toHaveAttribute('aria-invalid', 'true')
  await expect(field).toBeFocused()
  await field.fill('sunflower1987')
  await expect(error).toHaveText(/^Too easy to guess/)
  await screenshot(page, 'create-refused')
  await field.fill('tea')
  await expect(error).toHaveText('Too short: a passphrase needs at least 8 characters. Several ordinary words are best.')

  // The suggestion: six words, its strength in words, then into the field.
  await page.getByTestId('create-passphrase-generator-suggest').click()
  const words = page.getByTestId('create-passphrase-generator-words')
  await expect(words).toHaveText(/^[a-z-]+( [a-z-]+){5}$/)
  await expect(page.getByTestId('create-passphrase-generator-strength')).toHaveText(/6 words drawn at random from 7,776, about 77 bits/)
  const suggested = await words.innerText()
  await page.getByTestId('create-passphrase-generator-use').click()
  await expect(field).toHaveValue(suggested)
  await expect(page.getByTestId('strength-label')).toHaveText('Strong')
  // Fixed passphrase, but the repetition no longer matches: the message says so, on the repetition.
  await expect(error).toHaveText('The two passphrases are not the same.')
  await expect(field).not.toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByTestId('create-repeat')).toHaveAttribute('aria-invalid', 'true')
  await page.getByTestId('create-repeat').fill(suggested)
  await expect(error).toHaveCount(0)
  await screenshot(page, 'create-suggested')
  await page.getByTestId('create-submit').click()
  await expect(page.getByTestId('lock-button')).toBeVisible()

  // First steps, with the backup reminder above them.
  const steps = page.getByTestId('first-steps')
  await expect(steps).toBeVisible()
  await expect(page.getByTestId('first-steps-progress')).toHaveText('0 of 5 done')
  await expect(page.getByTestId('backup-reminder')).toContainText('No backup has been made yet.')
  await practiseHold(page)
  await expect(page.getByTestId('first-step-panic')).toHaveAttribute('data-done', 'true')
  await expect(page.getByTestId('first-steps-progress')).toHaveText('1 of 5 done')
  expect((await harness.recorded()).ipc).not.toContain('sestra:panicWipe')
  await screenshot(page, 'first-steps')

  // Yourself with a passport ticks the family step.
  await page.evaluate(async () => {
    const api = (globalThis as unknown as { sestra: import('../../../shared/ipc-schema').SestraApi }).sestra
    const me = await api.createPerson({ name: 'Aigul Example', relation: 'self' })
    if (!me.ok) throw new Error(me.code)
    await api.createDocument({ personId: me.value.id, kind: 'passport', issuingCountry: 'KG', validUntil: '2031-05-01' })
  })
  await page.getByTestId('nav-settings').click()
  await page.getByTestId('nav-campaigns').click()
  await expect(page.getByTestId('first-step-family')).toHaveAttribute('data-done', 'true')

  // The reminder's button leads to the backup; after it, the file's place is said and the reminder is gone.
  await page.getByTestId('backup-reminder-make').click()
  await expect(page.getByTestId('allies-tab-export')).toHaveAttribute('aria-selected', 'true')
  await page.getByTestId('export-what-whole').check()
  await page.getByTestId('export-to-passphrase').check()
  await page.getByTestId('export-passphrase').fill(backupPassphrase)
  await page.getByTestId('export-repeat').fill(backupPassphrase)
  const out = `${dataDir}/backup.age`
  await harness.scriptDialogs({ save: out })
  await page.getByTestId('export-submit').click()
  await expect(page.getByTestId('export-done')).toContainText(`written to ${out}`, { timeout: 60_000 })
  await screenshot(page, 'export-done')
  await page.getByTestId('nav-campaigns').click()
  await expect(page.getByTestId('first-step-backup')).toHaveAttribute('data-done', 'true')
  await expect(page.getByTestId('backup-reminder')).toHaveCount(0)

  // Dismissed, then brought back from Settings, where the backup is one click away too.
  await page.getByTestId('first-steps-dismiss').click()
  await expect(steps).toHaveCount(0)
  await page.getByTestId('nav-settings').click()
  await expect(page.getByTestId('settings-last-backup')).toContainText('Last backup of the whole vault')
  await page.getByTestId('first-steps-show').click()
  await expect(page.getByTestId('first-steps-shown')).toBeVisible()
  await page.getByTestId('nav-campaigns').click()
  await expect(steps).toBeVisible()
})

test('Russian: refusal in plain words, Russian suggested words, first steps; the weak duress and new passphrases are refused too', async ({ page }) => {
  await page.getByTestId('language-select').selectOption('ru')
  const field = page.getByTestId('create-passphrase')
  await field.fill('пароль2024')
  await page.getByTestId('create-repeat').fill('пароль2024')
  await page.getByTestId('create-submit').click()
  await expect(page.getByTestId('create-error')).toHaveText('Это один из первых паролей, которые попробует любой. Выберите другую фразу.')
  await page.getByTestId('create-passphrase-generator-suggest').click()
  await expect(page.getByTestId('create-passphrase-generator-words')).toHaveText(/^[а-я]+( [а-я]+){5}$/)
  await expect(page.getByTestId('create-passphrase-generator-strength')).toContainText('6 слов')
  await screenshot(page, 'russian-create-suggested')
  await page.getByTestId('create-passphrase-generator-use').click()
  await page.getByTestId('create-repeat').fill(await field.inputValue())
  await page.getByTestId('create-submit').click()
  await expect(page.getByTestId('lock-button')).toBeVisible()
  await expect(page.getByTestId('first-steps')).toContainText('Первые шаги')
  await expect(page.getByTestId('backup-reminder')).toContainText('Резервной копии ещё нет.')
  await screenshot(page, 'russian-first-steps')

  await page.getByTestId('nav-settings').click()
  await page.getByTestId('settings-next').fill('qwerty123')
  await page.getByTestId('settings-repeat').fill('qwerty123')
  await page.getByTestId('settings-current').fill('anything at all')
  await page.getByTestId('settings-submit').click()
  await expect(page.getByTestId('settings-error')).toHaveText('Это один из первых паролей, которые попробует любой. Выберите другую фразу.')
  await expect(page.getByTestId('settings-next')).toBeFocused()
  await page.getByTestId('duress-current').fill('anything at all')
  await page.getByTestId('duress-passphrase').fill('sunflower1987')
  await page.getByTestId('duress-repeat').fill('sunflower1987')
  await page.getByTestId('duress-submit').click()
  await expect(page.getByTestId('duress-error')).toHaveText(/^Слишком легко угадать/)
  await expect(page.getByTestId('duress-passphrase')).toHaveAttribute('aria-invalid', 'true')
  await screenshot(page, 'russian-settings-refused')
})

test('Allies in four parts: the plain-age comparison explained, a merge reports what the summary counted; the family list puts me first', async ({
  page,
  harness,
  dataDir,
}) => {
  await page.getByTestId('create-passphrase').fill(passphrase)
  await page.getByTestId('create-repeat').fill(passphrase)
  await page.getByTestId('create-submit').click()
  await expect(page.getByTestId('lock-button')).toBeVisible()
  await page.evaluate(async () => {
    const api = (globalThis as unknown as { sestra: import('../../../shared/ipc-schema').SestraApi }).sestra
    const ok = <T,>(e: { ok: true; value: T } | { ok: false; code: string }): T => {
      if (!e.ok) throw new Error(e.code)
      return e.value
    }
    const child = ok(await api.createPerson({ name: 'Aibek Child', relation: 'child' }))
    ok(await api.createPerson({ name: 'Anna Colleague', relation: 'colleague' }))
    const me = ok(await api.createPerson({ name: 'Zarina Me', relation: 'self' }))
    ok(await api.updatePerson({ id: child.id, patch: {}, childOf: [me.id] }))
    ok(await api.createCampaign({ title: '16 Days (test)', startDate: '2027-11-25', endDate: '2027-12-10', participantIds: [me.id, child.id] }))
    const identity = ok(await api.getIdentity())
    // The vault's own key as an ally, so it can open what it sends.
    ok(await api.addAlly({ name: 'This vault (test)', publicKey: identity.publicKey }))
  })
  await page.getByTestId('nav-people').click()
  await expect(page.getByTestId('person-name')).toHaveText(['Zarina Me', 'Aibek Child', 'Anna Colleague'])

  await page.getByTestId('nav-allies').click()
  await expect(page.getByTestId('own-plain-age')).toContainText('# public key: age1')
  await screenshot(page, 'allies-own-key')

  // A mistyped key: the field is marked and focused; the message goes as soon as the key is right.
  const ownKey = await page.getByTestId('own-public-key').innerText()
  await page.getByTestId('allies-tab-allies').click()
  await page.locator('input#ally-name').fill('Second Ally (test)')
  await page.getByTestId('ally-key').fill(ownKey.slice(0, -2))
  await page.getByTestId('ally-add').click()
  await expect(page.getByTestId('ally-invalid')).toHaveText(/not an age public key/)
  await expect(page.getByTestId('ally-key')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByTestId('ally-key')).toBeFocused()
  await page.getByTestId('ally-key').fill(ownKey)
  await expect(page.getByTestId('ally-invalid')).toHaveCount(0)
  await expect(page.getByTestId('ally-key')).not.toHaveAttribute('aria-invalid', 'true')
  await page.getByTestId('allies-tab-export').click()
  await page.getByTestId('export-what-campaign').check()
  await page.getByTestId('export-campaign').selectOption({ label: '16 Days (test)' })
  await page.getByTestId('export-ally').check()
  const out = `${dataDir}/campaign.age`
  await harness.scriptDialogs({ save: out })
  await page.getByTestId('export-submit').click()
  await expect(page.getByTestId('export-done')).toContainText(out, { timeout: 60_000 })

  await page.getByTestId('allies-tab-open').click()
  await harness.scriptDialogs({ open: [out] })
  await page.getByTestId('bundle-open-merge').click()
  const summary = page.getByTestId('bundle-summary-merge')
  await expect(summary).toBeVisible({ timeout: 60_000 })
  const counted: Record<string, number> = {}
  for (const key of ['campaigns', 'people', 'other']) counted[key] = Number(await summary.getByTestId(`bundle-count-${key}`).innerText())
  expect(counted.people).toBe(2)
  await page.getByTestId('bundle-merge').click()
  const merged = page.getByTestId('bundle-merged')
  await expect(merged).toBeVisible({ timeout: 60_000 })
  for (const [key, n] of Object.entries(counted)) {
    const added = Number(await merged.getByTestId(`merged-added-${key}`).innerText())
    const kept = (await merged.getByTestId(`merged-kept-${key}`).count()) ? Number(await merged.getByTestId(`merged-kept-${key}`).innerText()) : 0
    expect(added + kept, `${key}: added and kept add up to what the summary counted`).toBe(n)
  }
  await screenshot(page, 'merge-report')
  await page.getByTestId('language-select').selectOption('ru')
  await expect(merged).toContainText('уже были, оставлены')
  await screenshot(page, 'russian-merge-report')
})
