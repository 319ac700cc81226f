import { access, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createAppCore } from '../../main/appCore'
import { ageWorkerSource } from '../support/ageWorkerSource'
import { memoryClipboard } from '../support/memoryClipboard'
import { ScriptedDialogs } from '../support/scriptedDialogs'
import { tempDir } from '../support/tempDirs'

describe('files older releases left in the app folder', () => {
  it('the old wrong-passphrase counter goes at start; settings stay', async () => {
    const dataDir = await tempDir()
    await writeFile(join(dataDir, 'unlock-failures.json'), JSON.stringify({ count: 3, last: '2026-11-20T10:00:00.000Z' }))
    await writeFile(join(dataDir, 'settings.json'), JSON.stringify({ language: 'ru' }))
    const core = await createAppCore({ dataDir, kdf: 'minimum', clipboard: memoryClipboard(), dialogs: new ScriptedDialogs(), ageWorker: ageWorkerSource })
    core.dispose()
    await expect(access(join(dataDir, 'unlock-failures.json'))).rejects.toMatchObject({ code: 'ENOENT' })
    expect(await readdir(dataDir)).toContain('settings.json')
  })
})
