import { z } from 'zod'
import { expiryWindows } from '../expiry'
import { patchSchema } from './common'

/**
 * Preferences that must be readable while the vault is locked (what a panic
 * does, when to lock), so they live outside it, in plain JSON. They hold no
 * vault content; anyone holding the laptop can read them, and the settings
 * screen says so.
 */
export const panicActions = ['quit', 'fresh'] as const

export const settingsSchema = z.object({
  /** After a wipe: quit, or show the first-run screen of an empty install. */
  panicAction: z.enum(panicActions).default('fresh'),
  /** An Electron accelerator; three modifiers so a stray key press never fires it. */
  panicShortcut: z
    .string()
    .regex(/^[A-Za-z0-9+]{3,80}$/, 'not a keyboard shortcut')
    .default('CommandOrControl+Alt+Shift+X'),
  /** Wrong passphrases in a row before the vault wipes itself; null is off. */
  wipeAfterFailures: z.number().int().min(3).max(100).nullable().default(null),
  autoLockMinutes: z.number().int().min(1).max(240).default(5),
  lockOnMinimise: z.boolean().default(false),
  /** An OS notification after unlock when a document needs attention; it never names the document. */
  documentNotifications: z.boolean().default(false),
  /** How far ahead the expiry overview looks. */
  expiryWindow: z.enum(expiryWindows).default('days180'),
  /** After an import: ask whether to delete the originals, or do what she chose to have remembered. */
  importOriginals: z.enum(['ask', 'delete', 'keep']).default('ask'),
})

export type Settings = z.output<typeof settingsSchema>

// Not .partial(): zod 4 would fill every unsent field with its default.
export const settingsPatch = patchSchema(settingsSchema)

export const defaultSettings: Settings = settingsSchema.parse({})
