/** Subscribers to one event; `add` returns the unsubscribe. */
export class Listeners {
  readonly #set = new Set<() => void>()

  add(listener: () => void): () => void {
    this.#set.add(listener)
    return () => this.#set.delete(listener)
  }

  emit(): void {
    for (const listener of this.#set) listener()
  }
}
