/** 1 MiB: large enough for throughput, small enough that memory stays flat. */
export const chunkSize = 1024 * 1024

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Cuts a stream of pieces of any size into numbered chunks of `chunkSize`
 * through one reusable buffer, so memory stays flat however large the file.
 * Intake and bundle restore both store files this way.
 */
export class ChunkWriter {
  readonly #chunk: Buffer<ArrayBuffer> = Buffer.alloc(chunkSize)
  readonly #write: (seq: number, bytes: Buffer<ArrayBuffer>, last: boolean) => void
  #filled = 0
  #seq = 0

  constructor(write: (seq: number, bytes: Buffer<ArrayBuffer>, last: boolean) => void) {
    this.#write = write
  }

  /** Returns how many full chunks this piece completed and wrote. */
  append(piece: Uint8Array): number {
    let written = 0
    for (let at = 0; at < piece.length; ) {
      const taken = Math.min(chunkSize - this.#filled, piece.length - at)
      this.#chunk.set(piece.subarray(at, at + taken), this.#filled)
      this.#filled += taken
      at += taken
      if (this.#filled === chunkSize) {
        this.#flush(false)
        written++
      }
    }
    return written
  }

  /** Writes what is left as the last, shorter chunk. */
  finish(): void {
    this.#flush(true)
  }

  /** The buffer held plaintext: zero it whatever happened. */
  wipe(): void {
    this.#chunk.fill(0)
  }

  #flush(last: boolean): void {
    if (this.#filled === 0) return
    this.#write(this.#seq++, this.#chunk.subarray(0, this.#filled), last)
    this.#filled = 0
  }
}
