import type { FixPlace } from '../../../shared/readiness/rules'
import { focusWhenShown } from '../../components/focusWhenShown'
import { useCampaigns } from '../../state/campaigns'
import { useContacts } from '../../state/contacts'
import { useNavigation } from '../../state/navigation'
import { openRecord } from '../openRecord'

type ContactField = Extract<FixPlace, { place: 'contact' }>['field']
type CampaignField = Extract<FixPlace, { place: 'campaign' }>['field']

const contactFields: Record<Exclude<ContactField, 'briefing'>, string> = {
  phones: '#contact-phones',
  channels: '[data-testid="channel-add"]',
  aroundTheClock: '[data-testid="contact-around-the-clock"]',
  speedDial: '[data-testid="contact-speed-dial"]',
}

const campaignFields: Record<CampaignField, string> = {
  pressContact: '#campaign-press-contact',
  endDate: '#campaign-end',
  participants: '[data-testid="campaign-participant"]',
}

/** Opens the place where what a checklist reason names can be fixed, with the field at fault focused. */
export async function openFixPlace(fix: FixPlace): Promise<void> {
  switch (fix.place) {
    case 'contact': {
      const current = useCampaigns.getState().current
      const campaignId = current !== null && current !== 'new' ? current.id : ''
      await openRecord('contact', fix.id)
      focusWhenShown(fix.field === 'briefing' ? `#contact-briefed-${CSS.escape(campaignId)}` : contactFields[fix.field])
      return
    }
    case 'newContact':
      useContacts.getState().startNew()
      useNavigation.getState().go('contacts')
      return
    case 'person':
    case 'document':
      await openRecord(fix.place, fix.id)
      return
    case 'campaign':
      useCampaigns.getState().setTab('details')
      focusWhenShown(campaignFields[fix.field])
  }
}
