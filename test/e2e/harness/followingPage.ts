import type { Page } from '@playwright/test'

/**
 * A Page that forwards every call to the app's window as it is now: main
 * replaces its window (and renderer) on lock and wipe, so the page a test
 * started with goes away. `pages` lists the open pages, newest last
 * (a Chromium context's pages, or an ElectronApplication's windows).
 * Between the old window closing and the new one appearing it is the last
 * page seen: calls on it fail, and polls retry.
 */
export function followingPage(pages: () => Page[]): Page {
  let last: Page | undefined
  const current = () => {
    last = pages().filter((p) => !p.isClosed()).at(-1) ?? last
    if (!last) throw new Error('the app has no window')
    return last
  }
  return new Proxy({} as Page, {
    get(_target, property) {
      const page = current()
      const value = Reflect.get(page, property, page) as unknown
      return typeof value === 'function' ? value.bind(page) : value
    },
    getPrototypeOf: () => Object.getPrototypeOf(current()) as object,
  })
}
