import { resolve } from 'node:path'
import { reportLanguages, type ReportLanguage, type VerifyProblem } from '../../shared/domain/custody'
import { incidentFilter, incidentKinds, severities, type IncidentCreateInput, type IncidentFilter } from '../../shared/domain/incident'
import { SestraError } from '../../shared/errors'
import { importFiles } from '../evidence/importFiles'
import { exportReport } from '../evidence/report/exportReport'
import { verifyVault } from '../evidence/verify'
import { writeStoredFile } from '../evidence/writeStoredFile'
import { jsonOption as json, printJson as print, vaultOption as vault, type Command } from './command'
import { requireString, UsageError, withVault, type CliContext } from './context'
import { exitCodes } from './exitCodes'
import { oneOf } from './options'

const selection = {
  campaign: { type: 'string' },
  kind: { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
} as const

const optional = (ctx: CliContext, name: string) => ctx.options[name] as string | undefined
const strings = (ctx: CliContext, name: string) => (ctx.options[name] as string[] | undefined) ?? []

function onePositional(ctx: CliContext, what: string): string {
  if (ctx.positionals.length !== 1) throw new UsageError(`expected one ${what}`)
  return ctx.positionals[0]!
}

function filterOf(ctx: CliContext): IncidentFilter {
  const parsed = incidentFilter.safeParse({
    campaignId: optional(ctx, 'campaign'),
    kinds: ctx.options.kind ? strings(ctx, 'kind').map((k) => oneOf(k, incidentKinds, 'kind')) : undefined,
    from: optional(ctx, 'from'),
    to: optional(ctx, 'to'),
  })
  if (!parsed.success) throw new SestraError('INVALID_INPUT', parsed.error.issues.map((i) => i.path.join('.')).join(', '))
  return parsed.data
}

/** Ctrl-C during a long import stops it cleanly: no partial record, and the key is zeroed on the way out. */
function interruptible(): { signal: AbortSignal; done: () => void } {
  const controller = new AbortController()
  const abort = () => controller.abort()
  process.once('SIGINT', abort)
  return { signal: controller.signal, done: () => process.off('SIGINT', abort) }
}

const describeProblem = (p: VerifyProblem) =>
  [p.kind, p.recordType, p.recordId, p.label ?? '', p.position === null ? '' : `entry ${p.position}`].join('\t')

export const evidenceCommands: Command[] = [
  {
    name: 'file add',
    allowPositionals: true,
    usage: 'sestra file add --vault DIR PATH... [--incident ID] [--json]   (files, or folders taken recursively; all or nothing)',
    options: { ...vault, ...json, incident: { type: 'string' } },
    async run(ctx) {
      if (ctx.positionals.length === 0) throw new UsageError('expected at least one file or folder')
      const paths = ctx.positionals.map((path) => resolve(path))
      const { signal, done } = interruptible()
      try {
        // One unlock for every path: one Argon2id run, however many files.
        const records = await withVault(ctx, async (v) => {
          const { fileIds } = await importFiles(v.store, paths, { signal, incidentId: optional(ctx, 'incident') })
          return fileIds.map((id) => v.store.files.get(id))
        })
        if (ctx.options.json) print(ctx, records)
        else if (records.length > 0) ctx.stdout(records.map((r) => r.id).join('\n'))
      } finally {
        done()
      }
    },
  },
  {
    name: 'file list',
    usage: 'sestra file list --vault DIR [--json]',
    options: { ...vault, ...json },
    async run(ctx) {
      const files = await withVault(ctx, (v) => v.store.files.list())
      if (ctx.options.json) print(ctx, files)
      else ctx.stdout(files.map((f) => [f.id, f.name, f.size, f.sha256, f.mime].join('\t')).join('\n'))
    },
  },
  {
    name: 'file cat',
    allowPositionals: true,
    usage: 'sestra file cat --vault DIR ID   (the bytes go to standard output, unprotected)',
    options: { ...vault },
    async run(ctx) {
      const id = onePositional(ctx, 'file id')
      await withVault(ctx, async (v) => {
        await writeStoredFile(v.store, id, process.stdout)
        // A copy has left the vault: the chain says so.
        v.store.custody.append('file', id, 'exported', { to: 'standard output', via: 'sestra file cat' })
      })
    },
  },
  {
    name: 'incident add',
    usage: `sestra incident add --vault DIR --kind ${incidentKinds.join('|')} --date YYYY-MM-DD --title T [--time HH:MM] [--zone TZ] [--url URL] [--platform P] [--place P] [--description D] [--severity ${severities.join('|')}] [--campaign ID] [--file ID]...`,
    options: {
      ...vault,
      kind: { type: 'string' },
      date: { type: 'string' },
      title: { type: 'string' },
      time: { type: 'string' },
      zone: { type: 'string' },
      url: { type: 'string' },
      platform: { type: 'string' },
      place: { type: 'string' },
      description: { type: 'string' },
      severity: { type: 'string' },
      campaign: { type: 'string' },
      file: { type: 'string', multiple: true },
    },
    async run(ctx) {
      const input: IncidentCreateInput = {
        kind: oneOf(requireString(ctx, 'kind'), incidentKinds, 'kind'),
        occurredOn: requireString(ctx, 'date'),
        title: requireString(ctx, 'title'),
        occurredTime: optional(ctx, 'time') ?? null,
        timeZone: optional(ctx, 'zone') ?? null,
        url: optional(ctx, 'url') ?? null,
        platform: optional(ctx, 'platform'),
        place: optional(ctx, 'place'),
        description: optional(ctx, 'description'),
        severity: ctx.options.severity ? oneOf(requireString(ctx, 'severity'), severities, 'severity') : undefined,
        campaignId: optional(ctx, 'campaign') ?? null,
        fileIds: strings(ctx, 'file'),
      }
      const incident = await withVault(ctx, (v) => v.store.incidents.create(input))
      ctx.stdout(incident.id)
    },
  },
  {
    name: 'incident list',
    usage: 'sestra incident list --vault DIR [--json] [--campaign ID] [--kind KIND]... [--from YYYY-MM-DD] [--to YYYY-MM-DD]',
    options: { ...vault, ...json, ...selection },
    async run(ctx) {
      const filter = filterOf(ctx)
      const incidents = await withVault(ctx, (v) => v.store.incidents.list(filter).items)
      if (ctx.options.json) print(ctx, incidents)
      else ctx.stdout(incidents.map((i) => [i.id, i.occurredOn, i.kind, i.title].join('\t')).join('\n'))
    },
  },
  {
    name: 'verify',
    usage: 'sestra verify --vault DIR [--json]   (exit 0: no problems, 5: problems found)',
    options: { ...vault, ...json },
    async run(ctx) {
      const report = await withVault(ctx, (v) => verifyVault(v.store))
      if (ctx.options.json) print(ctx, report)
      else {
        const summary = `${report.files} files (${report.bytes} bytes), ${report.chains} custody chains (${report.entries} entries): ${report.problems.length} problems`
        ctx.stdout([...report.problems.map(describeProblem), summary].join('\n'))
      }
      return report.problems.length ? exitCodes.problems : exitCodes.ok
    },
  },
  {
    name: 'report',
    usage: 'sestra report --vault DIR --pdf FILE --manifest FILE [--lang en|ru] [--recipient TEXT] [--campaign ID] [--kind KIND]... [--from D] [--to D]   (the files are NOT protected)',
    options: { ...vault, ...json, ...selection, pdf: { type: 'string' }, manifest: { type: 'string' }, lang: { type: 'string' }, recipient: { type: 'string' } },
    async run(ctx) {
      const request = {
        pdfPath: resolve(requireString(ctx, 'pdf')),
        manifestPath: resolve(requireString(ctx, 'manifest')),
        language: oneOf<ReportLanguage>(optional(ctx, 'lang') ?? 'en', reportLanguages, 'language'),
        recipient: optional(ctx, 'recipient'),
        filter: filterOf(ctx),
      }
      const result = await withVault(ctx, (v) => exportReport(v.store, request))
      if (ctx.options.json) print(ctx, result)
      else ctx.stdout(`${result.incidents} incidents, ${result.files} files\n${result.pdfPath}  sha256 ${result.pdfSha256}\n${result.manifestPath}  sha256 ${result.manifestSha256}\n${result.signaturePath}  (its SSH signature)`)
    },
  },
]
