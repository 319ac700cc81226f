import { useTranslation } from 'react-i18next'
import { errorMessage, type ErrorCode } from '../../shared/errors'
import type { ValidationKey } from './validation'
import { currentLanguage } from '../i18n'

interface AlertProps {
  testId: string
  /** For the fields whose fault this message names (aria-describedby). */
  id?: string
  /** A failure from the vault, shown in the UI language by its code. */
  code?: ErrorCode | null
  /** A check made in the form before anything was sent. */
  invalid?: ValidationKey | null
  /** A form check's message, already in the UI language. */
  message?: string | null
}

export function Alert({ testId, id, code, invalid, message }: AlertProps) {
  // Subscribes to language changes, so a shown error switches language too.
  const { t } = useTranslation()
  const text = message ? message : invalid ? t(invalid) : code ? errorMessage(code, currentLanguage()) : null
  if (!text) return null
  return (
    <p id={id} role="alert" className="alert" data-testid={testId}>
      {text}
    </p>
  )
}
