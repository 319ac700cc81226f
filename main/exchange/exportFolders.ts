import { readdir, readFile, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { z } from 'zod'
import { writeFileAtomic } from '../vault/atomicWrite'
import type { DialogsPort } from '../ipc/ports'

/** The hidden temporary name encryptToFile writes a bundle under (ageFiles.ts): `.<name>.<12 hex>.partial`. */
const partialName = /^\..+\.[0-9a-f]{12}\.partial$/

/** Folders with an export running in this process: the partial files there may be live. */
const exporting = new Map<string, number>()

/**
 * Removes what killed exports left in `folder`: their hidden `.partial`
 * files (ciphertext, but cut short and useless). Skipped while another export
 * of this process writes there. Returns how many went.
 */
export async function removeStalePartials(folder: string): Promise<number> {
  if (exporting.has(folder)) return 0
  const names = await readdir(folder).catch(() => [] as string[])
  const stale = names.filter((name) => partialName.test(name))
  await Promise.all(stale.map((name) => rm(join(folder, name), { force: true }).catch(() => {})))
  return stale.length
}

/** Runs one export writing into `out`'s folder, after clearing the partial files of earlier, killed runs. */
export async function exportingTo<T>(out: string, run: () => Promise<T>): Promise<T> {
  const folder = dirname(out)
  await removeStalePartials(folder)
  exporting.set(folder, (exporting.get(folder) ?? 0) + 1)
  try {
    return await run()
  } finally {
    const left = exporting.get(folder)! - 1
    if (left === 0) exporting.delete(folder)
    else exporting.set(folder, left)
  }
}

const folderList = z.array(z.string().min(1).max(4096)).max(20)

/**
 * The folders the app exported to, most recent first, kept beside the
 * settings (never a file name: those can say what a bundle holds), so that
 * at start the partial files of an export killed with the app are removed.
 * Not part of settings.json, which the renderer may change.
 */
export class ExportFolders {
  readonly #path: string

  constructor(path: string) {
    this.#path = path
  }

  async list(): Promise<string[]> {
    try {
      const parsed = folderList.safeParse(JSON.parse(await readFile(this.#path, 'utf8')))
      return parsed.success ? parsed.data : []
    } catch {
      return []
    }
  }

  async remember(folder: string): Promise<void> {
    const folders = [folder, ...(await this.list()).filter((f) => f !== folder)].slice(0, 20)
    await writeFileAtomic(dirname(this.#path), basename(this.#path), Buffer.from(JSON.stringify(folders)))
  }

  /**
   * At app start: every remembered folder loses its stale partial files, and
   * then the list is forgotten. It exists only to find what a killed export
   * left, and a list of backup folders on a seized laptop would say that
   * copies exist and where; so it never names more than the folders written
   * to since the last start. A folder not mounted now keeps its partial file
   * until the next export there.
   */
  async sweep(): Promise<void> {
    await Promise.all((await this.list()).map(removeStalePartials))
    await rm(this.#path, { force: true, recursive: true }).catch(() => {})
  }

  /** The save dialog, noting the folder of every bundle the user chooses to write. */
  remembering(dialogs: DialogsPort): DialogsPort {
    return {
      openFiles: (purpose) => dialogs.openFiles(purpose),
      saveFile: async (purpose, suggestedName) => {
        const path = await dialogs.saveFile(purpose, suggestedName)
        if (path !== null && purpose === 'bundle') await this.remember(dirname(path)).catch(() => {})
        return path
      },
    }
  }
}
