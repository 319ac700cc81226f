import { releaseRun } from '../crypto/chunkWorkers'

/**
 * Reads exact byte counts from a stream of arbitrarily cut pieces, without
 * ever holding more than one piece and one request in memory. A piece is
 * handed back to the chunk workers (zeroed) once it is used up, so what
 * `pieces` yields is valid only until the next piece is asked for: readers
 * hash or copy it and keep nothing.
 */
export class ByteReader {
  readonly #source: AsyncIterator<Uint8Array>
  #current: Uint8Array = new Uint8Array(0)
  #pending: Uint8Array = new Uint8Array(0)
  #ended = false

  constructor(source: AsyncIterable<Uint8Array>) {
    this.#source = source[Symbol.asyncIterator]()
  }

  async #fill(): Promise<boolean> {
    while (this.#pending.length === 0) {
      if (this.#ended) return false
      // The piece before is used up: decrypted by a chunk worker, it takes the next run (anything else is left alone).
      releaseRun(this.#current, true)
      const next = await this.#source.next()
      if (next.done) {
        this.#ended = true
        return false
      }
      this.#current = next.value
      this.#pending = next.value
    }
    return true
  }

  /** Lets go of the source before its end (a refusal part way): its `finally` runs now, not at garbage collection. */
  async close(): Promise<void> {
    this.#pending = new Uint8Array(0)
    if (!this.#ended) await this.#source.return?.()
    this.#ended = true
  }

  #take(max: number): Uint8Array {
    const piece = this.#pending.subarray(0, max)
    this.#pending = this.#pending.subarray(piece.length)
    return piece
  }

  /** Exactly `n` bytes, or fewer only if the stream ended first. */
  async read(n: number): Promise<Buffer> {
    const out = Buffer.alloc(n)
    let filled = 0
    while (filled < n && (await this.#fill())) {
      const piece = this.#take(n - filled)
      out.set(piece, filled)
      filled += piece.length
    }
    return out.subarray(0, filled)
  }

  /** The next `n` bytes as pieces; stops early only if the stream ends. */
  async *pieces(n: number): AsyncGenerator<Uint8Array> {
    for (let left = n; left > 0 && (await this.#fill()); ) {
      const piece = this.#take(left)
      left -= piece.length
      yield piece
    }
  }

  /** Reads to the end, counting bytes and whether all were zero, up to `limit` bytes. */
  async drain(limit: number): Promise<{ bytes: number; allZero: boolean }> {
    let bytes = 0
    let allZero = true
    while (await this.#fill()) {
      const piece = this.#take(this.#pending.length)
      bytes += piece.length
      if (allZero && !piece.every((b) => b === 0)) allZero = false
      if (bytes > limit || !allZero) return { bytes, allZero }
    }
    return { bytes, allZero }
  }
}
