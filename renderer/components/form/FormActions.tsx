import { useTranslation } from 'react-i18next'
import { ConfirmDelete } from '../ConfirmDelete'

interface FormActionsProps {
  /** Test ids are `<testId>-save`, `-cancel` and `-delete`. */
  testId: string
  busy: boolean
  saving: boolean
  onCancel?(): void
  /** Given for a stored record only: a new one has nothing to delete. */
  onDelete?(): void
  deleteQuestion: string
  deleteLabel?: string
}

/** Save, then cancel and delete where the editor offers them; every button waits while the vault works. */
export function FormActions({ testId, busy, saving, onCancel, onDelete, deleteQuestion, deleteLabel }: FormActionsProps) {
  const { t } = useTranslation()
  return (
    <div className="actions">
      <button type="submit" className="primary" data-testid={`${testId}-save`} disabled={busy}>
        {saving ? t('editor.saving') : t('editor.save')}
      </button>
      {onCancel && (
        <button type="button" data-testid={`${testId}-cancel`} onClick={onCancel} disabled={busy}>
          {t('editor.cancel')}
        </button>
      )}
      {onDelete && <ConfirmDelete testId={`${testId}-delete`} question={deleteQuestion} label={deleteLabel} busy={busy} onConfirm={onDelete} />}
    </div>
  )
}
