import type { BundleSignature } from '../../shared/bundle'
import type { Store } from '../store/records'
import { samePublicKey } from '../store/signingKey'

/** Who signed a bundle, as this vault knows them: itself, one of its allies, or nobody it knows. */
export function identifySigner(store: Pick<Store, 'allies' | 'signingKey'>, signer: string | null): BundleSignature {
  if (signer === null) return { status: 'unsigned' }
  if (samePublicKey(signer, store.signingKey.publicKey())) return { status: 'this_vault', publicKey: signer }
  const ally = store.allies.list().items.find((a) => a.signingKey !== null && samePublicKey(a.signingKey, signer))
  return ally ? { status: 'ally', allyId: ally.id, allyName: ally.name, publicKey: signer } : { status: 'unknown', publicKey: signer }
}
