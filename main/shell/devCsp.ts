import { productionCsp } from '../../shared/csp'
import { originOf } from './origins'

/**
 * The production policy widened just enough for the electron-vite dev server:
 * its origin for scripts and styles, the inline React Refresh preamble and
 * Vite's injected <style> tags, and its HMR websocket. Never used when packaged.
 */
export function devCsp(devServerUrl: string): string {
  const origin = originOf(devServerUrl)
  if (!origin) throw new Error('ELECTRON_RENDERER_URL is not a URL')
  const socket = origin.replace(/^http/, 'ws')
  const extra: Record<string, string> = {
    'script-src': `${origin} 'unsafe-inline'`,
    'style-src': `${origin} 'unsafe-inline'`,
    'img-src': origin,
    'font-src': origin,
    'connect-src': `${origin} ${socket}`,
  }
  return productionCsp
    .split('; ')
    .map((directive) => {
      const name = directive.split(' ')[0] ?? ''
      return extra[name] ? `${directive} ${extra[name]}` : directive
    })
    .join('; ')
}
