import type { FileHandle } from 'node:fs/promises'

/**
 * A file's bytes from `position` to its end, in pieces of `size`, with the
 * next piece read (on libuv's threads) while the caller works on this one.
 * Two buffers take turns, so a long file allocates nothing per piece: each
 * piece is valid only until the next one is asked for. For
 * readers that hash or copy what they get and keep nothing (the blob writer
 * reading a file to add). Blobs and bundles, ciphertext only, are read with
 * `readDirect` (directFile.ts) instead.
 */
export async function* readAhead(handle: FileHandle, position: number, size: number, signal?: AbortSignal): AsyncGenerator<Buffer> {
  const buffers = [Buffer.allocUnsafeSlow(size), Buffer.allocUnsafeSlow(size)] as const
  const readAt = async (at: number, buffer: Buffer) => buffer.subarray(0, (await handle.read(buffer, 0, size, at)).bytesRead)
  let next = readAt(position, buffers[0])
  try {
    for (let turn: 0 | 1 = 1; ; turn = turn === 0 ? 1 : 0) {
      const piece = await next
      if (piece.length === 0) return
      signal?.throwIfAborted()
      position += piece.length
      next = readAt(position, buffers[turn])
      yield piece
    }
  } finally {
    // A read still running must not land in a buffer after the caller has let go, nor fail unseen.
    await next.catch(() => {})
  }
}
