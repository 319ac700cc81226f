import { SestraError, type Language } from '../../shared/errors'
import type { DialogsPort } from '../ipc/ports'
import { writeNewFile } from '../newFile'
import { loadFonts } from '../pdf/loadFonts'
import { speedDialLawyers } from '../store/contactQueries'
import type { Store } from '../store/records'
import type { CardLawyer } from './renderCard'

// A wallet card has room for two lawyers and their numbers, no more.
const maxLawyers = 2

/** The speed-dial lawyers who have a number to call, by name. */
export function cardLawyers(store: Store): CardLawyer[] {
  return speedDialLawyers(store, maxLawyers).map(({ name, phones }) => ({ name, phones: phones.slice(0, 2) }))
}

/**
 * Writes the card where the person chose in the save dialog (the UI has
 * warned that the file is not protected). Cancelling is not an error.
 */
export async function saveLawyerCard(store: Store, dialogs: DialogsPort, language: Language): Promise<{ saved: boolean }> {
  const lawyers = cardLawyers(store)
  if (lawyers.length === 0) throw new SestraError('NOT_FOUND', 'speed-dial lawyer')
  // pdf-lib is loaded on first use, not when the app starts.
  const { renderLawyerCard } = await import('./renderCard')
  const pdf = await renderLawyerCard(lawyers, language, await loadFonts())
  const path = await dialogs.saveFile('lawyerCard', language === 'ru' ? 'карточка-адвоката.pdf' : 'lawyer-card.pdf')
  if (path === null) return { saved: false }
  await writeNewFile(path, pdf)
  return { saved: true }
}
