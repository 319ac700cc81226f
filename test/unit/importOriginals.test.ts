import { mkdir, readdir, rm, symlink, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ImportedOriginals } from '../../main/evidence/originals'
import { tempDir } from '../support/tempDirs'

async function files(dir: string, names: string[]) {
  for (const name of names) await writeFile(join(dir, name), `fictional content of ${name}`)
  return Promise.all(names.map(async (name) => ({ path: join(dir, name), size: Buffer.byteLength(`fictional content of ${name}`) })))
}

describe('deleting the originals after an import', () => {
  it('deletes exactly the files imported, once per token', async () => {
    const dir = await tempDir('sestra-originals-')
    const sources = await files(dir, ['a.png', 'b.txt'])
    await writeFile(join(dir, 'not-imported.txt'), 'stays')
    const originals = new ImportedOriginals()
    const token = await originals.remember(sources)
    expect(await originals.delete(token)).toEqual({ deleted: 2, kept: 0 })
    expect(await readdir(dir)).toEqual(['not-imported.txt'])
    // A token is good once; an unknown one deletes nothing.
    await files(dir, ['a.png'])
    expect(await originals.delete(token)).toEqual({ deleted: 0, kept: 0 })
    expect(await originals.delete('00000000-0000-4000-8000-000000000000')).toEqual({ deleted: 0, kept: 0 })
    expect((await readdir(dir)).sort()).toEqual(['a.png', 'not-imported.txt'])
  })

  it('leaves alone what changed at a path since the import: other bytes, another time, a link, a folder', async () => {
    const dir = await tempDir('sestra-originals-')
    const sources = await files(dir, ['grown.txt', 'touched.txt', 'linked.txt', 'folder.txt', 'gone.txt'])
    const originals = new ImportedOriginals()
    const token = await originals.remember(sources)
    await writeFile(join(dir, 'grown.txt'), 'something else entirely, and longer')
    await utimes(join(dir, 'touched.txt'), new Date('2020-01-01'), new Date('2020-01-01'))
    await rm(join(dir, 'linked.txt'))
    await writeFile(join(dir, 'elsewhere.txt'), 'fictional content of linked.txt')
    await symlink(join(dir, 'elsewhere.txt'), join(dir, 'linked.txt'))
    await rm(join(dir, 'folder.txt'))
    await mkdir(join(dir, 'folder.txt'))
    await rm(join(dir, 'gone.txt'))
    expect(await originals.delete(token)).toEqual({ deleted: 0, kept: 5 })
    expect((await readdir(dir)).sort()).toEqual(['elsewhere.txt', 'folder.txt', 'grown.txt', 'linked.txt', 'touched.txt'])
  })
})
