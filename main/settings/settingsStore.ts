import { readFile } from 'node:fs/promises'
import { dirname, basename } from 'node:path'
import { SestraError } from '../../shared/errors'
import { defaultSettings, settingsSchema, type Settings } from '../../shared/domain/settings'
import { writeFileAtomic } from '../vault/atomicWrite'
import { toSestraError } from '../vault/ioErrors'

/**
 * The settings file. A missing or unreadable file means defaults: settings
 * are preferences, and a damaged file must never keep the vault from opening.
 */
export class SettingsStore {
  readonly #path: string
  #current: Settings | null = null
  readonly #listeners = new Set<(settings: Settings) => void>()

  constructor(path: string) {
    this.#path = path
  }

  async get(): Promise<Settings> {
    this.#current ??= await this.#read()
    return this.#current
  }

  async update(patch: Partial<Settings>): Promise<Settings> {
    const parsed = settingsSchema.safeParse({ ...(await this.get()), ...patch })
    if (!parsed.success) throw new SestraError('INVALID_INPUT')
    const bytes = Buffer.from(`${JSON.stringify(parsed.data, null, 2)}\n`)
    try {
      await writeFileAtomic(dirname(this.#path), basename(this.#path), bytes)
    } catch (error) {
      throw toSestraError(error)
    }
    this.#current = parsed.data
    for (const listener of this.#listeners) listener(parsed.data)
    return parsed.data
  }

  /** The shell re-registers the panic shortcut; the auto-lock picks up its timeout. */
  onChange(listener: (settings: Settings) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  async #read(): Promise<Settings> {
    try {
      const parsed = settingsSchema.safeParse(JSON.parse(await readFile(this.#path, 'utf8')))
      return parsed.success ? parsed.data : { ...defaultSettings }
    } catch {
      return { ...defaultSettings }
    }
  }
}
