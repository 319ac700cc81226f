import { dialog, type BrowserWindow } from 'electron'
import type { Language } from '../../shared/errors'
import type { DialogsPort, OpenPurpose, SavePurpose } from '../ipc/ports'

const titles: Record<OpenPurpose | SavePurpose, Record<Language, string>> = {
  evidence: { en: 'Add files to the vault', ru: 'Добавить файлы в хранилище' },
  evidenceFolders: { en: 'Add folders to the vault', ru: 'Добавить папки в хранилище' },
  bundle: { en: 'Encrypted bundle (.age)', ru: 'Зашифрованный пакет (.age)' },
  report: { en: 'Save the evidence report (not protected)', ru: 'Сохранить отчёт (без защиты)' },
  copy: { en: 'Save an unprotected copy', ru: 'Сохранить незащищённую копию' },
  lawyerCard: { en: 'Save the lawyer card (not protected)', ru: 'Сохранить карточку юриста (без защиты)' },
}

type OpenProperty = 'openFile' | 'openDirectory' | 'multiSelections'

/**
 * Electron (https://www.electronjs.org/docs/api/dialog): "On Windows and Linux an open dialog can not be both a file
 * selector and a directory selector, so if you set properties to
 * ['openFile', 'openDirectory'] on these platforms, a directory selector will
 * be shown." So only macOS offers folders beside files; everywhere folders
 * also have their own dialog ('evidenceFolders').
 */
function openProperties(purpose: OpenPurpose): OpenProperty[] {
  if (purpose === 'evidenceFolders') return ['openDirectory', 'multiSelections']
  const folders = purpose === 'evidence' && process.platform === 'darwin'
  return ['openFile', 'multiSelections', ...(folders ? ['openDirectory' as const] : [])]
}

/** Native dialogs, modal to the vault window, titled in the UI language. */
export function electronDialogs(window: () => BrowserWindow | null, language: () => Language): DialogsPort {
  const parent = () => window() ?? undefined
  return {
    async openFiles(purpose) {
      const properties = openProperties(purpose)
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
