import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { recorded } from './recorder'

type ProtocolHandler = (request: Request) => Response | Promise<Response>
type BeforeRequest = (details: { url: string; method: string; resourceType: string }, callback: (answer: { cancel?: boolean }) => void) => void
type AnyHandler = ((...args: never[]) => unknown) | null

/**
 * Chromium cannot load a custom scheme registered by Electron's C++, so each
 * `protocol.handle(scheme)` gets a loopback HTTP server: the page loads
 * http://127.0.0.1:<port>/path, and the server passes the request to the
 * app's real handler as a Fetch Request for scheme://host/path, then returns
 * its Response unchanged (status, headers including the CSP, streamed body).
 */
class SchemeServer {
  readonly #server: Server
  readonly ready: Promise<string>

  constructor(
    readonly scheme: string,
    readonly handler: ProtocolHandler,
  ) {
    this.#server = createServer((req, res) => {
      this.#serve(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500)
        res.end()
      })
    })
    this.ready = new Promise((resolve) => {
      this.#server.listen(0, '127.0.0.1', () => {
        const address = this.#server.address()
        resolve(typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '')
      })
    })
  }

  /** The host the page was loaded as (app://sestra/ -> 'sestra'); one per scheme. */
  host = ''

  async #serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = `${this.scheme}://${this.host}${req.url ?? '/'}`
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
    const request = new Request(url, {
      method: req.method,
      headers,
      body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
      duplex: 'half',
    } as RequestInit)
    const response = await this.handler(request)
    const out: Record<string, string | string[]> = {}
    response.headers.forEach((value, name) => (out[name] = value))
    res.writeHead(response.status, out)
    if (!response.body || req.method === 'HEAD') return void res.end()
    Readable.fromWeb(response.body as WebReadableStream).pipe(res)
  }

  close(): void {
    this.#server.close()
    this.#server.closeAllConnections()
  }
}

/** Electron's Session, on the stand-in's one Chromium context (see docs/TESTING.md). */
export class Session {
  static readonly all = new Map<string, Session>()
  readonly #schemes = new Map<string, SchemeServer>()
  beforeRequest: BeforeRequest | null = null
  readonly handlers: Record<string, AnyHandler> = {}
  /** Set by browserWindow.ts: clears what Chromium stored for these origins. */
  static clearOrigins: (origins: string[], what: 'storage' | 'cache') => Promise<void> = async () => {}

  constructor(readonly partition: string) {}

  readonly protocol = {
    handle: (scheme: string, handler: ProtocolHandler) => {
      if (this.#schemes.has(scheme)) throw new Error(`The scheme '${scheme}' is already handled`)
      this.#schemes.set(scheme, new SchemeServer(scheme, handler))
    },
    unhandle: (scheme: string) => {
      this.#schemes.get(scheme)?.close()
      this.#schemes.delete(scheme)
    },
    isProtocolHandled: (scheme: string) => this.#schemes.has(scheme),
  }

  readonly webRequest = {
    onBeforeRequest: (filterOrListener: unknown, maybeListener?: BeforeRequest | null) => {
      this.beforeRequest = (typeof filterOrListener === 'function' ? filterOrListener : maybeListener ?? null) as BeforeRequest | null
    },
    // Only the dev-server build (ELECTRON_RENDERER_URL) uses it: recorded, not applied.
    onHeadersReceived: (filterOrListener: unknown, maybeListener?: unknown) => {
      this.handlers.headersReceived = (typeof filterOrListener === 'function' ? filterOrListener : maybeListener ?? null) as AnyHandler
    },
  }

  #recordHandler(name: string, handler: AnyHandler): void {
    this.handlers[name] = handler
    recorded.permissionHandlers.push(`${this.partition}:${name}`)
  }

  setPermissionRequestHandler(handler: AnyHandler): void {
    this.#recordHandler('permissionRequest', handler)
  }
  setPermissionCheckHandler(handler: AnyHandler): void {
    this.#recordHandler('permissionCheck', handler)
  }
  setDevicePermissionHandler(handler: AnyHandler): void {
    this.#recordHandler('devicePermission', handler)
  }
  setSpellCheckerEnabled(enabled: boolean): void {
    recorded.spellChecker.push({ partition: this.partition, enabled })
  }
  setSpellCheckerLanguages(languages: string[]): void {
    recorded.spellChecker.push({ partition: this.partition, languages })
  }

  async clearStorageData(): Promise<void> {
    recorded.clearStorageData++
    await Session.clearOrigins(await this.origins(), 'storage')
  }
  async clearCache(): Promise<void> {
    recorded.clearCache++
    await Session.clearOrigins(await this.origins(), 'cache')
  }

  /** The loopback origins this session serves, e.g. http://127.0.0.1:4321. */
  async origins(): Promise<string[]> {
    return Promise.all([...this.#schemes.values()].map((s) => s.ready))
  }

  /** app://sestra/x -> http://127.0.0.1:<port>/x, or null when this session does not handle the scheme. */
  async toLoopback(url: string): Promise<string | null> {
    const parsed = new URL(url)
    const server = this.#schemes.get(parsed.protocol.slice(0, -1))
    if (!server) return null
    server.host = parsed.host
    return `${await server.ready}${parsed.pathname}${parsed.search}${parsed.hash}`
  }

  /** The reverse, for what the app sees: request URLs, frame URLs, blob: URLs. */
  async toAppUrl(url: string): Promise<string> {
    for (const server of this.#schemes.values()) {
      const origin = await server.ready
      const app = `${server.scheme}://${server.host}`
      if (url === origin || url.startsWith(`${origin}/`)) return app + url.slice(origin.length)
      if (url.startsWith(`blob:${origin}/`)) return `blob:${app}${url.slice(`blob:${origin}`.length)}`
    }
    return url
  }

  close(): void {
    for (const server of this.#schemes.values()) server.close()
  }

  static fromPartition(partition: string): Session {
    let session = Session.all.get(partition)
    if (!session) {
      session = new Session(partition)
      Session.all.set(partition, session)
    }
    return session
  }
}

export const session = {
  fromPartition: (partition: string, _options?: { cache?: boolean }) => Session.fromPartition(partition),
  get defaultSession() {
    return Session.fromPartition('')
  },
}
