import { join } from 'node:path'
import { openDatabase, type Database } from '../../main/vault/database'
import { createVault, databaseFile, unlockVault, type OpenVault } from '../../main/vault/vault'
import { tempDir } from './tempDirs'

export const evidencePassphrase = 'evidence test passphrase'

/** A fresh unlocked vault, plus a copy of its data key so a test can tamper through raw SQL like a forensic examiner would. */
export async function openTestVault(): Promise<{
  dir: string
  vault: OpenVault
  dataKey: Buffer
  rawDatabase: () => Database
  reopen: () => Promise<OpenVault>
}> {
  const dir = join(await tempDir(), 'vault')
  await createVault(dir, evidencePassphrase, { kdf: 'minimum' })
  const seen: Buffer[] = []
  const vault = await unlockVault(dir, evidencePassphrase, { kdf: 'minimum', onKeyMaterial: (b) => seen.push(b) })
  // The second buffer handed out is the data key (the first is the key-encryption key, zeroed already).
  const dataKey = Buffer.from(seen[1]!)
  return {
    dir,
    vault,
    dataKey,
    rawDatabase: () => openDatabase(join(dir, databaseFile), dataKey),
    reopen: () => unlockVault(dir, evidencePassphrase, { kdf: 'minimum' }),
  }
}

export async function* piecesOf(bytes: Buffer, size = 64 * 1024): AsyncGenerator<Buffer> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size)
}

export async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = []
  for await (const part of source) parts.push(part)
  return Buffer.concat(parts)
}

/** Bytes that differ at every offset modulo 251, so an off-by-one in a range shows. */
export function patterned(size: number): Buffer {
  const bytes = Buffer.alloc(size)
  for (let i = 0; i < size; i++) bytes[i] = i % 251
  return bytes
}
