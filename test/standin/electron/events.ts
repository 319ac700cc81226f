/** An Electron event object: a listener refuses with `preventDefault()`. */
export function preventable<T extends object>(fields = {} as T): T & { defaultPrevented: boolean; preventDefault(): void } {
  const event = { ...fields, defaultPrevented: false, preventDefault: () => void (event.defaultPrevented = true) }
  return event
}
