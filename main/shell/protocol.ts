import { readFile } from 'node:fs/promises'
import { protocol, type Session } from 'electron'
import { productionCsp } from '../../shared/csp'
import { vaultFileResponse, vaultFilesPrefix } from '../vaultFileRoute'
import type { VaultService } from '../vault/service'
import { lookUpRendererFile } from './rendererFiles'
import { appScheme } from './origins'

/**
 * Must run before `ready`. `standard` gives app:// real origins and relative
 * URLs, `secure` makes it a secure context; no CORS, no service workers, no
 * bypassing of the CSP.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ])
}

const commonHeaders = {
  'X-Content-Type-Options': 'nosniff',
  // Nothing the renderer loads is worth keeping once the window is gone.
  'Cache-Control': 'no-store',
}

/**
 * Serves `rendererRoot` (the built out/renderer) on app://sestra/ for this
 * session only, and, under /vault-files/, the stored files of the unlocked vault.
 */
export function serveAppScheme(session: Session, rendererRoot: string, vault: VaultService): void {
  session.protocol.handle(appScheme, async (request) => {
    const { pathname } = new URL(request.url)
    if (pathname.startsWith(vaultFilesPrefix)) {
      const file = await vaultFileResponse(vault, pathname, { method: request.method, range: request.headers.get('range') })
      return new Response(file.body && ReadableStream.from(file.body), { status: file.status, headers: file.headers })
    }
    const found = await lookUpRendererFile(rendererRoot, request.url, request.method)
    const body = found.status === 200 ? await readFile(found.path).catch(() => null) : null
    if (found.status !== 200 || !body) {
      return new Response(null, { status: found.status === 405 ? 405 : 404, headers: commonHeaders })
    }
    return new Response(body, {
      status: 200,
      headers: { ...commonHeaders, 'Content-Type': found.contentType, 'Content-Security-Policy': productionCsp },
    })
  })
}
