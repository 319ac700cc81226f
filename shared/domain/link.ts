import { z } from 'zod'
import { recordId } from './common'

export const recordTypes = ['campaign', 'person', 'document', 'contact', 'incident', 'file'] as const
export type RecordType = (typeof recordTypes)[number]

/**
 * Links say how two records relate ("child_of", "participant", "attached").
 * The set grows with features; the store treats the kind as data.
 */
export const linkKinds = [
  'child_of',
  'colleague_of',
  'participant',
  'attached',
  'concerns',
  'related',
] as const

export const linkInput = z.object({
  fromType: z.enum(recordTypes),
  fromId: recordId,
  toType: z.enum(recordTypes),
  toId: recordId,
  kind: z.enum(linkKinds),
})
