/**
 * Where the renderer may come from. Node's URL gives custom schemes the origin
 * "null", so origins are compared as scheme + host, which is what Chromium
 * uses once `app` is registered as a standard scheme.
 */
export const appScheme = 'app'
export const appOrigin = 'app://sestra'
export const appEntryUrl = `${appOrigin}/index.html`

export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url)
    return parsed.host ? `${parsed.protocol}//${parsed.host.toLowerCase()}` : null
  } catch {
    return null
  }
}

/** The origins the app's own pages may have: app:// and, in development only, the dev server. */
export function trustedOrigins(devServerUrl: string | null): readonly string[] {
  const dev = devServerUrl ? originOf(devServerUrl) : null
  return dev ? [appOrigin, dev] : [appOrigin]
}

export function isTrustedUrl(url: string, origins: readonly string[]): boolean {
  const origin = originOf(url)
  return origin !== null && origins.includes(origin)
}

/**
 * electron-vite dev sets ELECTRON_RENDERER_URL. A packaged app ignores it, and
 * only a loopback http server is accepted, so an environment variable cannot
 * point the vault's window at a remote page.
 */
export function devServerFrom(envUrl: string | undefined, isPackaged: boolean): string | null {
  if (isPackaged || !envUrl) return null
  try {
    const url = new URL(envUrl)
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
    return url.protocol === 'http:' && loopback ? url.href : null
  } catch {
    return null
  }
}
