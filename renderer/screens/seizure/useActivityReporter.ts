import { useEffect } from 'react'
import { noteActivity } from '../../state/seizure'

/**
 * Keys and clicks anywhere in the unlocked app postpone the auto-lock. Only
 * the fact of activity goes to main, never what was typed.
 */
export function useActivityReporter(): void {
  useEffect(() => {
    const onInput = () => noteActivity()
    window.addEventListener('keydown', onInput, true)
    window.addEventListener('pointerdown', onInput, true)
    return () => {
      window.removeEventListener('keydown', onInput, true)
      window.removeEventListener('pointerdown', onInput, true)
    }
  }, [])
}
