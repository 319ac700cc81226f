import { describe, expect, it } from 'vitest'
import { minimumKdf } from '../../main/vault/kdf'
import {
  decodeKeySlot,
  duressVerifierFor,
  encodeKeySlot,
  headerLength,
  openDataKey,
  openKeySlot,
  sealKeySlot,
  secretBuffer,
} from '../../main/vault/keyslot'

const expectCode = (fn: () => unknown, code: string) => expect(fn).toThrow(expect.objectContaining({ code }))

describe('key slot', () => {
  it('wraps and unwraps the data key, and refuses another passphrase', async () => {
    const dataKey = secretBuffer(32)
    const bytes = encodeKeySlot(await sealKeySlot(dataKey, 'first passphrase', minimumKdf))
    expect(bytes.length).toBe(headerLength)
    expect(bytes.includes(dataKey)).toBe(false)
    const slot = decodeKeySlot(bytes)
    expect(slot.kdf).toEqual(minimumKdf)
    expect((await openDataKey(slot, 'first passphrase')).equals(dataKey)).toBe(true)
    await expect(openKeySlot(slot, 'second passphrase')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
  })

  it('tells damage from a wrong passphrase', async () => {
    const bytes = encodeKeySlot(await sealKeySlot(secretBuffer(32), 'first passphrase', minimumKdf))
    for (const offset of [11, 25, 70, 100, 130, 160]) {
      const flipped = Buffer.from(bytes)
      flipped[offset]! ^= 0x01
      expectCode(() => decodeKeySlot(flipped), 'CORRUPT_HEADER')
    }
    expectCode(() => decodeKeySlot(bytes.subarray(0, 144)), 'CORRUPT_HEADER')
    expectCode(() => decodeKeySlot(Buffer.from('not a vault at all, just text')), 'NOT_A_VAULT')
    expectCode(() => decodeKeySlot(Buffer.alloc(0)), 'NOT_A_VAULT')
  })

  it('refuses a header from a newer format', async () => {
    const bytes = encodeKeySlot(await sealKeySlot(secretBuffer(32), 'first passphrase', minimumKdf))
    bytes.writeUInt16BE(2, 8)
    expectCode(() => decodeKeySlot(bytes), 'NEWER_VERSION')
  })

  it('a header re-written with other parameters and a valid checksum does not open', async () => {
    const slot = await sealKeySlot(secretBuffer(32), 'first passphrase', minimumKdf)
    const weakened = decodeKeySlot(encodeKeySlot({ ...slot, kdf: { ...minimumKdf, timeCost: 4 } }))
    await expect(openDataKey(weakened, 'first passphrase')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
  })

  it('recognises the duress passphrase with the same single derivation, and only it', async () => {
    const slot = await sealKeySlot(secretBuffer(32), 'first passphrase', minimumKdf)
    const withDuress = decodeKeySlot(encodeKeySlot({ ...slot, duressVerifier: await duressVerifierFor(slot, 'duress phrase') }))
    // It hands back the derived key-encryption key, for the fresh vault's header.
    const duress = await openKeySlot(withDuress, 'duress phrase')
    expect(duress).toMatchObject({ kind: 'duress', kek: expect.any(Buffer) })
    expect((await openKeySlot(withDuress, 'first passphrase')).kind).toBe('key')
    await expect(openKeySlot(withDuress, 'other phrase')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
    // Without one set, the verifier is random: the duress phrase is just wrong.
    await expect(openKeySlot(slot, 'duress phrase')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
    await expect(openDataKey(withDuress, 'duress phrase')).rejects.toMatchObject({ code: 'WRONG_PASSPHRASE' })
  })
})
