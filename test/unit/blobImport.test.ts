import { mkdir, readdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { importFiles } from '../../main/evidence/importFiles'
import type { OpenVault } from '../../main/vault/vault'
import { collect, evidencePassphrase, openTestVault, patterned } from '../support/evidenceVault'
import { runCli } from '../support/runCli'
import { tempDir } from '../support/tempDirs'

let open: OpenVault | null = null
afterEach(() => {
  open?.lock()
  open = null
})

/** A folder tree with a nested folder, an empty file and a link out of the tree. */
async function evidenceTree() {
  const root = await tempDir()
  const folder = join(root, 'screenshots')
  await mkdir(join(folder, 'day 2'), { recursive: true })
  await writeFile(join(folder, 'b.txt'), 'Fictional post text\n')
  await writeFile(join(folder, 'a.png'), Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), patterned(70_000)]))
  await writeFile(join(folder, 'day 2', 'c.bin'), patterned(1_500_000))
  await writeFile(join(folder, 'day 2', 'empty.txt'), '')
  const outside = join(root, 'outside.txt')
  await writeFile(outside, 'not chosen')
  await symlink(outside, join(folder, 'link.txt'))
  const single = join(root, 'recording.bin')
  await writeFile(single, patterned(10_000))
  return { root, folder, single }
}

describe('importing many files and folders in one job', () => {
  it('takes files and folders (recursively, in name order, links not followed) and reports bytes over all of them', async () => {
    const made = await openTestVault()
    open = made.vault
    const { folder, single } = await evidenceTree()
    const incident = open.store.incidents.create({ title: 'Comments under the post', kind: 'threat', occurredOn: '2026-11-26' })
    const seen: [number, number | null][] = []
    const { fileIds } = await importFiles(open.store, [single, folder], { incidentId: incident.id, progress: (done, total) => seen.push([done, total]) })
    const names = fileIds.map((id) => open!.store.files.get(id).name)
    expect(names).toEqual(['recording.bin', 'a.png', 'b.txt', 'c.bin', 'empty.txt'])
    const total = 10_000 + 70_008 + 20 + 1_500_000
    expect(seen.at(-1)).toEqual([total, total])
    expect((await collect(open.store.files.read(fileIds[3]!))).equals(patterned(1_500_000))).toBe(true)
    expect(open.store.incidents.get(incident.id).fileIds.sort()).toEqual([...fileIds].sort())
    expect(await readdir(join(made.dir, 'blobs'))).toHaveLength(5)
  })

  it('a path that is not there, or a cancel part way, leaves nothing behind', async () => {
    const made = await openTestVault()
    open = made.vault
    const { root, folder, single } = await evidenceTree()
    await expect(importFiles(open.store, [single, join(root, 'missing')], {})).rejects.toMatchObject({ code: 'INVALID_INPUT' })
    const controller = new AbortController()
    const cancelling = importFiles(open.store, [single, folder], {
      signal: controller.signal,
      progress: (done) => done > 100_000 && controller.abort(),
    })
    await expect(cancelling).rejects.toMatchObject({ code: 'ABORTED' })
    expect(open.store.files.count()).toBe(0)
    expect(await readdir(join(made.dir, 'blobs'))).toEqual([])
  })

  it('sestra file add takes files and folders with one unlock and prints the records with --json', async () => {
    const made = await openTestVault()
    made.vault.lock()
    const { folder, single } = await evidenceTree()
    const added = await runCli(['file', 'add', '--vault', made.dir, single, folder, '--json'], `${evidencePassphrase}\n`)
    expect(added.code).toBe(0)
    const records = JSON.parse(added.stdout) as { name: string; size: number }[]
    expect(records.map((r) => [r.name, r.size])).toEqual([
      ['recording.bin', 10_000],
      ['a.png', 70_008],
      ['b.txt', 20],
      ['c.bin', 1_500_000],
      ['empty.txt', 0],
    ])
    const none = await runCli(['file', 'add', '--vault', made.dir], `${evidencePassphrase}\n`)
    expect(none.code).toBe(2)
    expect(none.stderr).toMatch(/at least one file or folder/)
  })
})
