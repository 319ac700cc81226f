import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { contactInput, contactRoles, type ContactFields, type ContactInput, type ContactRole } from '../../shared/domain/contact'
import type { Contact } from '../../shared/ipc-schema'
import { Checkbox } from '../components/form/Choices'
import { useRecordForm, type FieldSpecs } from '../components/form/useRecordForm'
import { useAction } from '../components/useAction'
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

const fields: FieldSpecs<Form> = {
  name: { id: 'contact-name', label: 'editor.name', required: true, problem: 'validation.nameRequired' },
  organisation: { id: 'contact-organisation', label: 'editor.organisation' },
  phones: { id: 'contact-phones', kind: 'textarea', label: 'editor.phones', hint: 'editor.phonesHint', problem: 'validation.phoneInvalid' },
  languages: { id: 'contact-languages', label: 'people.contact.languages', hint: 'people.contact.languagesHint' },
  aroundTheClock: { id: 'contact-around-the-clock', kind: 'checkbox', label: 'people.contact.aroundTheClock' },
  notes: { id: 'contact-notes', kind: 'textarea', label: 'editor.notes' },
  speedDial: { id: 'contact-speed-dial', kind: 'checkbox', label: 'editor.speedDial' },
}

export function ContactEditor({ contact }: { contact: Contact | 'new' }) {
  const { t } = useTranslation()
  const stored = contact === 'new' ? null : contact
  const [briefings, setBriefings] = useState<CampaignBriefing[]>([])
  const [storedBriefings, setStoredBriefings] = useState<CampaignBriefing[]>([])
  const storedId = stored?.id ?? null
  const briefingsLoad = useAction(async () => {
    const loaded = await loadBriefings(storedId)
    setBriefings(loaded)
    setStoredBriefings(loaded)
  })
  const loadCampaignBriefings = briefingsLoad.run
  const close = useContacts((s) => s.close)
  const save = useContacts((s) => s.save)
  const remove = useContacts((s) => s.remove)
  const editor = useRecordForm({
    initial: () => (stored ? toForm(stored) : emptyForm),
    fields,
    toInput,
    schema: contactInput,
    // Anything else (say, overlong notes) is left to the vault's answer.
    otherProblems: { channels: 'people.contact.invalidChannel' },
    testId: 'contact',
    save: (input) => {
      const changed = briefings
        .filter((b, i) => b.briefedOn !== storedBriefings[i]?.briefedOn)
        .map((b) => ({ campaignId: b.campaignId, briefedOn: b.briefedOn || null }))
      return save(input, changed)
    },
    remove: stored ? () => remove(stored.id) : undefined,
  })
  const { form, update } = editor

  useEffect(() => {
    void loadCampaignBriefings()
  }, [loadCampaignBriefings, storedId])

  const toggleRole = (role: ContactRole, on: boolean) =>
    update('roles', on ? [...form.roles, role] : form.roles.filter((r) => r !== role))

  return (
    <section>
      <h1>{stored ? t('editor.editTitle') : t('editor.newTitle')}</h1>
      {stored && (
        <p className="hint" data-testid="contact-updated">
          {t('editor.updatedAt', { date: formatDate(stored.updatedAt) })}
        </p>
      )}
      <form {...editor.formProps}>
        {editor.field('name', { autoFocus: true })}
        {editor.field('organisation')}
        <fieldset className="roles">
          <legend>{t('editor.roles')}</legend>
          {contactRoles.map((role) => (
            <Checkbox key={role} id={`contact-role-${role}`} label={t(`roles.${role}`)} checked={form.roles.includes(role)} onChange={(on) => toggleRole(role, on)} />
          ))}
        </fieldset>
        {editor.field('phones')}
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
        {editor.field('languages')}
        {editor.field('aroundTheClock')}
        <BriefingDates
          briefings={briefings}
          onChange={(campaignId, briefedOn) => setBriefings((list) => list.map((b) => (b.campaignId === campaignId ? { ...b, briefedOn } : b)))}
        />
        {editor.field('notes')}
        {editor.field('speedDial')}
        {editor.error(briefingsLoad.error)}
        {editor.actions({ onCancel: close, deleteQuestion: t('editor.confirmDelete') })}
      </form>
    </section>
  )
}
