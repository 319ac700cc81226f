import { z } from 'zod'
import { longText, shortText } from './common'

export const contactRoles = [
  'lawyer',
  'human_rights_org',
  'psychologist',
  'ally',
  'journalist',
  'family',
  'other',
] as const
export type ContactRole = (typeof contactRoles)[number]

export const channelKinds = ['signal', 'whatsapp', 'telegram', 'email', 'other'] as const

// Phone numbers are typed by hand and read aloud in a hurry: allow the usual
// separators, reject anything that could not be dialled.
export const phoneNumber = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{2,30}$/, 'not a phone number')

export const contactInput = z.object({
  name: shortText.min(1),
  organisation: shortText.default(''),
  roles: z.array(z.enum(contactRoles)).max(contactRoles.length).default([]),
  phones: z.array(phoneNumber).max(10).default([]),
  channels: z
    .array(z.object({ kind: z.enum(channelKinds), handle: shortText.min(1) }))
    .max(20)
    .default([]),
  languages: z.array(shortText.min(1)).max(20).default([]),
  notes: longText.default(''),
  speedDial: z.boolean().default(false),
  // Psychological support has to be reachable at any hour during a campaign.
  aroundTheClock: z.boolean().default(false),
})

export type ContactInput = z.input<typeof contactInput>
export type ContactFields = z.output<typeof contactInput>
