import { dialog, type BrowserWindow } from 'electron'
import type { Language } from '../../shared/errors'
import type { DialogsPort, OpenPurpose, SavePurpose } from '../ipc/ports'

const titles: Record<OpenPurpose | SavePurpose, Record<Language, string>> = {
  evidence: { en: 'Add files to the vault', ru: 'Добавить файлы в хранилище' },
  bundle: { en: 'Encrypted bundle (.age)', ru: 'Зашифрованный пакет (.age)' },
  report: { en: 'Save the evidence report (not protected)', ru: 'Сохранить отчёт (без защиты)' },
  copy: { en: 'Save an unprotected copy', ru: 'Сохранить незащищённую копию' },
  lawyerCard: { en: 'Save the lawyer card (not protected)', ru: 'Сохранить карточку юриста (без защиты)' },
}

/** Native dialogs, modal to the vault window, titled in the UI language. */
export function electronDialogs(window: () => BrowserWindow | null, language: () => Language): DialogsPort {
  const parent = () => window() ?? undefined
  return {
    async openFiles(purpose) {
      // Only macOS shows files and folders in one dialog; elsewhere asking for folders hides the files.
      const folders = purpose === 'evidence' && process.platform === 'darwin'
      const properties: ('openFile' | 'openDirectory' | 'multiSelections')[] = ['openFile', 'multiSelections', ...(folders ? ['openDirectory' as const] : [])]
      const options = { title: titles[purpose][language()], properties }
      const owner = parent()
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options)
      return result.canceled ? [] : result.filePaths
    },
    async saveFile(purpose, suggestedName) {
      const options = { title: titles[purpose][language()], defaultPath: suggestedName }
      const owner = parent()
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
  }
}
