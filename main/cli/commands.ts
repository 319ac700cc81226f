import { contactRoles, type ContactInput } from '../../shared/domain/contact'
import { briefingInput } from '../../shared/recordInputs'
import { listContacts } from '../store/contactQueries'
import { changePassphrase, createVault, readHeaderInfo, setDuressPassphrase } from '../vault/vault'
import { wipeVault } from '../vault/wipe'
import { campaignCommands } from './campaignCommands'
import { allowWeakOption as allowWeak, jsonOption as json, printJson as print, vaultOption as vault, type Command } from './command'
import { requireNewPassphrase, requirePassphrase, requireString, UsageError, withVault } from './context'
import { evidenceCommands } from './evidenceCommands'
import { exchangeCommands } from './exchangeCommands'
import { optionalDate, optionalString, parseInput } from './options'

export const commands: Command[] = [
  {
    name: 'init',
    usage: 'sestra init --vault DIR [--allow-weak]',
    options: { ...vault, ...allowWeak },
    async run(ctx) {
      const dir = requireString(ctx, 'vault')
      const passphrase = await requireNewPassphrase(ctx, 'New passphrase: ')
      await createVault(dir, passphrase, ctx.vaultOptions)
      ctx.stdout(`Vault created in ${dir}`)
    },
  },
  {
    name: 'status',
    usage: 'sestra status --vault DIR [--json]   (counts need the passphrase on stdin)',
    options: { ...vault, ...json },
    async run(ctx) {
      const dir = requireString(ctx, 'vault')
      const header = await readHeaderInfo(dir)
      const passphrase = await ctx.passphrases.next('Passphrase for record counts (Enter to skip): ')
      const status = passphrase
        ? await withVault(ctx, (v) => ({ ...header, schemaVersion: v.schemaVersion(), counts: v.counts() }), passphrase)
        : header
      if (ctx.options.json) print(ctx, status)
      else ctx.stdout(Object.entries(status).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n'))
    },
  },
  {
    name: 'passwd',
    usage: 'sestra passwd --vault DIR [--allow-weak]   (stdin: current passphrase, then the new one)',
    options: { ...vault, ...allowWeak },
    async run(ctx) {
      const dir = requireString(ctx, 'vault')
      const current = await requirePassphrase(ctx, 'Current passphrase: ')
      const next = await requireNewPassphrase(ctx, 'New passphrase: ')
      await changePassphrase(dir, current, next)
      ctx.stdout('Passphrase changed.')
    },
  },
  {
    name: 'duress set',
    usage: 'sestra duress set --vault DIR [--clear] [--allow-weak]   (stdin: the passphrase, then the duress passphrase unless --clear)',
    help: [
      'Given at unlock, the duress passphrase silently destroys this vault and opens a new, empty one in its place:',
      'for when someone forces you to unlock. It must differ from the passphrase and reach the same strength floor.',
      '--clear removes it.',
    ].join('\n'),
    options: { ...vault, ...allowWeak, clear: { type: 'boolean' } },
    async run(ctx) {
      const dir = requireString(ctx, 'vault')
      const current = await requirePassphrase(ctx, 'Passphrase: ')
      const duress = ctx.options.clear ? null : await requireNewPassphrase(ctx, 'Duress passphrase: ')
      await setDuressPassphrase(dir, current, duress, ctx.vaultOptions)
      ctx.stdout(duress === null ? 'Duress passphrase removed.' : 'Duress passphrase set.')
    },
  },
  {
    name: 'wipe',
    usage: 'sestra wipe --vault DIR [--json]   (no passphrase, no question: the vault is destroyed)',
    options: { ...vault, ...json },
    async run(ctx) {
      const timings = await wipeVault(requireString(ctx, 'vault'))
      if (ctx.options.json) print(ctx, timings)
      else ctx.stdout('Vault destroyed.')
    },
  },
  {
    name: 'contact add',
    usage: `sestra contact add --vault DIR --name NAME [--phone PHONE]... [--role ${contactRoles.join('|')}]... [--notes TEXT] [--speed-dial] [--around-the-clock] [--briefed-for CAMPAIGN_ID --on YYYY-MM-DD]   (prints the id)`,
    help: [
      '--speed-dial: the number is on speed dial (the checklist asks this of the lawyer).',
      '--around-the-clock: reachable 24/7 (asked of psychological support).',
      '--briefed-for CAMPAIGN_ID --on YYYY-MM-DD: the contact was briefed for that campaign on that day.',
    ].join('\n'),
    options: {
      ...vault,
      name: { type: 'string' },
      phone: { type: 'string', multiple: true },
      role: { type: 'string', multiple: true },
      notes: { type: 'string' },
      'speed-dial': { type: 'boolean' },
      'around-the-clock': { type: 'boolean' },
      'briefed-for': { type: 'string' },
      on: { type: 'string' },
    },
    async run(ctx) {
      const input = {
        name: requireString(ctx, 'name'),
        phones: (ctx.options.phone as string[] | undefined) ?? [],
        roles: (ctx.options.role as string[] | undefined) ?? [],
        notes: (ctx.options.notes as string | undefined) ?? '',
        speedDial: ctx.options['speed-dial'] === true,
        aroundTheClock: ctx.options['around-the-clock'] === true,
      }
      const unknownRole = input.roles.find((r) => !(contactRoles as readonly string[]).includes(r))
      if (unknownRole) throw new UsageError(`unknown role "${unknownRole}"; one of: ${contactRoles.join(', ')}`)
      const briefedFor = optionalString(ctx, 'briefed-for')
      const briefedOn = optionalDate(ctx, 'on')
      if ((briefedFor === undefined) !== (briefedOn === null)) throw new UsageError('give --briefed-for and --on together')
      const contact = await withVault(ctx, (v) =>
        // One transaction: a briefing for a campaign that is not there leaves no contact behind.
        v.store.transaction(() => {
          const created = v.store.contacts.create(input as ContactInput)
          if (briefedFor !== undefined) {
            const briefing = parseInput(briefingInput, { campaignId: briefedFor, contactId: created.id, briefedOn })
            v.store.plans.setBriefing(briefing.campaignId, briefing.contactId, briefing.briefedOn)
          }
          return created
        }),
      )
      ctx.stdout(contact.id)
    },
  },
  {
    name: 'contact list',
    usage: 'sestra contact list --vault DIR [--json]',
    options: { ...vault, ...json },
    async run(ctx) {
      const contacts = await withVault(ctx, (v) => listContacts(v.store, { query: '', limit: -1, offset: 0 }).items)
      // `phone` and `role` are the first of each, for scripts that want one value.
      const rows = contacts.map((c) => ({ ...c, phone: c.phones[0] ?? null, role: c.roles[0] ?? null }))
      if (ctx.options.json) print(ctx, rows)
      else ctx.stdout(rows.map((c) => [c.id, c.name, c.phone ?? '', c.role ?? ''].join('\t')).join('\n'))
    },
  },
  ...campaignCommands,
  ...exchangeCommands,
  ...evidenceCommands,
]

export function findCommand(words: string[]): { command: Command; rest: string[] } | null {
  for (const command of [...commands].sort((a, b) => b.name.length - a.name.length)) {
    const parts = command.name.split(' ')
    if (parts.every((p, i) => words[i] === p)) return { command, rest: words.slice(parts.length) }
  }
  return null
}
