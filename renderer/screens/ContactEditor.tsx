import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { contactInput, contactRoles, type ContactInput, type ContactRole } from '../../shared/domain/contact'
import type { Contact } from '../../shared/ipc-schema'
import { Alert } from '../components/Alert'
import { Field } from '../components/Field'
import { useAction } from '../components/useAction'
import type { ValidationKey } from '../components/validation'
import { formatDate } from '../i18n'
import { useContacts } from '../state/contacts'

interface Form {
  name: string
  organisation: string
  roles: ContactRole[]
  phones: string
  notes: string
  speedDial: boolean
}

const emptyForm: Form = { name: '', organisation: '', roles: [], phones: '', notes: '', speedDial: false }

function toForm(contact: Contact): Form {
  const { name, organisation, roles, phones, notes, speedDial } = contact
  return { name, organisation, roles, phones: phones.join('\n'), notes, speedDial }
}

// Only the fields this editor shows: an update leaves channels and languages as they are.
function toInput(form: Form): ContactInput {
  const phones = form.phones
    .split(/[,\n]/)
    .map((phone) => phone.trim())
    .filter(Boolean)
  return { ...form, phones }
}

const fieldProblems: Partial<Record<PropertyKey, ValidationKey>> = {
  name: 'validation.nameRequired',
  phones: 'validation.phoneInvalid',
}

/**
 * Checks the form with the contract's own schema so the message can name the
 * field; anything else (say, overlong notes) is left to the vault's answer.
 */
function validate(input: ContactInput): ValidationKey | null {
  const result = contactInput.safeParse(input)
  const field = result.error?.issues[0]?.path[0]
  return field === undefined ? null : (fieldProblems[field] ?? null)
}

export function ContactEditor({ contact }: { contact: Contact | 'new' }) {
  const { t } = useTranslation()
  const stored = contact === 'new' ? null : contact
  const [form, setForm] = useState<Form>(stored ? toForm(stored) : emptyForm)
  const [invalid, setInvalid] = useState<ValidationKey | null>(null)
  const [confirming, setConfirming] = useState(false)
  const close = useContacts((s) => s.close)
  const save = useAction(useContacts((s) => s.save))
  const remove = useAction(useContacts((s) => s.remove))
  const busy = save.busy || remove.busy

  const update = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }))
  const toggleRole = (role: ContactRole, on: boolean) =>
    update('roles', on ? [...form.roles, role] : form.roles.filter((r) => r !== role))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const input = toInput(form)
    const problem = validate(input)
    setInvalid(problem)
    if (!problem) void save.run(input)
  }

  return (
    <section>
      <h1>{stored ? t('editor.editTitle') : t('editor.newTitle')}</h1>
      {stored && (
        <p className="hint" data-testid="contact-updated">
          {t('editor.updatedAt', { date: formatDate(stored.updatedAt) })}
        </p>
      )}
      <form className="editor" onSubmit={submit} noValidate>
        <Field id="contact-name" label={t('editor.name')} value={form.name} onChange={(v) => update('name', v)} autoFocus required />
        <Field id="contact-organisation" label={t('editor.organisation')} value={form.organisation} onChange={(v) => update('organisation', v)} />
        <fieldset className="roles">
          <legend>{t('editor.roles')}</legend>
          {contactRoles.map((role) => (
            <label key={role} className="checkbox">
              <input
                type="checkbox"
                data-testid={`contact-role-${role}`}
                checked={form.roles.includes(role)}
                onChange={(e) => toggleRole(role, e.target.checked)}
              />
              {t(`roles.${role}`)}
            </label>
          ))}
        </fieldset>
        <Field
          id="contact-phones"
          label={t('editor.phones')}
          hint={t('editor.phonesHint')}
          value={form.phones}
          onChange={(v) => update('phones', v)}
          multiline
        />
        <Field id="contact-notes" label={t('editor.notes')} value={form.notes} onChange={(v) => update('notes', v)} multiline />
        <label className="checkbox">
          <input
            type="checkbox"
            data-testid="contact-speed-dial"
            checked={form.speedDial}
            onChange={(e) => update('speedDial', e.target.checked)}
          />
          {t('editor.speedDial')}
        </label>
        <Alert testId="contact-error" invalid={invalid} code={save.error ?? remove.error} />
        <div className="actions">
          <button type="submit" className="primary" data-testid="contact-save" disabled={busy}>
            {save.busy ? t('editor.saving') : t('editor.save')}
          </button>
          <button type="button" data-testid="contact-cancel" onClick={close} disabled={busy}>
            {t('editor.cancel')}
          </button>
          {stored && !confirming && (
            <button type="button" className="danger" data-testid="contact-delete" onClick={() => setConfirming(true)} disabled={busy}>
              {t('editor.delete')}
            </button>
          )}
        </div>
        {stored && confirming && (
          <div className="confirm" role="alertdialog" aria-labelledby="confirm-delete-text">
            <p id="confirm-delete-text">{t('editor.confirmDelete')}</p>
            <button type="button" className="danger" data-testid="contact-delete-confirm" onClick={() => void remove.run(stored.id)} disabled={busy}>
              {t('editor.confirmYes')}
            </button>
            <button type="button" data-testid="contact-delete-cancel" onClick={() => setConfirming(false)} disabled={busy}>
              {t('editor.cancel')}
            </button>
          </div>
        )}
      </form>
    </section>
  )
}
