import type { MethodName } from '../../../shared/ipc-schema'

export interface BridgeConfig {
  token: string
  methods: readonly MethodName[]
}

/**
 * Runs in the page before any of its scripts (page.addInitScript), standing in
 * for the preload: window.sestra gets exactly the contract's methods, each a
 * POST to the harness. `{ input }` with an undefined input serialises as `{}`,
 * which the harness reads back as undefined.
 */
export function installBridge({ token, methods }: BridgeConfig): void {
  const invoke = async (name: string, input: unknown) => {
    const response = await fetch(`/rpc/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-sestra-token': token },
      body: JSON.stringify({ input }),
    })
    return response.json() as Promise<unknown>
  }
  const api = Object.fromEntries(methods.map((name) => [name, (input?: unknown) => invoke(name, input)]))
  Object.defineProperty(globalThis, 'sestra', { value: Object.freeze(api), enumerable: true })
}
