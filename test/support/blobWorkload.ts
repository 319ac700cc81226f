/**
 * A child process for crash tests, run with `node --import tsx`: it works on
 * a vault and says on stdout how far it got, so the test can kill -9 it at
 * any point. `delete DIR` deletes every file; `unlock DIR` opens the vault
 * (moving old chunk tables into blobs) and reports each file moved.
 * The passphrase comes on stdin.
 */
import { unlockVault } from '../../main/vault/vault'

const [mode, dir] = process.argv.slice(2)
const passphrase = await new Promise<string>((resolve) => {
  let text = ''
  process.stdin.on('data', (d) => (text += d))
  process.stdin.on('end', () => resolve(text.trim()))
})
const vault = await unlockVault(dir!, passphrase, { onBlobMove: (p) => console.log(`moved ${p.files}/${p.totalFiles}`) })
console.log('unlocked')
if (mode === 'delete') {
  for (const file of vault.store.files.list()) {
    await vault.store.files.delete(file.id)
    console.log(`deleted ${file.id}`)
  }
}
vault.lock()
console.log('done')
