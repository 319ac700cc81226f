import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { BrowserWindow } from './browserWindow'
import type { Chromium } from './chromium'
import { recorded } from './recorder'
import { clipboard, emitPower, pressShortcut, scriptDialogs, setIdleState } from './system'

export interface Control {
  close(): void
}

/** The line the test waits for on stdout: where to attach and how to drive the desktop. */
export const readyPrefix = 'ELECTRON-STANDIN-READY '

async function body(req: IncomingMessage): Promise<Record<string, unknown>> {
  let text = ''
  for await (const chunk of req) text += String(chunk)
  return text ? (JSON.parse(text) as Record<string, unknown>) : {}
}

/**
 * The test's side door into the stand-in: loopback, random port, random
 * token. It scripts dialogs, reads the clipboard and what was recorded, and
 * plays the desktop (power events, the idle state, a global shortcut, a
 * minimise, quitting).
 */
export async function startControl(chromium: Chromium): Promise<Control> {
  const token = randomBytes(32).toString('hex')
  const routes: Record<string, (input: Record<string, unknown>) => unknown> = {
    '/dialogs': (input) => scriptDialogs(input as Parameters<typeof scriptDialogs>[0]),
    '/clipboard': () => ({ text: clipboard.readText() }),
    '/recorded': () => recorded,
    '/power': (input) => ({ emitted: emitPower(String(input.event)) }),
    '/idle-state': (input) => setIdleState(input.state as Parameters<typeof setIdleState>[0]),
    '/shortcut': (input) => ({ pressed: pressShortcut(String(input.accelerator)) }),
    '/minimize': () => BrowserWindow.getAllWindows().forEach((window) => window.minimize()),
    '/quit': async () => {
      const { app } = await import('./app')
      app.quit()
    },
  }
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const given = Buffer.from(String(req.headers['x-standin-token'] ?? ''))
    const route = routes[new URL(req.url ?? '/', 'http://127.0.0.1').pathname]
    if (given.length !== token.length || !timingSafeEqual(given, Buffer.from(token))) return void res.writeHead(403).end()
    if (!route || req.method !== 'POST') return void res.writeHead(404).end()
    const result = await route(await body(req))
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result ?? null))
  }
  const server = createServer((req, res) => {
    answer(req, res).catch((error: Error) => res.writeHead(500).end(error.message))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  process.stdout.write(`${readyPrefix}${JSON.stringify({ cdp: chromium.cdpEndpoint, control: `http://127.0.0.1:${port}`, token })}\n`)
  return {
    close: () => {
      server.close()
      server.closeAllConnections()
    },
  }
}
