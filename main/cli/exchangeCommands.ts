import { resolve } from 'node:path'
import type { BundleSelection, BundleSignature } from '../../shared/bundle'
import { isAgeX25519Recipient, verificationMethods, type AllyInput } from '../../shared/domain/ally'
import type { DecryptWith, EncryptTo } from '../exchange/ageFiles'
import { exportBundle } from '../exchange/exportBundle'
import { keyFingerprint } from '../exchange/fingerprint'
import { importBundle, type ImportResult } from '../exchange/importBundle'
import { restoreBundle } from '../exchange/restoreBundle'
import { unlockVault } from '../vault/vault'
import { allowWeakOption as allowWeak, jsonOption as json, vaultOption as vault, type Command } from './command'
import { requireNewPassphrase, requirePassphrase, requireString, UsageError, withVault, type CliContext } from './context'

const input = { in: { type: 'string' } } as const
const passphraseFlag = { passphrase: { type: 'boolean' } } as const

const strings = (ctx: CliContext, name: string) => (ctx.options[name] as string[] | undefined) ?? []


/** Who signed it, in words: the one thing about a bundle the checks cannot decide for the user. */
function describeSignature(signature: BundleSignature): string {
  switch (signature.status) {
    case 'ally':
      return `Signed by your ally "${signature.allyName}" (${signature.publicKey}).`
    case 'this_vault':
      return 'Signed by this vault.'
    case 'unknown':
      return `Signed by a key this vault does not know: ${signature.publicKey}. Compare it with the sender's before you trust it.`
    case 'unsigned':
      return 'NOT signed: nothing shows who made it.'
  }
}

function printResult(ctx: CliContext, result: ImportResult, verb: string) {
  if (ctx.options.json) return ctx.stdout(JSON.stringify(result, null, 2))
  const lines = Object.entries(result.summary.counts).map(
    ([type, n]) => `  ${type}: ${n} in bundle, ${result.written[type] ?? 0} ${verb}, ${result.kept[type] ?? 0} kept`,
  )
  const made = `Bundle made ${result.summary.createdAt} by Sestra ${result.summary.appVersion}; all checks passed.`
  ctx.stdout([made, describeSignature(result.summary.signature), ...lines].join('\n'))
}

