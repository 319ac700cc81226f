import { existsSync, readFileSync } from 'node:fs'
import { isBuiltin } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { unpackedUrl } from '../../../main/shell/asarPaths'

const root = resolve(import.meta.dirname, '../../..')
const read = (path: string) => readFileSync(join(root, path), 'utf8')

type Yaml = Record<string, string[] | Record<string, string>>

/**
 * Just enough YAML for electron-builder.yml: top-level keys holding a list
 * of scalars or a map of scalars (deeper levels are ignored).
 */
function parseBuilderYaml(text: string): Yaml {
  const out: Yaml = {}
  let key = ''
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+#.*$/, '').replace(/^\s*#.*$/, '')
    if (!line.trim()) continue
    const top = /^(\w+):\s*(.*)$/.exec(line)
    if (top) {
      key = top[1] as string
      out[key] = top[2] ? { '': top[2] } : {}
      continue
    }
    const item = /^ {2}- (.+)$/.exec(line)
    if (item) {
      const current = out[key]
      out[key] = [...(Array.isArray(current) ? current : []), item[1] as string]
      continue
    }
    const entry = /^ {2}(\w+):\s*(.+)$/.exec(line)
    if (entry) (out[key] as Record<string, string>)[entry[1] as string] = entry[2] as string
  }
  return out
}

const config = parseBuilderYaml(read('electron-builder.yml'))
const list = (key: string) => config[key] as string[]
const map = (key: string) => config[key] as Record<string, string>

const escape = (text: string) => text.replace(/[.+^${}()|[\]\\]/g, '\\$&')
/** `**` crosses folders, `*` does not: as electron-builder reads asarUnpack. */
const globToRegExp = (glob: string) =>
  new RegExp(`^${glob.split('**').map((part) => part.split('*').map(escape).join('[^/]*')).join('.*')}$`)
const unpacked = (path: string) => list('asarUnpack').some((glob) => globToRegExp(glob).test(path))

/** Every file and package the built worker loads: its relative imports, and the packages it names with their dependencies. */
function workerClosure(entry: string) {
  const files = new Set<string>()
  const packages = new Set<string>()
  const specifiers = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|(?:^|\n)\s*import\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g
  const addPackage = (name: string) => {
    const manifest = join(root, 'node_modules', name, 'package.json')
    if (packages.has(name) || !existsSync(manifest)) return
    packages.add(name)
    const { dependencies = {}, optionalDependencies = {} } = JSON.parse(readFileSync(manifest, 'utf8'))
    Object.keys({ ...dependencies, ...optionalDependencies }).forEach(addPackage)
  }
  const addFile = (path: string) => {
    if (files.has(path)) return
    files.add(path)
    for (const match of readFileSync(path, 'utf8').matchAll(specifiers)) {
      const specifier = (match[1] ?? match[2] ?? match[3]) as string
      if (specifier.startsWith('.')) addFile(resolve(dirname(path), specifier))
      else if (!isBuiltin(specifier)) addPackage(specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'))
    }
  }
  addFile(join(root, entry))
  return { files: [...files].map((f) => relative(root, f).split('\\').join('/')), packages: [...packages] }
}

describe('electron-builder.yml', () => {
  it('flips the fuses that would let code run inside the process holding the key', () => {
    expect(map('electronFuses')).toEqual({
      runAsNode: 'false',
      enableCookieEncryption: 'true',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      loadBrowserProcessSpecificV8Snapshot: 'false',
      grantFileProtocolExtraPrivileges: 'false',
    })
  })

  it('ships the build and package.json only: no sources, tests or build resources', () => {
    expect(list('files')).toEqual(['out/**/*', 'package.json'])
  })

  it('unpacks the native modules, whose .node binaries cannot load from inside the archive', () => {
    for (const path of [
      'node_modules/@signalapp/sqlcipher/prebuilds/linux-x64/node_sqlcipher.node',
      'node_modules/@node-rs/argon2-linux-x64-gnu/argon2.linux-x64-gnu.node',
    ]) {
      expect(unpacked(path), path).toBe(true)
    }
    expect(unpacked('out/main/index.js')).toBe(false)
    expect(unpacked('out/renderer/index.html')).toBe(false)
  })

  it('unpacks everything the built age worker loads, and package.json that makes it an ES module', () => {
    const entry = 'out/main/ageWorker.js'
    if (!existsSync(join(root, entry))) throw new Error(`${entry} is missing: run npx electron-vite build first`)
    const { files, packages } = workerClosure(entry)
    expect(packages).toContain('age-encryption')
    for (const file of files) expect(unpacked(file), file).toBe(true)
    for (const name of packages) expect(unpacked(`node_modules/${name}/package.json`), name).toBe(true)
    expect(unpacked('package.json')).toBe(true)
  })

  it('names the Linux .desktop file after desktopName, the app id Wayland and the shortcuts portal see', () => {
    const manifest = JSON.parse(read('package.json'))
    expect(manifest.desktopName).toBe(`${map('appId')['']}.desktop`)
    expect(map('linux').syncDesktopName).toBe('true')
  })

  it('has an app icon of at least 512x512 for Linux (and as the source for macOS) and one for Windows', () => {
    const png = readFileSync(join(root, map('linux').icon as string))
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)].every((side) => side >= 512)).toBe(true)
    expect(readFileSync(join(root, map('win').icon as string)).readUInt16BE(0)).toBe(0) // ICO header: reserved 0, type 1
  })

  it('has no second variant: the e2e tests run the unpackaged build', () => {
    expect(existsSync(join(root, 'electron-builder.e2e.yml'))).toBe(false)
  })
})

describe('npm run dev', () => {
  it("fetches the Electron binary first with the electron package's own installer (electron-vite dev only reports 'Electron uninstall')", () => {
    const dev = JSON.parse(read('package.json')).scripts.dev as string
    const installer = dev.split(' && ')[0] as string
    expect(dev.endsWith('electron-vite dev')).toBe(true)
    expect(JSON.parse(read('node_modules/electron/package.json')).bin[installer]).toBe('install.js')
  })
})

describe('the worker in a packaged app', () => {
  it('runs from app.asar.unpacked, and unchanged outside a package', () => {
    expect(unpackedUrl(new URL('file:///opt/Sestra/resources/app.asar/out/main/ageWorker.js')).href).toBe(
      'file:///opt/Sestra/resources/app.asar.unpacked/out/main/ageWorker.js',
    )
    expect(unpackedUrl(new URL('file:///C:/Program%20Files/Sestra/resources/app.asar/out/main/ageWorker.js')).href).toBe(
      'file:///C:/Program%20Files/Sestra/resources/app.asar.unpacked/out/main/ageWorker.js',
    )
    const dev = new URL('file:///work/main/out/main/ageWorker.js')
    expect(unpackedUrl(dev).href).toBe(dev.href)
  })
})
