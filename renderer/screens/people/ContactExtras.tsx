import { useTranslation } from 'react-i18next'
import { channelKinds, type ContactFields } from '../../../shared/domain/contact'
import type { CampaignBriefing } from '../../state/contacts'
import { Field } from '../../components/Field'

type Channel = ContactFields['channels'][number]
type ChannelKind = Channel['kind']

/** Secure-channel handles (Signal, WhatsApp, Telegram, e-mail), as many as the contact has. */
export function ChannelList({ channels, onChange }: { channels: Channel[]; onChange(channels: Channel[]): void }) {
  const { t } = useTranslation()
  const change = (index: number, patch: Partial<Channel>) => onChange(channels.map((c, i) => (i === index ? { ...c, ...patch } : c)))
  return (
    <fieldset>
      <legend>{t('people.contact.channels')}</legend>
      <ul className="channel-list">
        {channels.map((channel, i) => (
          <li key={i} className="field-row" data-testid="channel-row">
            <div className="field">
              <label htmlFor={`channel-${i}-kind`}>{t('people.contact.channelKind')}</label>
              <select id={`channel-${i}-kind`} data-testid="channel-kind" value={channel.kind} onChange={(e) => change(i, { kind: e.target.value as ChannelKind })}>
                {channelKinds.map((kind) => (
                  <option key={kind} value={kind}>
                    {t(`people.contact.channelKinds.${kind}`)}
                  </option>
                ))}
              </select>
            </div>
            <Field id={`channel-${i}-handle`} label={t('people.contact.channelHandle')} value={channel.handle} onChange={(handle) => change(i, { handle })} />
            <div className="field">
              <button type="button" className="danger" aria-label={`${t('people.contact.removeChannel')} ${i + 1}`} onClick={() => onChange(channels.filter((_, j) => j !== i))}>
                {t('people.contact.removeChannel')}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <button type="button" data-testid="channel-add" onClick={() => onChange([...channels, { kind: 'signal', handle: '' }])}>
        {t('people.contact.addChannel')}
      </button>
    </fieldset>
  )
}

/** The day this contact was briefed, per campaign; empty means not yet. */
export function BriefingDates({ briefings, onChange }: { briefings: CampaignBriefing[]; onChange(campaignId: string, briefedOn: string): void }) {
  const { t } = useTranslation()
  return (
    <fieldset>
      <legend>{t('people.contact.briefings')}</legend>
      <p className="hint">{t('people.contact.briefingsHint')}</p>
      {briefings.length === 0 ? (
        <p className="hint">{t('people.contact.noCampaigns')}</p>
      ) : (
        <div className="field-row">
          {briefings.map((b) => (
            <Field
              key={b.campaignId}
              id={`contact-briefed-${b.campaignId}`}
              type="date"
              label={b.title}
              value={b.briefedOn}
              onChange={(value) => onChange(b.campaignId, value)}
            />
          ))}
        </div>
      )}
    </fieldset>
  )
}
