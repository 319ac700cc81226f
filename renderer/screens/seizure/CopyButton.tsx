import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from '../../components/Alert'
import { useAction } from '../../components/useAction'
import { copyToClipboard } from '../../state/seizure'
import './seizure.css'

/** Copies a phone number through main, which wipes it from the clipboard after 30 s. */
export function CopyButton({ phone }: { phone: string }) {
  const { t } = useTranslation()
  const copy = useAction(copyToClipboard)
  const [copied, setCopied] = useCopiedFlag()

  return (
    <span className="copy">
      <button
        type="button"
        className="copy-button"
        data-testid="copy-phone"
        aria-label={t('seizure.copy.label', { phone })}
        disabled={copy.busy}
        onClick={() => void copy.run(phone).then(setCopied)}
      >
        {t('seizure.copy.button')}
      </button>
      {copied && (
        <span role="status" className="copy-done" data-testid="copy-done">
          {t('seizure.copy.copied')}
        </span>
      )}
      <Alert testId="copy-error" code={copy.error} />
    </span>
  )
}

/** The "copied" note disappears with the clipboard text, so it never claims more than is true. */
function useCopiedFlag(): [boolean, (copied: boolean) => void] {
  const [copied, setCopied] = useState(false)
  useEffect(() => {
    if (!copied) return
    const timer = window.setTimeout(() => setCopied(false), 30_000)
    return () => window.clearTimeout(timer)
  }, [copied])
  return [copied, setCopied]
}
