import type { ErrorCode } from '../../shared/errors'
import { call, errorCodeOf } from '../api'
import { initialAllies, useAllies } from './allies'
import { initialCampaigns, useCampaigns } from './campaigns'
import { initialContacts, useContacts } from './contacts'
import { initialEvidence, useEvidence } from './evidence'
import { initialFirstSteps, useFirstSteps } from './firstSteps'
import { initialNavigation, useNavigation } from './navigation'
import { initialPeople, usePeople } from './people'
import { initialVault, useVault } from './vault'

/**
 * Drops every decrypted record the renderer holds, then reloads the page so
 * that nothing of the session survives in this JavaScript heap either. Also
 * the last step of a panic wipe: the reload then finds no vault.
 */
export function forgetEverything(): void {
  useAllies.setState(initialAllies)
  useCampaigns.setState(initialCampaigns)
  useContacts.setState(initialContacts)
  useEvidence.setState(initialEvidence)
  useFirstSteps.setState(initialFirstSteps)
  useNavigation.setState(initialNavigation)
  usePeople.setState(initialPeople)
  useVault.setState(initialVault)
  window.location.reload()
}

export async function lockVault(): Promise<void> {
  try {
    await call('lock')
  } finally {
    forgetEverything()
  }
}

/**
 * The code to show for a failed action. A LOCKED answer while we think we are
 * unlocked means main locked the vault on its own (auto-lock): forget too.
 */
export function reportError(error: unknown): ErrorCode {
  const code = errorCodeOf(error)
  if (code === 'LOCKED' && useVault.getState().status === 'unlocked') forgetEverything()
  return code
}
