/*
 * Test-only loopback transport: serves the built renderer and answers
 * POST /rpc/<method> with the same dispatch() and handler table that
 * Electron's IPC binds, against a real vault in the given directory.
 * Never shipped; bound to 127.0.0.1, a random port and a random token.
 *
 *   node --import tsx test/e2e/harness/server.ts <dataDir>
 *   -> prints "READY <port> <token>" once listening; exits when stdin closes
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable } from 'node:stream'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { resolve } from 'node:path'
import { dispatch } from '../../../main/ipc/dispatch'
import { createAppCore } from '../../../main/appCore'
import { ageWorkerSource } from '../../support/ageWorkerSource'
import { productionCsp } from '../../../shared/csp'
import { memoryClipboard } from '../../support/memoryClipboard'
import { ScriptedDialogs } from '../../support/scriptedDialogs'
import { appOrigin } from '../../../main/shell/origins'
import { lookUpRendererFile } from '../../../main/shell/rendererFiles'
import { vaultFileResponse, vaultFilesPrefix } from '../../../main/vaultFileRoute'

const dataDir = process.argv[2]
if (!dataDir) {
  process.stderr.write('usage: server.ts <dataDir>\n')
  process.exit(2)
}

const root = resolve(import.meta.dirname, '../../../out/renderer')
const token = randomBytes(32).toString('hex')
// The same wiring as Electron's main process; only the clipboard is a stand-in.
const dialogs = new ScriptedDialogs()
const core = await createAppCore({ dataDir, kdf: 'minimum', clipboard: memoryClipboard(), dialogs, ageWorker: ageWorkerSource })
const { handlers } = core
const maxBody = 1024 * 1024

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' })
  res.end(body)
}

function hasToken(req: IncomingMessage): boolean {
  const given = Buffer.from(String(req.headers['x-sestra-token'] ?? ''))
  const expected = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

async function readBody(req: IncomingMessage): Promise<string> {
  let size = 0
  const chunks: Buffer[] = []
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > maxBody) throw new Error('body too large')
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}

/**
 * The bridge sends `{ "input": ... }`: a missing `input` key is `undefined`
 * (what the no-argument methods expect), so undefined and null stay distinct
 * as they do over Electron's structured clone.
 */
async function rpc(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
  if (!hasToken(req)) return send(res, 403, 'forbidden')
  let input: unknown
  try {
    const body: unknown = JSON.parse(await readBody(req))
    if (typeof body !== 'object' || body === null) return send(res, 400, 'bad request')
    input = (body as { input?: unknown }).input
  } catch {
    return send(res, 400, 'bad request')
  }
  const envelope = await dispatch(handlers, method, input, 'en')
  send(res, 200, JSON.stringify(envelope), 'application/json')
}

/** The renderer's files, confined exactly as the app:// handler confines them. */
async function serveFile(res: ServerResponse, urlPath: string): Promise<void> {
  const found = await lookUpRendererFile(root, `${appOrigin}${urlPath}`, 'GET')
  if (found.status !== 200) return send(res, found.status, 'not found')
  res.writeHead(200, {
    'content-type': found.contentType,
    'content-security-policy': productionCsp,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  })
  createReadStream(found.path).pipe(res)
}

async function serveVaultFile(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  const file = await vaultFileResponse(core.vault, pathname, { method: req.method ?? 'GET', range: req.headers.range ?? null })
  res.writeHead(file.status, file.headers)
  if (file.body) Readable.from(file.body).pipe(res)
  else res.end()
}

/**
 * Test-only: what the person will pick in the next native dialogs, e.g.
 * `{ "open": ["/tmp/a.png"] }` or `{ "save": "/tmp/report.pdf" }`.
 */
async function scriptDialogs(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (!hasToken(req)) return send(res, 403, 'forbidden')
  const body = JSON.parse(await readBody(req)) as { open?: string[]; save?: string | null }
  if (body.open) dialogs.willOpen(body.open)
  if (body.save !== undefined) dialogs.willSave(body.save)
  send(res, 204, '')
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const rpcMatch = /^\/rpc\/([^/]+)$/.exec(url.pathname)
  const handle =
    req.method === 'POST' && rpcMatch
      ? rpc(req, res, decodeURIComponent(rpcMatch[1] ?? ''))
      : req.method === 'POST' && url.pathname === '/test/dialogs'
        ? scriptDialogs(req, res)
        : url.pathname.startsWith(vaultFilesPrefix)
          ? serveVaultFile(req, res, url.pathname)
          : req.method === 'GET'
            ? serveFile(res, url.pathname)
            : Promise.resolve(send(res, 405, 'method not allowed'))
  handle.catch(() => {
    if (!res.headersSent) send(res, 500, 'internal error')
    else res.destroy()
  })
})

const stats = await stat(resolve(root, 'index.html')).catch(() => null)
if (!stats) {
  process.stderr.write(`no built renderer at ${root}: run "npx electron-vite build" first\n`)
  process.exit(1)
}

server.listen(0, '127.0.0.1', () => {
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no TCP address')
  process.stdout.write(`READY ${address.port} ${token}\n`)
})

// Lock (zeroing the data key) before exit, so the test can remove the folder
// cleanly. stdin closes when the test runner goes away, even if it crashed.
function shutdown(): void {
  core.dispose()
  server.close()
  server.closeAllConnections()
  process.exit(0)
}
process.on('SIGTERM', shutdown)
process.on('SIGINT', shutdown)
process.stdin.on('end', shutdown).resume()
