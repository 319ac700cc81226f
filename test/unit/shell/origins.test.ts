import { describe, expect, it } from 'vitest'
import { productionCsp } from '../../../shared/csp'
import { devCsp } from '../../../main/shell/devCsp'
import { devServerFrom, isTrustedUrl, originOf, trustedOrigins } from '../../../main/shell/origins'

describe('origins', () => {
  it('compares custom schemes by scheme and host', () => {
    expect(originOf('app://sestra/index.html')).toBe('app://sestra')
    expect(originOf('app://SESTRA/index.html')).toBe('app://sestra')
    expect(originOf('not a url')).toBeNull()
    expect(isTrustedUrl('app://sestra/x', trustedOrigins(null))).toBe(true)
    expect(isTrustedUrl('app://sestra.evil/x', trustedOrigins(null))).toBe(false)
    expect(isTrustedUrl('app://sestra@evil/x', trustedOrigins(null))).toBe(false)
  })

  it('takes the dev server only from an unpackaged app and only on loopback http', () => {
    expect(devServerFrom('http://localhost:5173/', false)).toBe('http://localhost:5173/')
    expect(devServerFrom('http://127.0.0.1:5173', false)).toBe('http://127.0.0.1:5173/')
    expect(devServerFrom('http://localhost:5173/', true)).toBeNull()
    expect(devServerFrom('https://evil.example/', false)).toBeNull()
    expect(devServerFrom('http://localhost.evil.example/', false)).toBeNull()
    expect(devServerFrom('file:///tmp/index.html', false)).toBeNull()
    expect(devServerFrom(undefined, false)).toBeNull()
  })

  it('widens the CSP for the dev server and nothing else', () => {
    const dev = devCsp('http://localhost:5173/')
    expect(dev).toContain("default-src 'none'")
    expect(dev).toMatch(/connect-src 'self' http:\/\/localhost:5173 ws:\/\/localhost:5173/)
    expect(dev).toMatch(/script-src 'self' http:\/\/localhost:5173 'unsafe-inline'/)
    expect(dev).not.toContain('unsafe-eval')
    expect(productionCsp).not.toContain('localhost')
  })
})
