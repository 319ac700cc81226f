import { expect, type Page } from '@playwright/test'
import type { SestraApi } from '../../shared/ipc-schema'

/*
 * Every screen of the unlocked app, each reached by clicks the way a person
 * reaches it, over a vault that has one record of each kind (so lists, rows
 * and editors all show). The idle and accessibility specs both walk it.
 */

export interface TourStop {
  name: string
  /** Opens the screen from wherever the previous stop left off and waits until it shows its content. */
  open(page: Page): Promise<void>
}

/** One record of each kind, made through the contract as the UI would; fictional names only. */
export async function seedOneOfEach(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const api = (globalThis as unknown as { sestra: SestraApi }).sestra
    const ok = <T>(envelope: { ok: true; value: T } | { ok: false; code: string }): T => {
      if (!envelope.ok) throw new Error(envelope.code)
      return envelope.value
    }
    const me = ok(await api.createPerson({ name: 'Aigul Example', relation: 'self', birthDate: '1990-04-02' }))
    const child = ok(await api.createPerson({ name: 'Timur Example', relation: 'child', childOf: [me.id] }))
    ok(await api.createDocument({ personId: me.id, kind: 'passport', issuingCountry: 'KG', validUntil: '2031-05-01' }))
    ok(await api.createDocument({ personId: child.id, kind: 'passport', issuingCountry: 'KG', validUntil: '2027-01-15' }))
    ok(await api.createContact({ name: 'Nurlan Lawyer', roles: ['lawyer'], phones: ['+996 700 123 456'], speedDial: true }))
    ok(await api.createCampaign({ title: '16 Days (test)', startDate: '2027-11-25', endDate: '2027-12-10', participantIds: [me.id] }))
    ok(await api.createIncident({ title: 'Threatening comment (test)', kind: 'online_harassment', occurredOn: '2026-11-20' }))
    const identity = ok(await api.getIdentity())
    ok(await api.addAlly({ name: 'Ally Abroad', publicKey: identity.publicKey, verification: 'in_person', verifiedOn: '2026-11-01' }))
  })
}

const tab = (page: Page, testId: string) => async () => {
  await page.getByTestId(testId).click()
  await expect(page.getByTestId(testId)).toHaveAttribute('aria-selected', 'true')
}

export const tour: readonly TourStop[] = [
  {
    name: 'campaigns',
    open: async (page) => {
      // Through another screen: the list loads when it is shown, so records made since then appear.
      await page.getByTestId('nav-settings').click()
      await page.getByTestId('nav-campaigns').click()
      await expect(page.getByTestId('campaign-row')).toBeVisible()
    },
  },
  {
    name: 'campaign-dashboard',
    open: async (page) => {
      await page.getByTestId('campaign-row').click()
      await tab(page, 'campaign-tab-dashboard')()
      await expect(page.getByTestId('dashboard-score-line')).toBeVisible()
    },
  },
  { name: 'campaign-checklist', open: (page) => tab(page, 'campaign-tab-checklist')() },
  {
    name: 'campaign-details',
    open: async (page) => {
      await tab(page, 'campaign-tab-details')()
      await expect(page.getByTestId('campaign-heading')).toHaveText('16 Days (test)')
    },
  },
  {
    name: 'people-family',
    open: async (page) => {
      await page.getByTestId('campaign-back').click()
      await page.getByTestId('nav-people').click()
      await expect(page.getByTestId('person-card')).toHaveCount(2)
    },
  },
  { name: 'people-expiry', open: (page) => tab(page, 'people-tab-expiry')() },
  {
    name: 'person-editor',
    open: async (page) => {
      await tab(page, 'people-tab-family')()
      await page.getByTestId('person-edit').first().click()
      await expect(page.getByTestId('person-save')).toBeVisible()
    },
  },
  {
    name: 'document-editor',
    open: async (page) => {
      await page.getByTestId('person-cancel').click()
      await page.getByTestId('document-row').first().click()
      await expect(page.getByTestId('document-save')).toBeVisible()
    },
  },
  {
    name: 'contacts',
    open: async (page) => {
      await page.getByTestId('document-cancel').click()
      await page.getByTestId('nav-contacts').click()
      await expect(page.getByTestId('contact-row')).toBeVisible()
    },
  },
  {
    name: 'contact-editor',
    open: async (page) => {
      await page.getByTestId('contact-row').click()
      await expect(page.getByTestId('contact-cancel')).toBeVisible()
    },
  },
  {
    name: 'evidence',
    open: async (page) => {
      await page.getByTestId('contact-cancel').click()
      await page.getByTestId('nav-evidence').click()
      await expect(page.getByTestId('timeline-row')).toBeVisible()
    },
  },
  {
    name: 'incident-editor',
    open: async (page) => {
      await page.getByTestId('timeline-row').click()
      await expect(page.getByTestId('incident-back')).toBeVisible()
    },
  },
  {
    name: 'allies-own-key',
    open: async (page) => {
      await page.getByTestId('incident-back').click()
      await page.getByTestId('nav-allies').click()
      await tab(page, 'allies-tab-own')()
      await expect(page.getByTestId('own-public-key')).toBeVisible()
    },
  },
  {
    name: 'allies-list',
    open: async (page) => {
      await tab(page, 'allies-tab-allies')()
      await expect(page.getByTestId('ally-row')).toBeVisible()
    },
  },
  {
    name: 'allies-export',
    open: async (page) => {
      await tab(page, 'allies-tab-export')()
      await expect(page.getByTestId('export-form')).toBeVisible()
    },
  },
  {
    name: 'allies-open',
    open: async (page) => {
      await tab(page, 'allies-tab-open')()
      await expect(page.getByTestId('open-bundle-merge')).toBeVisible()
    },
  },
  {
    name: 'settings',
    open: async (page) => {
      await page.getByTestId('nav-settings').click()
      await expect(page.getByTestId('seizure-settings')).toBeVisible()
    },
  },
]
