import type { Writable } from 'node:stream'
import type { Store } from '../store/records'

/**
 * A stored file's bytes onto `out` (standard output for `sestra file cat`),
 * each piece written before the next is asked for: the pieces are lent
 * (`FileStore.read`), so no buffer is allocated per piece, and a slow reader
 * downstream holds the decryption back instead of piling plaintext up in
 * memory. Returns the bytes written.
 */
export async function writeStoredFile(store: Store, id: string, out: Writable): Promise<number> {
  let bytes = 0
  // A failed write (a reader that went away: EPIPE) reaches the write's callback; the stream's own 'error' event must not crash the process as well.
  const ignore = () => {}
  out.on('error', ignore)
  try {
    for await (const piece of store.files.read(id, true)) {
      await new Promise<void>((resolve, reject) => out.write(piece, (error) => (error ? reject(error) : resolve())))
      bytes += piece.length
    }
  } finally {
    out.off('error', ignore)
  }
  return bytes
}
