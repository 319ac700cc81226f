import { storedFileResponse, type StoredFileResponse } from './evidence/storedFileResponse'
import type { VaultService } from './vault/service'

/**
 * Stored files are shown by URL (`/vault-files/<id>` on the app's own
 * origin), so images, PDFs and seekable audio and video play from the vault
 * without a plaintext copy on disk, under the CSP's 'self'. Electron's
 * app:// handler and the test harness both answer through here.
 */
export const vaultFilesPrefix = '/vault-files/'

const idPattern = /^\/vault-files\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/

const notFound: StoredFileResponse = { status: 404, headers: { 'Cache-Control': 'no-store' }, body: null }

export async function vaultFileResponse(
  vault: VaultService,
  pathname: string,
  request: { method: string; range: string | null },
): Promise<StoredFileResponse> {
  const id = idPattern.exec(pathname)?.[1]
  if (!id || (await vault.state()) !== 'unlocked') return notFound
  try {
    return storedFileResponse(vault.store.files, vault.store.files.get(id), request)
  } catch {
    return notFound
  }
}
