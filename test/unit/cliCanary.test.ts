import { spawnSync } from 'node:child_process'
import { mkdir, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { filesContaining } from '../support/scanForCanary'
import { cliPath, runCli } from '../support/runCli'
import { tempDir } from '../support/tempDirs'

const pass = 'canary home passphrase'
const canary = 'CANARY-Zhyldyz-7f3a91'

/** A fresh $HOME (and temp folder inside it) for the CLI, so anything it leaves behind is found. */
async function freshHome() {
  const home = await tempDir('sestra-home-')
  const tmp = join(home, 'tmp')
  await mkdir(tmp)
  return { home, env: { HOME: home, TMPDIR: tmp, XDG_CONFIG_HOME: join(home, '.config'), XDG_CACHE_HOME: join(home, '.cache') } }
}

describe('no record content under $HOME after CLI runs', () => {
  it('control: run through `npm run`, a failing command leaves the content in ~/.npm/_logs', async () => {
    const { home, env } = await freshHome()
    const npm = spawnSync('npm', ['run', '-s', 'cli', '--', 'contact', 'add', '--vault', join(home, 'none'), '--name', canary], {
      cwd: join(import.meta.dirname, '../..'),
      // npm's own variables (set when the tests run under npm) would send its logs to the real ~/.npm.
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name))), ...env },
      input: '',
      encoding: 'utf8',
    })
    if (npm.error) throw npm.error
    expect(npm.status).not.toBe(0)
    // The scanner finds the leak this README warns about: the check below can fail.
    expect((await filesContaining(home, canary)).some((path) => path.includes(join('.npm', '_logs')))).toBe(true)
  })

  it('run as `node out/main/cli.js`, succeeding and failing, nothing under $HOME holds the content', { timeout: 180_000 }, async () => {
    const { home, env } = await freshHome()
    const vault = join(home, 'vault')
    const run = async (args: string[], stdin: string) => {
      const result = await runCli(args, stdin, env)
      // Errors are one line naming no content; only commands that list records print it.
      expect(result.stderr).not.toContain(canary)
      return result
    }
    expect((await run(['init', '--vault', vault], `${pass}\n`)).code).toBe(0)
    const content = JSON.stringify({ name: `${canary} contact`, notes: `${canary} notes`, role: ['lawyer'] })
    expect((await run(['contact', 'add', '--vault', vault, '--stdin-json'], `${pass}\n${content}\n`)).code).toBe(0)
    expect((await run(['contact', 'add', '--vault', vault, '--name', `${canary} by argument`], `${pass}\n`)).code).toBe(0)
    const incident = ['incident', 'add', '--vault', vault, '--kind', 'threat', '--date', '2026-11-26', '--title', `${canary} title`]
    expect((await run([...incident, '--description', `${canary} description`], `${pass}\n`)).code).toBe(0)
    // Failing runs: invalid input, a wrong passphrase, a stray argument, an unknown command, bad JSON.
    expect((await run(['contact', 'add', '--vault', vault, '--name', canary, '--phone', `${canary}`], `${pass}\n`)).code).toBe(2)
    expect((await run(['contact', 'add', '--vault', vault, '--name', canary], 'not the passphrase\n')).code).toBe(3)
    expect((await run(['contact', 'add', '--vault', vault, '--name', 'Stray', canary], `${pass}\n`)).code).toBe(2)
    expect((await run(['contact', canary, '--name', canary], `${pass}\n`)).code).toBe(2)
    expect((await run(['contact', 'add', '--vault', vault, '--stdin-json'], `${pass}\n{"name": "${canary}"\n`)).code).toBe(2)
    expect((await run(['contact', 'add', '--vault', vault, '--stdin-json'], `${pass}\n{"${canary}": 1}\n`)).code).toBe(2)
    const listed = await run(['contact', 'list', '--vault', vault, '--json'], `${pass}\n`)
    expect(listed.stdout).toContain(`${canary} contact`)
    expect((await run(['export', '--vault', vault, '--out', join(home, 'backup.age'), '--to', (await run(['identity', '--vault', vault], `${pass}\n`)).stdout.trim()], `${pass}\n`)).code).toBe(0)

    expect(await filesContaining(home, canary)).toEqual([])
    expect(await readdir(home)).not.toContain('.npm')
    expect(cliPath).toMatch(/out[/\\]main[/\\]cli\.js$/)
  })
})
