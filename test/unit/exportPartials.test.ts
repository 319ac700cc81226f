import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createAppCore } from '../../main/appCore'
import { exportBundle } from '../../main/exchange/exportBundle'
import { ExportFolders } from '../../main/exchange/exportFolders'
import { dispatch } from '../../main/ipc/dispatch'
import { ageWorkerSource } from '../support/ageWorkerSource'
import { fillVault, newVault } from '../support/exchangeFixtures'
import { memoryClipboard } from '../support/memoryClipboard'
import { ScriptedDialogs } from '../support/scriptedDialogs'
import { tempDir } from '../support/tempDirs'
import { jobIdOf, waitForJob } from '../support/waitForJob'

/** What a killed export leaves (ageFiles.ts names it so), and neighbours that only look alike. */
const stale = ['.backup.age.0123456789ab.partial', '.sestra-backup.age.a1b2c3d4e5f6.partial']
const unrelated = ['notes.partial', '.hidden', '.backup.age.partial', 'keep.age']

async function folderWithLeftovers() {
  const folder = await tempDir()
  for (const name of [...stale, ...unrelated]) await writeFile(join(folder, name), 'leftover')
  return folder
}

describe('stale .partial files of killed exports', () => {
  it('go at the next export to that folder; nothing else there is touched', async () => {
    const vault = await newVault()
    await fillVault(vault.store)
    const folder = await folderWithLeftovers()
    const to = { recipients: [vault.store.identity.publicKey()] }
    // Two exports at once into the same folder: neither removes the other's live partial file.
    await Promise.all([
      exportBundle(vault.store, { selection: { kind: 'vault' }, to, out: join(folder, 'one.age') }),
      exportBundle(vault.store, { selection: { kind: 'vault' }, to, out: join(folder, 'two.age') }),
    ])
    expect((await readdir(folder)).sort()).toEqual([...unrelated, 'one.age', 'two.age'].sort())
    vault.lock()
  })

  it('go at app start from every folder the app exported to; the list names folders, never files', async () => {
    const dataDir = await tempDir()
    const folder = await tempDir()
    const dialogs = new ScriptedDialogs()
    const start = () => createAppCore({ dataDir, kdf: 'minimum', clipboard: memoryClipboard(), dialogs, ageWorker: ageWorkerSource })
    const core = await start()
    const call = (name: string, input?: unknown) => dispatch(core.handlers, name, input)
    expect(await call('createVault', { passphrase: 'tundra violet anchor mosaic drizzle pepper' })).toMatchObject({ ok: true })
    dialogs.willSave(join(folder, 'backup.age'))
    const job = await waitForJob(call, jobIdOf(await call('exportBundle', { selection: 'whole', passphrase: 'plum saddle orbit vivid lantern ferry quartz' })))
    expect(job.state).toBe('done')
    expect(await new ExportFolders(join(dataDir, 'export-folders.json')).list()).toEqual([folder])
    core.dispose()

    // The app is killed during a later export: its partial file stays, until the next start.
    for (const name of [...stale, ...unrelated]) await writeFile(join(folder, name), 'leftover')
    ;(await start()).dispose()
    expect((await readdir(folder)).sort()).toEqual([...unrelated, 'backup.age'].sort())
    // Swept, then forgotten: the laptop keeps no list of where backups went.
    expect(await new ExportFolders(join(dataDir, 'export-folders.json')).list()).toEqual([])
  })

  it('a damaged folder list is an empty one', async () => {
    const dataDir = await tempDir()
    await mkdir(join(dataDir, 'export-folders.json'))
    expect(await new ExportFolders(join(dataDir, 'export-folders.json')).list()).toEqual([])
  })
})
