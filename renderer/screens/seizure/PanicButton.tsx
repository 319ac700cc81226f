import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/Alert'
import { useAction } from '../../components/useAction'
import { panicWipe } from '../../state/seizure'
import './seizure.css'

/** Matches the fill animation in seizure.css. */
export const panicHoldMs = 1500
// Long enough to read twice under stress; a new press clears it at once.
const noticeMs = 10_000

const isHoldKey = (event: KeyboardEvent) => event.key === ' ' || event.key === 'Enter'

type Notice = 'notHeld' | 'practiced' | null

interface PanicButtonProps {
  /** Practice: the same button and hold, but completing it only says so. */
  practice?: boolean
  onPractised?(): void
}

/**
 * Fires only after being held down: a stray click, a tap or a bumped key
 * wipes nothing, and says so in words at once, so nobody walks away
 * believing the data is gone. The fill shows how long is left; letting go,
 * leaving the button or moving focus away cancels.
 */
export function PanicButton({ practice = false, onPractised }: PanicButtonProps) {
  const { t } = useTranslation()
  const [holding, setHolding] = useState(false)
  const [notice, setNotice] = useNoticeFor(noticeMs)
  const timer = useRef<number | null>(null)
  const wipe = useAction(panicWipe)
  const runWipe = wipe.run
  const testId = practice ? 'panic-practice' : 'panic-button'

  const cancel = () => {
    if (timer.current === null) return
    window.clearTimeout(timer.current)
    timer.current = null
    setHolding(false)
    setNotice('notHeld')
  }

  const start = () => {
    if (timer.current !== null) return
    setNotice(null)
    setHolding(true)
    timer.current = window.setTimeout(() => {
      timer.current = null
      setHolding(false)
      if (!practice) {
        void runWipe()
        return
      }
      setNotice('practiced')
      onPractised?.()
    }, panicHoldMs)
  }

  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current)
    },
    [],
  )

  return (
    <div className={practice ? 'panic panic-practice' : 'panic'}>
      <button
        type="button"
        className={holding ? 'panic-button panic-holding' : 'panic-button'}
        data-testid={testId}
        aria-describedby={`${testId}-hint`}
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
        <span className="panic-label">
          {holding ? t('seizure.panic.holding') : practice ? t('seizure.panic.practiceButton') : t('seizure.panic.button')}
        </span>
      </button>
      <span id={`${testId}-hint`} className="panic-hint">
        {t('seizure.panic.hint')}
      </span>
      {notice && (
        <p role="alert" className={`panic-notice panic-${notice}`} data-testid={`${testId}-${notice}`}>
          {t(`seizure.panic.${notice}`)}
        </p>
      )}
      {wipe.error && (
        // A wipe that did not finish must never pass for one that did: the same place as the notice, louder.
        <div className="panic-notice panic-failure">
          <Alert testId="panic-error" code={wipe.error} />
        </div>
      )}
    </div>
  )
}

/** A notice that goes away by itself after `ms`, or when replaced. */
function useNoticeFor(ms: number): [Notice, (notice: Notice) => void] {
  const [notice, setNotice] = useState<Notice>(null)
  useEffect(() => {
    if (notice === null) return
    const timer = window.setTimeout(() => setNotice(null), ms)
    return () => window.clearTimeout(timer)
  }, [notice, ms])
  return [notice, setNotice]
}
