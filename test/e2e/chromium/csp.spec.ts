import { productionCsp } from '../../../shared/csp'
import { expect, test } from '../fixtures'

interface Outcome {
  ran: boolean
  violation: string | null
}

/** Runs in the app's page: an inline script, as an injection through a record field would add it. */
function injectInlineScript(): Promise<Outcome> {
  interface Element {
    textContent: string
  }
  interface PageDocument extends EventTarget {
    createElement(tag: 'script'): Element
    head: { append(element: Element): void }
  }
  const document = (globalThis as unknown as { document: PageDocument }).document
  return new Promise((resolve) => {
    let violation: string | null = null
    document.addEventListener('securitypolicyviolation', (event) => {
      const { violatedDirective, disposition } = event as Event & { violatedDirective: string; disposition: string }
      violation = `${violatedDirective} ${disposition}`
    })
    const script = document.createElement('script')
    script.textContent = 'globalThis.injectedScriptRan = true'
    document.head.append(script)
    setTimeout(() => resolve({ ran: 'injectedScriptRan' in globalThis, violation }), 500)
  })
}

test('the CSP header from the app:// handler is enforced: an injected inline script does not run, and no page may frame the app', async ({
  page,
  harness,
}) => {
  // The window was loaded before the test attached: load it again, watched.
  const response = await page.reload()
  expect(response?.headers()['content-security-policy']).toBe(productionCsp)

  expect(await page.evaluate(injectInlineScript)).toEqual({ ran: false, violation: 'script-src-elem enforce' })

  // frame-ancestors is obeyed only in a header (a meta tag cannot set it): a
  // page with no policy of its own tries to frame the app, and Chromium refuses.
  const appPage = new URL('/index.html', page.url()).href
  const outsider = await harness.context.newPage()
  try {
    await outsider.setContent(`<iframe src="${appPage}"></iframe>`)
    await expect.poll(() => outsider.frames()[1]?.url()).toBe('chrome-error://chromewebdata/')
  } finally {
    await outsider.close()
  }
})
