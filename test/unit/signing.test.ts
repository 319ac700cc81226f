import { createPublicKey, generateKeyPairSync } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportReport } from '../../main/evidence/report/exportReport'
import { formatPublicKey, parsePublicKey, rawPublicKey, signSsh, verifySsh } from '../../main/signing/sshsig'
import { openTestVault } from '../support/evidenceVault'
import { runCli } from '../support/runCli'
import { sshEd25519Key, sshSign, sshVerify } from '../support/sshKeygen'
import { tempDir } from '../support/tempDirs'

const manifest = Buffer.from('{"format":"sestra-bundle","createdAt":"2026-11-29T10:00:00.000Z"}\n')

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519')
  return { privateKey, publicKey, line: formatPublicKey(rawPublicKey(publicKey)) }
}

describe('SSH signatures checked by the real ssh-keygen', () => {
  it('ssh-keygen -Y verify accepts what Sestra signs, for its namespace and message only', async () => {
    const dir = await tempDir()
    const { privateKey, publicKey, line } = keyPair()
    expect(line).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]{43}$/)
    const signature = signSsh(privateKey, publicKey, 'sestra-bundle', manifest)
    expect(signature).toMatch(/^-----BEGIN SSH SIGNATURE-----\n[\s\S]+\n-----END SSH SIGNATURE-----\n$/)

    const good = sshVerify(dir, line, 'sestra-bundle', signature, manifest)
    expect(good.code, good.stderr).toBe(0)
    expect(good.stdout).toMatch(/Good "sestra-bundle" signature for sestra with ED25519 key/)

    expect(sshVerify(dir, line, 'sestra-report', signature, manifest).code).not.toBe(0)
    const changed = Buffer.from(manifest)
    changed[20] = changed[20]! ^ 0x01
    expect(sshVerify(dir, line, 'sestra-bundle', signature, changed).code).not.toBe(0)
    expect(sshVerify(dir, keyPair().line, 'sestra-bundle', signature, manifest).code).not.toBe(0)
  })

  it('Sestra accepts what ssh-keygen -Y sign makes, and names the signer', async () => {
    const dir = await tempDir()
    const ally = sshEd25519Key(dir)
    const signature = sshSign(ally.path, 'sestra-bundle', manifest)
    const signer = verifySsh(signature, 'sestra-bundle', manifest)
    expect(signer).not.toBeNull()
    expect(parsePublicKey(signer!)!.equals(parsePublicKey(ally.publicKey)!)).toBe(true)
    expect(verifySsh(signature, 'sestra-report', manifest)).toBeNull()
    expect(verifySsh(signature, 'sestra-bundle', Buffer.concat([manifest, Buffer.from(' ')]))).toBeNull()
  })

  it('malformed, truncated or re-keyed signatures are refused, never thrown', () => {
    const { privateKey, publicKey } = keyPair()
    const signature = signSsh(privateKey, publicKey, 'sestra-bundle', manifest)
    const body = signature.split('\n').slice(1, -2).join('')
    const rearmor = (bytes: Buffer) => `-----BEGIN SSH SIGNATURE-----\n${bytes.toString('base64')}\n-----END SSH SIGNATURE-----\n`
    const raw = Buffer.from(body, 'base64')
    for (const bad of [
      '',
      'not a signature',
      rearmor(raw.subarray(0, raw.length - 10)),
      rearmor(Buffer.concat([raw, Buffer.from([0])])),
      signature.replace('SSH SIGNATURE', 'PGP SIGNATURE'),
    ]) {
      expect(verifySsh(bad, 'sestra-bundle', manifest)).toBeNull()
    }
    // Another key swapped into the signature's public-key field: the signature no longer matches.
    const other = Buffer.from(rawPublicKey(keyPair().publicKey))
    const swapped = Buffer.from(raw)
    swapped.set(other, raw.indexOf(rawPublicKey(publicKey)))
    expect(verifySsh(rearmor(swapped), 'sestra-bundle', manifest)).toBeNull()
  })

  it('public key lines: ssh-keygen\'s own parse, comments allowed, other key types refused', async () => {
    const dir = await tempDir()
    const ally = sshEd25519Key(dir)
    expect(ally.publicKey).toMatch(/^ssh-ed25519 \S+ ally@example\.org$/)
    const raw = parsePublicKey(ally.publicKey)!
    expect(formatPublicKey(raw)).toBe(ally.publicKey.split(' ').slice(0, 2).join(' '))
    expect(rawPublicKey(createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' })).equals(raw)).toBe(true)
    for (const bad of ['ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ', 'ssh-ed25519', 'ssh-ed25519 AAAA', 'age1qqqq', `ssh-ed25519 ${Buffer.alloc(51).toString('base64')}`]) {
      expect(parsePublicKey(bad)).toBeNull()
    }
  })
})

