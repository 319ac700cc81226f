import { realpath, stat } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import { appOrigin } from './origins'

export type RendererFile =
  | { status: 200; path: string; contentType: string }
  | { status: 404 | 405 }

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
}

export function contentTypeFor(path: string): string {
  return contentTypes[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path)
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel)
}

/**
 * Maps an app:// request to a file under `root`, or refuses it. Everything the
 * renderer loads passes through here, so the path is decoded once, resolved,
 * and checked twice: lexically (`..`, encoded separators, absolute paths,
 * backslashes on Windows) and after following symlinks.
 */
export async function lookUpRendererFile(root: string, url: string, method: string): Promise<RendererFile> {
  if (method !== 'GET') return { status: 405 }
  let pathname: string
  try {
    const parsed = new URL(url)
    if (`${parsed.protocol}//${parsed.host.toLowerCase()}` !== appOrigin) return { status: 404 }
    pathname = decodeURIComponent(parsed.pathname)
  } catch {
    return { status: 404 }
  }
  if (pathname.includes('\0')) return { status: 404 }
  if (pathname === '/' || pathname === '') pathname = '/index.html'

  const rootPath = resolve(root)
  const candidate = resolve(rootPath, `.${pathname}`)
  if (!isInside(rootPath, candidate)) return { status: 404 }
  try {
    const [realRoot, realFile] = await Promise.all([realpath(rootPath), realpath(candidate)])
    if (!isInside(realRoot, realFile) || !(await stat(realFile)).isFile()) return { status: 404 }
    return { status: 200, path: realFile, contentType: contentTypeFor(realFile) }
  } catch {
    return { status: 404 }
  }
}