export const exchangeCommands: Command[] = [
  {
    name: 'identity',
    usage:
      'sestra identity --vault DIR [--json | --signing]   (the age public key to give to allies; --signing: the ssh-ed25519 key your bundles and reports are signed with; --json: both)',
    options: { ...vault, ...json, signing: { type: 'boolean' } },
    async run(ctx) {
      const { publicKey, signingKey } = await withVault(ctx, (v) => ({ publicKey: v.store.identity.publicKey(), signingKey: v.store.signingKey.publicKey() }))
      if (ctx.options.json) ctx.stdout(JSON.stringify({ publicKey, fingerprint: keyFingerprint(publicKey), signingKey }, null, 2))
      else ctx.stdout(ctx.options.signing ? signingKey : publicKey)
    },
  },
  {
    name: 'ally add',
    usage: `sestra ally add --vault DIR --name NAME --key AGE1... [--signing-key 'ssh-ed25519 AAAA...'] [--verified ${verificationMethods.join('|')}] [--on YYYY-MM-DD] [--notes TEXT]`,
    options: {
      ...vault,
      name: { type: 'string' },
      key: { type: 'string' },
      'signing-key': { type: 'string' },
      verified: { type: 'string' },
      on: { type: 'string' },
      notes: { type: 'string' },
    },
    async run(ctx) {
      const ally: AllyInput = {
        name: requireString(ctx, 'name'),
        publicKey: requireString(ctx, 'key'),
        signingKey: (ctx.options['signing-key'] as string | undefined) ?? null,
        verification: ((ctx.options.verified as string | undefined) ?? 'not_verified') as AllyInput['verification'],
        verifiedOn: (ctx.options.on as string | undefined) ?? null,
        notes: (ctx.options.notes as string | undefined) ?? '',
      }
      const created = await withVault(ctx, (v) => v.store.allies.create(ally))
      ctx.stdout(`${created.id}\t${keyFingerprint(created.publicKey)}`)
    },
  },
  {
    name: 'ally list',
    usage: 'sestra ally list --vault DIR [--json]',
    options: { ...vault, ...json },
    async run(ctx) {
      const allies = await withVault(ctx, (v) => v.store.allies.list().items)
      const rows = allies.map((a) => ({ ...a, fingerprint: keyFingerprint(a.publicKey) }))
      if (ctx.options.json) ctx.stdout(JSON.stringify(rows, null, 2))
      else ctx.stdout(rows.map((a) => [a.id, a.name, a.publicKey, a.verification].join('\t')).join('\n'))
    },
  },
  {
    name: 'export',
    usage:
      'sestra export --vault DIR --out FILE.age (--to AGE_PUBLIC_KEY)... [--passphrase [--allow-weak]] [--campaign ID]... [--incident ID]... [--contact ID]...   (stdin: vault passphrase, then the export passphrase)',
    options: {
      ...vault,
      ...passphraseFlag,
      ...allowWeak,
      out: { type: 'string' },
      to: { type: 'string', multiple: true },
      campaign: { type: 'string', multiple: true },
      incident: { type: 'string', multiple: true },
      contact: { type: 'string', multiple: true },
    },
    async run(ctx) {
      const out = resolve(requireString(ctx, 'out'))
      const recipients = strings(ctx, 'to').map((key) => key.trim().toLowerCase())
      if (recipients.length === 0 && !ctx.options.passphrase) throw new UsageError('give --to AGE_PUBLIC_KEY or --passphrase')
      if (recipients.length > 0 && ctx.options.passphrase) {
        throw new UsageError('age encrypts to public keys or to a passphrase, not both: make two exports')
      }
      const badKey = recipients.findIndex((key) => !isAgeX25519Recipient(key))
      if (badKey !== -1) throw new UsageError(`--to number ${badKey + 1} is not an age public key (age1..., 62 characters)`)
      const campaigns = strings(ctx, 'campaign')
      const incidents = strings(ctx, 'incident')
      const contacts = strings(ctx, 'contact')
      const selection: BundleSelection =
        campaigns.length || incidents.length || contacts.length ? { kind: 'records', campaigns, incidents, contacts } : { kind: 'vault' }
      const vaultPassphrase = await requirePassphrase(ctx, 'Vault passphrase: ')
      const to: EncryptTo = ctx.options.passphrase
        ? // age's scrypt is only as strong as the passphrase: the same floor as a vault's.
          { passphrase: await requireNewPassphrase(ctx, 'Passphrase for the bundle: ') }
        : { recipients }
      const result = await withVault(ctx, (v) => exportBundle(v.store, { selection, to, out }), vaultPassphrase)
      ctx.stdout(`Wrote ${out} (${result.bytes} bytes): ${Object.entries(result.counts).map(([t, n]) => `${n} ${t}`).join(', ')}`)
    },
  },
  {
    name: 'restore',
    usage:
      'sestra restore --vault NEWDIR --in FILE.age (--identity-from DIR | --passphrase) [--allow-weak] [--json]   (stdin: that vault\'s or the bundle\'s passphrase, then the new vault\'s)',
    options: { ...vault, ...input, ...passphraseFlag, ...allowWeak, ...json, 'identity-from': { type: 'string' } },
    async run(ctx) {
      const dir = requireString(ctx, 'vault')
      const path = requireString(ctx, 'in')
      const identityFrom = ctx.options['identity-from'] as string | undefined
      if (!identityFrom === !ctx.options.passphrase) throw new UsageError('give exactly one of --identity-from DIR and --passphrase')
      let key: DecryptWith
      if (identityFrom) {
        const other = await unlockVault(identityFrom, await requirePassphrase(ctx, `Passphrase of ${identityFrom}: `), ctx.vaultOptions)
        try {
          key = { identity: other.store.identity.secretKey() }
        } finally {
          other.lock()
        }
      } else {
        key = { passphrase: await requirePassphrase(ctx, 'Passphrase of the bundle: ') }
      }
      const newPassphrase = await requireNewPassphrase(ctx, 'Passphrase for the new vault: ')
      printResult(ctx, await restoreBundle(path, key, dir, newPassphrase, ctx.vaultOptions), 'restored')
    },
  },
  {
    name: 'import',
    usage:
      'sestra import --vault DIR --in FILE.age [--passphrase] [--prefer-incoming] [--json]   (stdin: vault passphrase, then the bundle\'s if --passphrase)',
    options: { ...vault, ...input, ...passphraseFlag, ...json, 'prefer-incoming': { type: 'boolean' } },
    async run(ctx) {
      const path = requireString(ctx, 'in')
      const vaultPassphrase = await requirePassphrase(ctx, 'Vault passphrase: ')
      const bundleKey = ctx.options.passphrase ? await requirePassphrase(ctx, 'Passphrase of the bundle: ') : null
      const prefer = ctx.options['prefer-incoming'] ? 'incoming' : 'keep'
      const result = await withVault(
        ctx,
        (v) => importBundle(v.store, path, bundleKey === null ? { identity: v.store.identity.secretKey() } : { passphrase: bundleKey }, prefer),
        vaultPassphrase,
      )
      printResult(ctx, result, 'imported')
    },
  },
]
