import { createHash } from 'node:crypto'
import { rm } from 'node:fs/promises'
import type { SaveCopyResult } from '../../shared/evidence/ipcInputs'
import { SestraError } from '../../shared/errors'
import type { Store } from '../store/records'
import type { Progress } from '../vault/jobs'
import { openNewFile } from '../newFile'

/**
 * Streams a stored file, chunk by chunk, to the one path the person chose
 * (after the warning that the copy is not protected), then logs the export
 * with the copy's hash in the file's custody chain. A cancel or a failure
 * removes the partial copy.
 */
export async function saveFileCopy(store: Store, id: string, path: string, signal?: AbortSignal, progress?: Progress): Promise<SaveCopyResult> {
  const record = store.files.get(id)
  const hash = createHash('sha256')
  let size = 0
  const handle = await openNewFile(path)
  try {
    try {
      // Lent pieces (FileStore.read): each is written and hashed before the next is asked for.
      for await (const chunk of store.files.read(id, true)) {
        if (signal?.aborted) throw new SestraError('ABORTED')
        await handle.write(chunk)
        hash.update(chunk)
        size += chunk.length
        progress?.(size, record.size)
      }
      await handle.sync()
    } finally {
      await handle.close()
    }
    if (signal?.aborted) throw new SestraError('ABORTED')
    const sha256 = hash.digest('hex')
    store.custody.append('file', id, 'exported', { format: 'copy', size, sha256 })
    return { path, size, sha256 }
  } catch (error) {
    await rm(path, { force: true })
    throw error
  }
}
