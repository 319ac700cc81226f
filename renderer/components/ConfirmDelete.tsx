import { useState } from 'react'
import { useTranslation } from 'react-i18next'

interface ConfirmDeleteProps {
  testId: string
  question: string
  /** The button's text where "Delete" alone would not say what goes. */
  label?: string
  busy: boolean
  onConfirm(): void
}

/** A delete button that asks once more before anything is destroyed. */
export function ConfirmDelete({ testId, question, label, busy, onConfirm }: ConfirmDeleteProps) {
  const { t } = useTranslation()
  const [asking, setAsking] = useState(false)
  if (!asking) {
    return (
      <button type="button" className="danger" data-testid={testId} onClick={() => setAsking(true)} disabled={busy}>
        {label ?? t('editor.delete')}
      </button>
    )
  }
  return (
    <div className="confirm" role="alertdialog" aria-labelledby={`${testId}-question`}>
      <p id={`${testId}-question`}>{question}</p>
      <button type="button" className="danger" data-testid={`${testId}-confirm`} onClick={onConfirm} disabled={busy}>
        {t('editor.confirmYes')}
      </button>
      <button type="button" data-testid={`${testId}-cancel`} onClick={() => setAsking(false)} disabled={busy}>
        {t('editor.cancel')}
      </button>
    </div>
  )
}
