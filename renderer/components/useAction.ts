import { useCallback, useInsertionEffect, useRef, useState } from 'react'
import type { ErrorCode } from '../../shared/errors'
import { reportError } from '../state/session'

/**
 * Runs a store action for a form: busy while it runs, the error code if it failed.
 *
 * `run` is the same function for the component's whole life, whatever is
 * passed in: callers hand over inline lambdas, and a `run` that changed with
 * each render would re-fire every effect that lists it (the Allies screen
 * once reloaded its lists on every render, ~150 calls a second). The latest
 * action is read from a ref when `run` is called.
 */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<unknown>) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ErrorCode | null>(null)
  const latest = useRef(action)
  // Before any effect of this render runs, so an effect calling run() sees this render's action.
  useInsertionEffect(() => {
    latest.current = action
  })
  const run = useCallback(async (...args: A): Promise<boolean> => {
    setBusy(true)
    setError(null)
    try {
      await latest.current(...args)
      return true
    } catch (caught) {
      setError(reportError(caught))
      return false
    } finally {
      setBusy(false)
    }
  }, [])
  return { run, busy, error }
}
