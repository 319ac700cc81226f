import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { contactInput, contactRoles, type ContactFields, type ContactInput, type ContactRole } from '../../shared/domain/contact'
import type { Contact } from '../../shared/ipc-schema'
import { Alert } from '../components/Alert'
import { Field } from '../components/Field'
import { useAction } from '../components/useAction'
import { useFormCheck } from '../components/useFormCheck'
import type { ValidationKey } from '../components/validation'
import { formatDate } from '../i18n'
import { loadBriefings, useContacts, type CampaignBriefing } from '../state/contacts'
import { BriefingDates, ChannelList } from './people/ContactExtras'
import { CopyButton } from './seizure/CopyButton'

interface Form {
  name: string
  organisation: string
  roles: ContactRole[]
  phones: string
  channels: ContactFields['channels']
  languages: string
  notes: string
  speedDial: boolean
  aroundTheClock: boolean
}

const emptyForm: Form = { name: '', organisation: '', roles: [], phones: '', channels: [], languages: '', notes: '', speedDial: false, aroundTheClock: false }

function toForm(contact: Contact): Form {
  const { name, organisation, roles, phones, channels, languages, notes, speedDial, aroundTheClock } = contact
  return { name, organisation, roles, phones: phones.join('\n'), channels, languages: languages.join(', '), notes, speedDial, aroundTheClock }
}

const splitList = (text: string, separators: RegExp) =>
  text
    .split(separators)
    .map((item) => item.trim())
    .filter(Boolean)

function toInput(form: Form): ContactInput {
  return { ...form, phones: splitList(form.phones, /[,\n]/), languages: splitList(form.languages, /[,;\n]/) }
}

const fieldProblems: Partial<Record<PropertyKey, ValidationKey>> = {
  name: 'validation.nameRequired',
  phones: 'validation.phoneInvalid',
}

/** A field problem this module's own text describes. */
const extraProblems: Partial<Record<PropertyKey, 'invalidChannel'>> = { channels: 'invalidChannel' }

/**
 * Checks the form with the contract's own schema so the message can name the
 * field; anything else (say, overlong notes) is left to the vault's answer.
 */
function validate(input: ContactInput): ValidationKey | 'invalidChannel' | null {
  const result = contactInput.safeParse(input)
  const field = result.error?.issues[0]?.path[0]
  return field === undefined ? null : (fieldProblems[field] ?? extraProblems[field] ?? null)
}

export function ContactEditor({ contact }: { contact: Contact | 'new' }) {
  const { t } = useTranslation()
  const stored = contact === 'new' ? null : contact
  const [form, setForm] = useState<Form>(stored ? toForm(stored) : emptyForm)
  const [briefings, setBriefings] = useState<CampaignBriefing[]>([])
  const [storedBriefings, setStoredBriefings] = useState<CampaignBriefing[]>([])
  const storedId = stored?.id ?? null
  const briefingsLoad = useAction(async () => {
    const loaded = await loadBriefings(storedId)
    setBriefings(loaded)
    setStoredBriefings(loaded)
  })
  const loadCampaignBriefings = briefingsLoad.run
  const [confirming, setConfirming] = useState(false)
  const close = useContacts((s) => s.close)
  const save = useAction(useContacts((s) => s.save))
  const remove = useAction(useContacts((s) => s.remove))
  const busy = save.busy || remove.busy
  const check = useFormCheck(() => validate(toInput(form)))
  const invalid = check.problem

  useEffect(() => {
    void loadCampaignBriefings()
  }, [loadCampaignBriefings, storedId])

  const update = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }))
  const toggleRole = (role: ContactRole, on: boolean) =>
    update('roles', on ? [...form.roles, role] : form.roles.filter((r) => r !== role))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const problem = check.attempt()
    const changed = briefings
      .filter((b, i) => b.briefedOn !== storedBriefings[i]?.briefedOn)
      .map((b) => ({ campaignId: b.campaignId, briefedOn: b.briefedOn || null }))
    if (!problem) void save.run(toInput(form), changed)
  }

  return (
    <section>
      <h1>{stored ? t('editor.editTitle') : t('editor.newTitle')}</h1>
      {stored && (
        <p className="hint" data-testid="contact-updated">
          {t('editor.updatedAt', { date: formatDate(stored.updatedAt) })}
        </p>
      )}
      <form ref={check.formRef} className="editor" onSubmit={submit} noValidate>
        <Field
          id="contact-name"
          label={t('editor.name')}
          value={form.name}
          onChange={(v) => update('name', v)}
          invalid={invalid === 'validation.nameRequired'}
          autoFocus
          required
        />
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
          invalid={invalid === 'validation.phoneInvalid'}
          multiline
        />
        {stored && stored.phones.length > 0 && (
          <ul className="copy-list">
            {stored.phones.map((phone, i) => (
              <li key={`${i}-${phone}`} className="with-copy">
                <span>{phone}</span>
                <CopyButton phone={phone} />
              </li>
            ))}
          </ul>
        )}
        <ChannelList channels={form.channels} onChange={(channels) => update('channels', channels)} />
        <Field
          id="contact-languages"
          label={t('people.contact.languages')}
          hint={t('people.contact.languagesHint')}
          value={form.languages}
          onChange={(v) => update('languages', v)}
        />
        <label className="checkbox">
          <input
            type="checkbox"
            data-testid="contact-around-the-clock"
            checked={form.aroundTheClock}
            onChange={(e) => update('aroundTheClock', e.target.checked)}
          />
          {t('people.contact.aroundTheClock')}
        </label>
        <BriefingDates
          briefings={briefings}
          onChange={(campaignId, briefedOn) => setBriefings((list) => list.map((b) => (b.campaignId === campaignId ? { ...b, briefedOn } : b)))}
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
        <Alert
          testId="contact-error"
          invalid={invalid === 'invalidChannel' ? null : invalid}
          message={invalid === 'invalidChannel' ? t('people.contact.invalidChannel') : null}
          code={save.error ?? remove.error ?? briefingsLoad.error}
        />
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
