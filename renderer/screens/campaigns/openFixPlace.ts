import type { FixPlace } from '../../../shared/readiness/rules'
import { focusWhenShown } from '../../components/focusWhenShown'
import { useCampaigns } from '../../state/campaigns'
import { useContacts } from '../../state/contacts'
import { useNavigation } from '../../state/navigation'
import { usePeople } from '../../state/people'

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
  const go = useNavigation.getState().go
  switch (fix.place) {
    case 'contact': {
      const current = useCampaigns.getState().current
      const campaignId = current !== null && current !== 'new' ? current.id : ''
      await useContacts.getState().open(fix.id)
      go('contacts')
      focusWhenShown(fix.field === 'briefing' ? `#contact-briefed-${CSS.escape(campaignId)}` : contactFields[fix.field])
      return
    }
    case 'newContact':
      useContacts.getState().startNew()
      go('contacts')
      return
    case 'person':
      await usePeople.getState().openPerson(fix.id)
      go('people')
      return
    case 'document':
      await usePeople.getState().loadEveryone()
      await usePeople.getState().openDocument(fix.id)
      go('people')
      return
    case 'campaign':
      useCampaigns.getState().setTab('details')
      focusWhenShown(campaignFields[fix.field])
  }
}
