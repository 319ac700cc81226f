import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

/*
 * Debian's OpenSSH `ssh-keygen` (package openssh-client, installed by
 * .ci/run): the tool an ally or a lawyer checks Sestra's signatures with.
 */

export interface KeygenResult {
  code: number
  stdout: string
  stderr: string
}

function keygen(args: string[], input?: Uint8Array | string): KeygenResult {
  const result = spawnSync('ssh-keygen', args, { input, encoding: 'utf8' })
  if (result.error) throw result.error
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr }
}

/** `ssh-keygen -Y verify` of `message` against `signature`, trusting `publicKey` as "sestra". */
export function sshVerify(dir: string, publicKey: string, namespace: string, signature: string, message: Uint8Array | string): KeygenResult {
  const allowed = join(dir, 'allowed_signers')
  const sigFile = join(dir, 'message.sig')
  writeFileSync(allowed, `sestra ${publicKey}\n`)
  writeFileSync(sigFile, signature)
  return keygen(['-Y', 'verify', '-f', allowed, '-I', 'sestra', '-n', namespace, '-s', sigFile], message)
}

/** A fresh OpenSSH Ed25519 key without a passphrase; returns its path and public line. */
export function sshEd25519Key(dir: string): { path: string; publicKey: string } {
  const path = join(dir, 'id_ed25519')
  const made = keygen(['-q', '-t', 'ed25519', '-N', '', '-C', 'ally@example.org', '-f', path])
  if (made.code !== 0) throw new Error(made.stderr)
  return { path, publicKey: keygen(['-y', '-f', path]).stdout.trim() }
}

/** `ssh-keygen -Y sign`, as an ally's own tools would sign a bundle. */
export function sshSign(keyPath: string, namespace: string, message: Uint8Array | string): string {
  const signed = keygen(['-Y', 'sign', '-f', keyPath, '-n', namespace], message)
  if (signed.code !== 0) throw new Error(signed.stderr)
  return signed.stdout
}
