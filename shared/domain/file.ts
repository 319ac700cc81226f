import { z } from 'zod'
import { shortText } from './common'

/** Metadata recorded at intake; the bytes live in chunks beside it. */
export const fileMetaInput = z.object({
  name: shortText.min(1),
  /** @deprecated Ignored: the stored type is sniffed from the content, a claimed one is not trusted. */
  mime: shortText.default('application/octet-stream'),
  modifiedAt: z.iso.datetime().nullable().default(null),
})

export type FileMetaInput = z.input<typeof fileMetaInput>

export interface FileRecord {
  id: string
  name: string
  mime: string
  size: number
  sha256: string
  modifiedAt: string | null
  createdAt: string
  updatedAt: string
}
