import { describe, expect, it, vi } from 'vitest'
import { createAppCore } from '../../../main/appCore'
import { electronClipboard } from '../../../main/shell/clipboard'
import { notifyAboutDocuments } from '../../../main/shell/notifications'
import { localToday } from '../../../shared/calendarDates'
import { ageWorkerSource } from '../../support/ageWorkerSource'
import { ScriptedDialogs } from '../../support/scriptedDialogs'
import { tempDir } from '../../support/tempDirs'
import { Notification } from './fakeElectron'

vi.mock('electron', () => import('./fakeElectron'))

const pass = 'notification test passphrase'

async function coreWithPassport(validUntil: string, notify: boolean) {
  const core = await createAppCore({ dataDir: await tempDir(), kdf: 'minimum', clipboard: electronClipboard, dialogs: new ScriptedDialogs(), ageWorker: ageWorkerSource })
  await core.settings.update({ documentNotifications: notify })
  await core.vault.create(pass)
  const person = core.vault.store.people.create({ name: 'Secret Person Example', relation: 'self' })
  core.vault.store.documents.create({ personId: person.id, kind: 'passport', issuingCountry: 'KG', number: 'AC1234567', validUntil })
  core.vault.lock()
  notifyAboutDocuments(core, () => 'ru')
  return core
}

describe('document reminders as OS notifications', () => {
  it('after unlock, says only that a document needs attention, in the UI language', async () => {
    Notification.shown.length = 0
    const core = await coreWithPassport(localToday(), true)
    await core.vault.unlock(pass)
    await vi.waitFor(() => expect(Notification.shown).toEqual([{ title: 'Sestra', body: 'Документ требует внимания.', silent: true }]))
    expect(JSON.stringify(Notification.shown)).not.toMatch(/Secret|AC1234567|KG/)
  })

  it('stays quiet when nothing is due soon, or when the user did not ask for it', async () => {
    Notification.shown.length = 0
    const later = await coreWithPassport('2099-01-01', true)
    await later.vault.unlock(pass)
    const off = await coreWithPassport(localToday(), false)
    await off.vault.unlock(pass)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(Notification.shown).toEqual([])
  })
})
