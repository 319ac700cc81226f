import { selectionOf } from '../../shared/bundle'
import { localToday } from '../../shared/calendarDates'
import { SestraError } from '../../shared/errors'
import type { Handlers } from '../../shared/ipc-schema'
import type { AppPorts } from '../ipc/ports'
import type { VaultService } from '../vault/service'
import type { DecryptWith, EncryptTo } from './ageFiles'
import { exportBundle } from './exportBundle'
import { importBundle, verifyBundle } from './importBundle'
import { PendingBundles } from './pendingBundles'
import { restoreBundle } from './restoreBundle'
import { recordChecker } from './rowChecks'

type ExchangeMethods = 'exportBundle' | 'inspectBundle' | 'importBundle' | 'restoreBundle'

/**
 * Export, check, merge and restore of bundles. Paths come only from the
 * dialogs port; export, merge and restore run as background jobs with
 * progress in bytes, so a panic wipe stops them.
 */
export function exchangeHandlers(vault: VaultService, ports: AppPorts): Pick<Handlers, ExchangeMethods> {
  const pending = new PendingBundles()
  vault.onLock(() => pending.clear())
  vault.onWipe(() => pending.clear())

  return {
    exportBundle: async ({ selection, allyIds, passphrase }) => {
      const store = vault.store
      // Keys are looked up before the dialog, so a missing ally fails without asking where to save.
      const to: EncryptTo = passphrase !== undefined ? { passphrase } : { recipients: allyIds.map((id) => store.allies.get(id).publicKey) }
      const out = await ports.dialogs.saveFile('bundle', 'sestra-backup.age')
      if (out === null) return null
      const jobId = vault.jobs.start('export', async (signal, progress) => {
        const result = await exportBundle(store, {
          selection: selectionOf(selection),
          to,
          out,
          signal,
          onProgress: (p) => progress(p.done, p.total),
          age: ports.age,
        })
        // Only a copy of everything counts as a backup for the reminder.
        if (selection === 'whole') store.firstSteps.noteBackup(localToday())
        // The person chose the path; saying it back tells her where the file went.
        return { ...result, path: out }
      })
      return { jobId }
    },

    inspectBundle: async ({ passphrase }) => {
      const state = await vault.state()
      if (state === 'locked') throw new SestraError('LOCKED')
      // Without an open vault there is no identity: only a passphrase can open the file.
      if (state === 'absent' && passphrase === undefined) throw new SestraError('INVALID_INPUT', 'passphrase')
      const key: DecryptWith = passphrase !== undefined ? { passphrase } : { identity: vault.store.identity.secretKey() }
      const [path] = await ports.dialogs.openFiles('bundle')
      if (path === undefined) return null
      const check = state === 'unlocked' ? recordChecker(vault.store) : undefined
      const knownSigners = state === 'unlocked' ? vault.store : undefined
      const summary = await vault.jobs.run((signal) => verifyBundle(path, key, check, { signal, age: ports.age, knownSigners }))
      return { summary, token: pending.add(path, key, summary) }
    },

    importBundle: async ({ token, preferIncoming }) => {
      const store = vault.store
      const { path, key, summary } = pending.take(token)
      const jobId = vault.jobs.start('import', (signal, progress) =>
        importBundle(store, path, key, preferIncoming ? 'incoming' : 'keep', {
          signal,
          age: ports.age,
          onProgress: (bytes) => progress(Math.min(bytes, summary.totalBytes), summary.totalBytes),
        }),
      )
      return { jobId }
    },

    restoreBundle: async ({ token, newVaultPassphrase }) => {
      if ((await vault.state()) !== 'absent') throw new SestraError('ALREADY_EXISTS')
      const { path, key, summary } = pending.take(token)
      const jobId = vault.jobs.start('restore', (signal, progress) =>
        vault.restore(newVaultPassphrase, (dir, options) =>
          restoreBundle(path, key, dir, newVaultPassphrase, options, {
            signal,
            age: ports.age,
            onProgress: (bytes) => progress(Math.min(bytes, summary.totalBytes), summary.totalBytes),
          }),
        ),
      )
      return { jobId }
    },
  }
}
