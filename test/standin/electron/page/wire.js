/*
 * The stand-in's IPC wire format: a value already passed through the
 * structured-clone algorithm (structuredClone in the page, v8.serialize in
 * Node), written as tagged JSON so that what structured clone keeps survives
 * the text-only CDP binding: undefined, NaN and -0, bigints, Dates, RegExps,
 * typed arrays (a Node Buffer arrives as a Uint8Array, as in Electron), Maps,
 * Sets and Errors. The same source runs in the page (pasted into the injected
 * script) and in Node (see wire.ts): one implementation for both sides.
 */
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used where this source is pasted
function toWire(value) {
  const typedArrays = ['Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'DataView']
  const base64 = (bytes) => {
    let text = ''
    for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000))
    return btoa(text)
  }
  const encode = (v) => {
    if (v === undefined) return { u: 1 }
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return v
    if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0) ? v : { n: Object.is(v, -0) ? '-0' : String(v) }
    if (typeof v === 'bigint') return { b: v.toString() }
    if (Array.isArray(v)) return { a: v.map(encode) }
    const kind = Object.prototype.toString.call(v).slice(8, -1)
    if (kind === 'Date') return { d: v.getTime() }
    if (kind === 'RegExp') return { r: [v.source, v.flags] }
    if (kind === 'ArrayBuffer') return { ab: base64(new Uint8Array(v)) }
    if (typedArrays.includes(kind)) return { t: [kind, base64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength))] }
    if (kind === 'Map') return { m: [...v].map(([k, x]) => [encode(k), encode(x)]) }
    if (kind === 'Set') return { s: [...v].map(encode) }
    if (kind === 'Error') return { e: [v.name, v.message] }
    return { o: Object.entries(v).map(([k, x]) => [k, encode(x)]) }
  }
  return JSON.stringify(encode(value))
}

// eslint-disable-next-line @typescript-eslint/no-unused-vars -- used where this source is pasted
function fromWire(text) {
  const typedArrays = { Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array, DataView }
  const bytes = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
  const decode = (v) => {
    if (v === null || typeof v !== 'object') return v
    if ('u' in v) return undefined
    if ('n' in v) return v.n === '-0' ? -0 : Number(v.n)
    if ('b' in v) return BigInt(v.b)
    if ('a' in v) return v.a.map(decode)
    if ('d' in v) return new Date(v.d)
    if ('r' in v) return new RegExp(v.r[0], v.r[1])
    if ('ab' in v) return bytes(v.ab).buffer
    if ('t' in v) {
      const raw = bytes(v.t[1])
      const Type = typedArrays[v.t[0]] || Uint8Array
      return new Type(raw.buffer, 0, Type === DataView ? raw.byteLength : raw.byteLength / (Type.BYTES_PER_ELEMENT || 1))
    }
    if ('m' in v) return new Map(v.m.map(([k, x]) => [decode(k), decode(x)]))
    if ('s' in v) return new Set(v.s.map(decode))
    if ('e' in v) return Object.assign(new Error(v.e[1]), { name: v.e[0] })
    return Object.fromEntries(v.o.map(([k, x]) => [k, decode(x)]))
  }
  return decode(JSON.parse(text))
}
