import { randomUUID } from 'node:crypto'
import { lstat, rm } from 'node:fs/promises'
import type { ImportSource } from './importFiles'

interface Original extends ImportSource {
  mtimeMs: number
}

/**
 * The files an import read, kept in main (never sent to the renderer) so the
 * person can have exactly those originals deleted afterwards: the renderer
 * only ever names a batch by its token, and a token is good once.
 */
export class ImportedOriginals {
  readonly #batches = new Map<string, Original[]>()

  /** Notes the files as they are now; returns the token the renderer may use. */
  async remember(sources: readonly ImportSource[]): Promise<string> {
    const originals = await Promise.all(sources.map(async (s) => ({ ...s, mtimeMs: (await lstat(s.path)).mtimeMs })))
    const token = randomUUID()
    this.#batches.set(token, originals)
    return token
  }

  /**
   * Deletes the batch's files that are still the files imported: a regular
   * file of the same size and modification time. Anything else now at that
   * path (replaced, grown, a link) is left alone and counted as kept.
   */
  async delete(token: string): Promise<{ deleted: number; kept: number }> {
    const batch = this.#batches.get(token) ?? []
    this.#batches.delete(token)
    let deleted = 0
    for (const original of batch) {
      const now = await lstat(original.path).catch(() => null)
      if (now?.isFile() && now.size === original.size && now.mtimeMs === original.mtimeMs) {
        await rm(original.path)
        deleted++
      }
    }
    return { deleted, kept: batch.length - deleted }
  }
}