describe('a vault signs its evidence reports', () => {
  it('the manifest gets a .sig beside it that ssh-keygen checks with the vault key; a changed manifest fails', async () => {
    const { vault } = await openTestVault()
    try {
      vault.store.incidents.create({ title: 'Threat at the school gate', kind: 'threat', occurredOn: '2026-11-27' })
      const out = await tempDir('sestra-report-')
      const result = await exportReport(vault.store, { pdfPath: join(out, 'report.pdf'), manifestPath: join(out, 'report.manifest.json') })
      expect(result.signaturePath).toBe(join(out, 'report.manifest.json.sig'))
      const manifest = await readFile(result.manifestPath)
      const signature = await readFile(result.signaturePath, 'utf8')
      const key = vault.store.signingKey.publicKey()
      expect(JSON.parse(manifest.toString('utf8'))).toMatchObject({ signature: { namespace: 'sestra-report', file: 'report.manifest.json.sig', publicKey: key } })
      const dir = await tempDir()
      const good = sshVerify(dir, key, 'sestra-report', signature, manifest)
      expect(good.code, good.stderr).toBe(0)
      expect(sshVerify(dir, key, 'sestra-bundle', signature, manifest).code).not.toBe(0)
      const edited = Buffer.from(manifest.toString('utf8').replace('Threat at the school gate', 'Threat at the school gatE'))
      expect(sshVerify(dir, key, 'sestra-report', signature, edited).code).not.toBe(0)
    } finally {
      vault.lock()
    }
  })
})

describe('the CLI shows the signing key and who signed a bundle', () => {
  it('identity --signing, ally add --signing-key, and import naming an unknown key, then the ally', async () => {
    const dir = await tempDir()
    const pass = 'signing cli passphrase'
    const [a, b] = [join(dir, 'a'), join(dir, 'b')]
    for (const vault of [a, b]) expect((await runCli(['init', '--vault', vault], `${pass}\n`)).code).toBe(0)
    const aSigning = (await runCli(['identity', '--vault', a, '--signing'], `${pass}\n`)).stdout.trim()
    expect(aSigning).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]{43}$/)
    const aIdentity = JSON.parse((await runCli(['identity', '--vault', a, '--json'], `${pass}\n`)).stdout) as { publicKey: string; signingKey: string }
    expect(aIdentity.signingKey).toBe(aSigning)
    const bAge = (await runCli(['identity', '--vault', b], `${pass}\n`)).stdout.trim()
    const bundle = join(dir, 'to-b.age')
    expect((await runCli(['export', '--vault', a, '--out', bundle, '--to', bAge], `${pass}\n`)).code).toBe(0)

    const first = await runCli(['import', '--vault', b, '--in', bundle], `${pass}\n`)
    expect(first.code, first.stderr).toBe(0)
    expect(first.stdout).toContain(`Signed by a key this vault does not know: ${aSigning}.`)
    const added = await runCli(['ally', 'add', '--vault', b, '--name', 'Vault A Example', '--key', aIdentity.publicKey, '--signing-key', `${aSigning} a@example.org`], `${pass}\n`)
    expect(added.code, added.stderr).toBe(0)
    expect((await runCli(['import', '--vault', b, '--in', bundle], `${pass}\n`)).stdout).toContain('Signed by your ally "Vault A Example"')
    const refused = await runCli(['ally', 'add', '--vault', b, '--name', 'X', '--key', aIdentity.publicKey, '--signing-key', 'ssh-rsa AAAAB3NzaC1yc2E'], `${pass}\n`)
    expect(refused.code).toBe(2)
  }, 180_000)
})
