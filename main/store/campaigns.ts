import type { z } from 'zod'
import { localToday } from '../../shared/calendarDates'
import { evaluateReadiness, type CampaignReadiness } from '../../shared/readiness/rules'
import type { createCampaignInput, updateCampaignInput } from '../../shared/recordInputs'
import type { CampaignDetail } from '../../shared/recordViews'
import type { Store } from './records'

export function campaignDetail(store: Store, id: string): CampaignDetail {
  const campaign = store.campaigns.get(id)
  return {
    ...campaign,
    participantIds: store.plans.participantIds(id),
    checklist: store.plans.checklist(id),
    briefings: store.plans.briefings(id),
  }
}

/** A new campaign starts with the eight-point checklist, all in one transaction. */
export function createCampaign(store: Store, input: z.input<typeof createCampaignInput>): CampaignDetail {
  const { participantIds: people = [], ...fields } = input
  return store.transaction(() => {
    const campaign = store.campaigns.create(fields)
    store.plans.addStandardChecklist(campaign.id)
    store.plans.setParticipants(campaign.id, people)
    return campaignDetail(store, campaign.id)
  })
}

export function updateCampaign(store: Store, input: z.output<typeof updateCampaignInput>): CampaignDetail {
  return store.transaction(() => {
    store.campaigns.update(input.id, input.patch)
    if (input.participantIds) store.plans.setParticipants(input.id, input.participantIds)
    return campaignDetail(store, input.id)
  })
}

/** `today` is the user's calendar day; the process's local day when not given. */
export function campaignReadiness(store: Store, id: string, today = localToday()): CampaignReadiness {
  const campaign = store.campaigns.get(id)
  return evaluateReadiness({ today, campaign, ...store.plans.snapshotRows(id) })
}
