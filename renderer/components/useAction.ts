import { useCallback, useState } from 'react'
import type { ErrorCode } from '../../shared/errors'
import { reportError } from '../state/session'

/** Runs a store action for a form: busy while it runs, the error code if it failed. */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<unknown>) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ErrorCode | null>(null)
  const run = useCallback(
    async (...args: A): Promise<boolean> => {
      setBusy(true)
      setError(null)
      try {
        await action(...args)
        return true
      } catch (caught) {
        setError(reportError(caught))
        return false
      } finally {
        setBusy(false)
      }
    },
    [action],
  )
  return { run, busy, error }
}
