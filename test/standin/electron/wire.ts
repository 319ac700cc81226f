import { readFileSync } from 'node:fs'
import { deserialize, serialize } from 'node:v8'

/** page/wire.js as text: pasted into the page before the preload. */
export const wireSource = readFileSync(new URL('./page/wire.js', import.meta.url), 'utf8')

// The same two functions, evaluated once on the Node side (test-only code, a file of this folder).
const codec = new Function(`${wireSource}\nreturn { toWire, fromWire }`)() as {
  toWire(value: unknown): string
  fromWire(text: string): unknown
}

/** Node -> page: the structured clone main's value gets in Electron (functions throw), then the wire. */
export function encodeForPage(value: unknown): string {
  return codec.toWire(deserialize(serialize(value)))
}

/** Page -> Node: the page already structured-cloned it; v8 gives main its own copy. */
export function decodeFromPage(text: string): unknown {
  return deserialize(serialize(codec.fromWire(text)))
}
