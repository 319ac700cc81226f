/**
 * The layout of age's STREAM (64 KiB plaintext chunks, each followed by its
 * 16-byte Poly1305 tag), shared by the pipelines in `stream.ts` and the
 * worker that runs the cipher (`chunkWorkers.ts`).
 */
export const streamChunkSize = 64 * 1024
export const streamTagSize = 16
export const sealedChunkSize = streamChunkSize + streamTagSize

/** A chunk failed authentication or the stream's shape is wrong; callers name what was damaged. */
export class StreamDamagedError extends Error {}

/** Length of the sealed stream for a plaintext of `length` bytes. */
export function sealedLength(length: number): number {
  return length + chunkCount(length) * streamTagSize
}

/** How many chunks a plaintext of `length` bytes takes (an empty one still has its empty last chunk). */
export function chunkCount(length: number): number {
  return Math.max(1, Math.ceil(length / streamChunkSize))
}
