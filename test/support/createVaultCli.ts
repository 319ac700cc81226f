// Run as an unprivileged user by the read-only test: prints the error code.
import { createVault } from '../../main/vault/vault'

createVault(process.argv[2]!, 'tulip river 1987 lantern', { kdf: 'minimum' }).then(
  () => console.log('CREATED'),
  (error: { code?: string }) => console.log(error.code),
)
