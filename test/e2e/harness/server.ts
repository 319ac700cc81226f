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
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { extname, resolve, sep } from 'node:path'
import { dispatch } from '../../../main/ipc/dispatch'
import { createAppCore } from '../../../main/appCore'
import { productionCsp } from '../../../shared/csp'
import { memoryClipboard } from '../../support/memoryClipboard'

const dataDir = process.argv[2]
if (!dataDir) {
  process.stderr.write('usage: server.ts <dataDir>\n')
  process.exit(2)
}

const root = resolve(import.meta.dirname, '../../../out/renderer')
const token = randomBytes(32).toString('hex')
// The same wiring as Electron's main process; only the clipboard is a stand-in.
const core = await createAppCore({ dataDir, kdf: 'minimum', clipboard: memoryClipboard() })
const { handlers } = core
const maxBody = 1024 * 1024

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
}

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

async function serveFile(res: ServerResponse, urlPath: string): Promise<void> {
  let relative: string
  try {
    relative = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath)
  } catch {
    return send(res, 400, 'bad request')
  }
  const file = resolve(root, `.${relative}`)
  if (!file.startsWith(root + sep)) return send(res, 404, 'not found')
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) return send(res, 404, 'not found')
  res.writeHead(200, {
    'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': productionCsp,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  })
  createReadStream(file).pipe(res)
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const rpcMatch = /^\/rpc\/([^/]+)$/.exec(url.pathname)
  const handle =
    req.method === 'POST' && rpcMatch
      ? rpc(req, res, decodeURIComponent(rpcMatch[1] ?? ''))
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
