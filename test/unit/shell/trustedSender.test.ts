import { describe, expect, it } from 'vitest'
import { trustedOrigins } from '../../../main/shell/origins'
import { makeTrustedSender } from '../../../main/shell/trustedSender'

const ours = { mainFrame: { frameTreeNodeId: 1 } }
const mainFrame = { parent: null, detached: false, frameTreeNodeId: 1, url: 'app://sestra/index.html' }
const isTrusted = makeTrustedSender(() => ours as never, trustedOrigins(null))
const call = (sender: unknown, senderFrame: unknown) => isTrusted({ sender, senderFrame } as never)

describe('isTrustedSender', () => {
  it('accepts the main frame of our window on app://sestra', () => {
    expect(call(ours, mainFrame)).toBe(true)
    expect(call(ours, { ...mainFrame, url: 'app://sestra/index.html#/contacts' })).toBe(true)
  })

  it('refuses a subframe, even one on app://sestra', () => {
    expect(call(ours, { ...mainFrame, parent: mainFrame, frameTreeNodeId: 2 })).toBe(false)
    expect(call(ours, { ...mainFrame, frameTreeNodeId: 2 })).toBe(false)
  })

  it('refuses our main frame once it shows another origin', () => {
    for (const url of ['https://example.org/', 'app://sestra.evil/index.html', 'app://other/index.html', 'file:///index.html', 'http://localhost:5173/', 'about:blank']) {
      expect(call(ours, { ...mainFrame, url }), url).toBe(false)
    }
  })

  it('refuses a missing or detached frame', () => {
    expect(call(ours, null)).toBe(false)
    expect(call(ours, { ...mainFrame, detached: true })).toBe(false)
  })

  it('refuses any other webContents, and everything before our window exists', () => {
    expect(call({ mainFrame: { frameTreeNodeId: 1 } }, mainFrame)).toBe(false)
    expect(makeTrustedSender(() => null, trustedOrigins(null))({ sender: ours, senderFrame: mainFrame } as never)).toBe(false)
  })

  it('accepts the dev server only when it is running', () => {
    const dev = makeTrustedSender(() => ours as never, trustedOrigins('http://localhost:5173/'))
    expect(dev({ sender: ours, senderFrame: { ...mainFrame, url: 'http://localhost:5173/' } } as never)).toBe(true)
    expect(call(ours, { ...mainFrame, url: 'http://localhost:5173/' })).toBe(false)
  })
})
