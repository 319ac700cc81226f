import { useEffect, useRef, useState, type RefObject } from 'react'

/**
 * A form's own checks: nothing is shown before the first submit; after it,
 * the problem is worked out afresh on every render, so a message goes away
 * the moment the input is fixed. Each failed submit moves focus to the
 * first field marked aria-invalid, where a screen reader hears why.
 */
export function useFormCheck<P>(check: () => P | null): {
  problem: P | null
  formRef: RefObject<HTMLFormElement | null>
  /** Call on submit: the problem now, or null when the form may go. */
  attempt(): P | null
  /** After a successful send: the next empty form starts unjudged. */
  reset(): void
} {
  const [tried, setTried] = useState(false)
  const [failures, setFailures] = useState(0)
  const formRef = useRef<HTMLFormElement | null>(null)

  useEffect(() => {
    if (failures === 0) return
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [failures])

  return {
    problem: tried ? check() : null,
    formRef,
    attempt() {
      setTried(true)
      const problem = check()
      if (problem !== null) setFailures((n) => n + 1)
      return problem
    },
    reset: () => setTried(false),
  }
}
