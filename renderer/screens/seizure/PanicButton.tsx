import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/Alert'
import { useAction } from '../../components/useAction'
import { panicWipe } from '../../state/seizure'
import './seizure.css'

/** Matches the fill animation in seizure.css. */
export const panicHoldMs = 1500

const isHoldKey = (event: KeyboardEvent) => event.key === ' ' || event.key === 'Enter'

/**
 * Fires only after being held down: a stray click, a tap or a bumped key
 * does nothing. The fill shows how long is left; letting go, leaving the
 * button or moving focus away cancels.
 */
export function PanicButton() {
  const { t } = useTranslation()
  const [holding, setHolding] = useState(false)
  const timer = useRef<number | null>(null)
  const wipe = useAction(panicWipe)
  const runWipe = wipe.run

  const cancel = () => {
    if (timer.current === null) return
    window.clearTimeout(timer.current)
    timer.current = null
    setHolding(false)
  }

  const start = () => {
    if (timer.current !== null) return
    setHolding(true)
    timer.current = window.setTimeout(() => {
      timer.current = null
      setHolding(false)
      void runWipe()
    }, panicHoldMs)
  }

  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current)
    },
    [],
  )

  return (
    <div className="panic">
      <button
        type="button"
        className={holding ? 'panic-button panic-holding' : 'panic-button'}
        data-testid="panic-button"
        aria-describedby="panic-hint"
        title={t('seizure.panic.hint')}
        disabled={wipe.busy}
        onPointerDown={(event) => {
          if (event.button === 0) start()
        }}
        onPointerUp={cancel}
        onPointerLeave={cancel}
        onPointerCancel={cancel}
        onBlur={cancel}
        // A long touch would otherwise open the context menu and steal the pointer.
        onContextMenu={(event) => event.preventDefault()}
        onKeyDown={(event) => {
          if (!isHoldKey(event)) return
          // Enter would "click" on key down; the button has no click action, but nothing should look clicked either.
          event.preventDefault()
          if (!event.repeat) start()
        }}
        onKeyUp={(event) => {
          if (!isHoldKey(event)) return
          event.preventDefault()
          cancel()
        }}
      >
        <span className="panic-fill" aria-hidden="true" />
        <span className="panic-label">{t('seizure.panic.button')}</span>
      </button>
      <span id="panic-hint" className="panic-hint">
        {t('seizure.panic.hint')}
      </span>
      <Alert testId="panic-error" code={wipe.error} />
    </div>
  )
}
