/**
 * The "Getting ready for a campaign" checklist every new campaign starts
 * with, in the order the activists wrote it (see MISSION.md).
 */
export const standardChecklist = [
  'digital_security',
  'safe_channel',
  'lawyer',
  'human_rights_orgs',
  'passports_visas',
  'psychological_support',
  'allies_briefed',
  'journalists_briefed',
] as const

export type StandardItemKind = (typeof standardChecklist)[number]
export const checklistKinds = [...standardChecklist, 'custom'] as const
export type ChecklistKind = (typeof checklistKinds)[number]

export const checklistStatuses = ['open', 'in_progress', 'done', 'not_applicable'] as const
export type ChecklistStatus = (typeof checklistStatuses)[number]

export interface ChecklistItem {
  id: string
  campaignId: string
  kind: ChecklistKind
  /** Empty for standard items, whose titles are translated. */
  title: string
  status: ChecklistStatus
  notes: string
  dueDate: string | null
  position: number
  createdAt: string
  updatedAt: string
}
