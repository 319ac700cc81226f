import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { productionCsp } from '../../../shared/csp'
import { registerAppScheme, serveAppScheme } from '../../../main/shell/protocol'
import { VaultService } from '../../../main/vault/service'
import { lookUpRendererFile } from '../../../main/shell/rendererFiles'
import { tempDir } from '../../support/tempDirs'
import { FakeSession, protocol } from './fakeElectron'

vi.mock('electron', () => import('./fakeElectron'))

/** out/renderer in a temp dir, with a secret file right next to it. */
async function rendererTree() {
  const base = await tempDir()
  const root = join(base, 'renderer')
  await mkdir(join(root, 'assets'), { recursive: true })
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Sestra</title>')
  await writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)')
  await writeFile(join(base, 'secret.txt'), 'not for the renderer')
  return { base, root }
}

describe('lookUpRendererFile', () => {
  let root: string
  let base: string
  beforeEach(async () => {
    ;({ root, base } = await rendererTree())
  })

  it('serves files under the root with their content type', async () => {
    expect(await lookUpRendererFile(root, 'app://sestra/index.html', 'GET')).toEqual({
      status: 200,
      path: join(root, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    })
    expect(await lookUpRendererFile(root, 'app://sestra/', 'GET')).toMatchObject({ status: 200, path: join(root, 'index.html') })
    expect(await lookUpRendererFile(root, 'app://sestra/assets/index-abc.js?v=1', 'GET')).toMatchObject({
      status: 200,
      contentType: 'text/javascript; charset=utf-8',
    })
  })

  it.each([
    'app://sestra/../secret.txt',
    'app://sestra/..%2fsecret.txt',
    'app://sestra/%2e%2e/secret.txt',
    'app://sestra/%2e%2e%2fsecret.txt',
    'app://sestra/assets/..%2f..%2fsecret.txt',
    'app://sestra/..%5csecret.txt',
  ])('refuses the traversal %s', async (url) => {
    expect(await lookUpRendererFile(root, url, 'GET')).toEqual({ status: 404 })
  })

  it('refuses absolute paths', async () => {
    const secret = join(base, 'secret.txt')
    for (const url of [`app://sestra/${encodeURIComponent(secret)}`, `app://sestra/${secret}`, `app://sestra//${secret}`]) {
      expect(await lookUpRendererFile(root, url, 'GET'), url).toEqual({ status: 404 })
    }
  })

  it('refuses a symlink that leads out of the root', async () => {
    await symlink(join(base, 'secret.txt'), join(root, 'leak.txt'))
    await symlink(base, join(root, 'up'))
    expect(await lookUpRendererFile(root, 'app://sestra/leak.txt', 'GET')).toEqual({ status: 404 })
    expect(await lookUpRendererFile(root, 'app://sestra/up/secret.txt', 'GET')).toEqual({ status: 404 })
  })

  it('refuses directories, missing files, NUL bytes, bad escapes and other hosts', async () => {
    for (const url of ['app://sestra/assets', 'app://sestra/missing.js', 'app://sestra/index.html%00.js', 'app://sestra/%E0%A4%A', 'app://other/index.html', 'file:///index.html']) {
      expect(await lookUpRendererFile(root, url, 'GET'), url).toEqual({ status: 404 })
    }
  })

  it('refuses anything but GET', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'HEAD']) {
      expect(await lookUpRendererFile(root, 'app://sestra/index.html', method)).toEqual({ status: 405 })
    }
  })
})

describe('the app:// handler', () => {
  it('registers app as a standard, secure scheme', () => {
    registerAppScheme()
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
    ])
  })

  it('answers on the given session with the file and the production CSP', async () => {
    const { root } = await rendererTree()
    const session = new FakeSession('sestra')
    serveAppScheme(session as never, root, new VaultService(join(root, 'no-vault')))
    const handle = session.protocolHandlers.get('app')
    if (!handle) throw new Error('app:// was not handled on this session')

    const ok = await handle(new Request('app://sestra/index.html'))
    expect(ok.status).toBe(200)
    expect(await ok.text()).toContain('<title>Sestra</title>')
    expect(ok.headers.get('content-security-policy')).toBe(productionCsp)
    expect(ok.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff')

    expect((await handle(new Request('app://sestra/..%2fsecret.txt'))).status).toBe(404)
    expect((await handle(new Request('app://sestra/index.html', { method: 'POST', body: 'x' }))).status).toBe(405)
  })

  it('serves stored files of the unlocked vault under /vault-files/, by range, and nothing when locked', async () => {
    const { root } = await rendererTree()
    const vault = new VaultService(join(await tempDir(), 'vault'), { kdf: 'minimum' })
    await vault.create('protocol test passphrase')
    const bytes = new TextEncoder().encode('plain text evidence, served from the vault')
    const file = await vault.store.files.add({ name: 'note.txt', mime: 'text/plain', modifiedAt: null }, (async function* () {
      yield bytes
    })())
    const session = new FakeSession('sestra')
    serveAppScheme(session as never, root, vault)
    const handle = session.protocolHandlers.get('app')
    if (!handle) throw new Error('app:// was not handled on this session')

    const whole = await handle(new Request(`app://sestra/vault-files/${file.id}`))
    expect(whole.status).toBe(200)
    expect(await whole.text()).toBe('plain text evidence, served from the vault')
    const part = await handle(new Request(`app://sestra/vault-files/${file.id}`, { headers: { range: 'bytes=6-9' } }))
    expect(part.status).toBe(206)
    expect(await part.text()).toBe('text')
    expect((await handle(new Request('app://sestra/vault-files/not-an-id'))).status).toBe(404)
    vault.lock()
    expect((await handle(new Request(`app://sestra/vault-files/${file.id}`))).status).toBe(404)
  })
})
