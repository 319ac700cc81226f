import { useAllies } from '../../state/allies'
import { useNavigation } from '../../state/navigation'

/** "Make a backup" from anywhere: the Allies screen, at its export part. */
export function openBackup(): void {
  useAllies.getState().show('export')
  useNavigation.getState().go('allies')
}
