/*
 * Runs Doyensec's Electronegativity over what ships and fails on any finding
 * above informational that docs/SECURITY.md does not justify (its table of
 * check ID, file and reason). Prints one summary line.
 *
 * What is scanned: the TypeScript sources of main, preload, renderer and
 * shared (the tool's parser cannot read the private class fields of the
 * bundled out/main), plus the built out/renderer (index.html with its CSP,
 * and the bundle with every third-party module the renderer runs).
 *
 * Offline: the only check that needs the network (Electron's release list,
 * AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK) is left out, since the Electron
 * version is pinned in package.json; the tool's translation download has its
 * own 1 s timeout; and the whole run is cut off after two minutes.
 */
import { cp, mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '../..')
const securityDoc = 'docs/SECURITY.md'
const timeoutMs = 120_000
const sources = ['main', 'preload', 'renderer', 'shared', 'package.json']
const builtRenderer = 'out/renderer'
const offlineExclusions = ['availablesecurityfixesglobalcheck']

const require = createRequire(import.meta.url)
const runElectronegativity = require('@doyensec/electronegativity/dist/runner.js')
const toolVersion = require('@doyensec/electronegativity/package.json').version

/** Rows like "| `CHECK_ID` | `path/or/N/A` | why |" in the security document. */
async function justifications() {
  const text = await readFile(join(root, securityDoc), 'utf8')
  const rows = new Map()
  for (const line of text.split('\n')) {
    const match = /^\|\s*`([A-Z0-9_]+)`\s*\|\s*`([^`]+)`\s*\|(.*)\|\s*$/.exec(line)
    if (match && match[3].trim().length > 0) rows.set(`${match[1]} ${match[2]}`, match[3].trim())
  }
  return rows
}

/** The tool scans one folder: a scratch copy holding exactly what is to be scanned. */
async function stage() {
  const dir = await mkdtemp(join(tmpdir(), 'sestra-electronegativity-'))
  await Promise.all(sources.map((name) => cp(join(root, name), join(dir, name), { recursive: true })))
  await cp(join(root, builtRenderer), join(dir, builtRenderer), { recursive: true })
  return dir
}

async function scan(dir, electronVersion) {
  // The tool talks on stdout while it works; this script says one line.
  const log = console.log
  console.log = () => {}
  try {
    return await runElectronegativity({
      input: dir,
      isRelative: true,
      electronVersionOverride: electronVersion,
      customScan: [],
      excludeFromScan: offlineExclusions,
      parserPlugins: [],
    })
  } finally {
    console.log = log
  }
}

function withTimeout(promise) {
  let timer
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result after ${timeoutMs / 1000} s`)), timeoutMs)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

async function main() {
  if (!(await stat(join(root, builtRenderer, 'index.html')).catch(() => null))) {
    throw new Error(`no ${builtRenderer}: run "npm run build" first`)
  }
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'))
  const electronVersion = pkg.devDependencies.electron
  const justified = await justifications()
  const dir = await stage()
  let result
  try {
    result = await withTimeout(scan(dir, electronVersion))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }

  // A file the tool could not parse is a file it did not check.
  const unparsed = result.errors.filter((e) => !e.tolerable)
  const relevant = result.issues.filter((issue) => issue.severity.value > 0)
  const unjustified = relevant.filter((issue) => !justified.has(`${issue.id} ${issue.file}`))
  const seen = new Set(relevant.map((issue) => `${issue.id} ${issue.file}`))
  const stale = [...justified.keys()].filter((key) => !seen.has(key))

  for (const e of unparsed) console.error(`  not parsed: ${e.file}: ${e.message}`)
  for (const i of unjustified) {
    console.error(`  unjustified: ${i.id} ${i.severity.name}/${i.confidence.name} ${i.file}:${i.location.line} — add a row to ${securityDoc} or fix it`)
  }
  for (const key of stale) console.error(`  note: ${securityDoc} justifies ${key}, which no longer occurs`)

  const failed = unparsed.length > 0 || unjustified.length > 0
  console.log(
    `electronegativity ${toolVersion} (Electron ${electronVersion}): ${result.globalChecks + result.atomicChecks} checks, ` +
      `${result.issues.length} findings, ${relevant.length} above informational, ${relevant.length - unjustified.length} justified, ` +
      `${unjustified.length} unjustified, ${unparsed.length} files not parsed: ${failed ? 'FAIL' : 'ok'}`,
  )
  return failed ? 1 : 0
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`electronegativity: ${error.message}: FAIL`)
    process.exit(1)
  },
)
