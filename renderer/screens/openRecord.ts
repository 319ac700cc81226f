import type { SearchableType } from '../../shared/recordViews'
import { useCampaigns } from '../state/campaigns'
import { useContacts } from '../state/contacts'
import { useNavigation } from '../state/navigation'
import { usePeople } from '../state/people'

/** Goes to the screen of one record and opens it there: from a search result, or from a checklist reason. */
export async function openRecord(type: SearchableType, id: string): Promise<void> {
  const go = useNavigation.getState().go
  switch (type) {
    case 'campaign':
      await useCampaigns.getState().open(id)
      go('campaigns')
      return
    case 'person':
      await usePeople.getState().openPerson(id)
      go('people')
      return
    case 'document':
      await usePeople.getState().loadEveryone()
      await usePeople.getState().openDocument(id)
      go('people')
      return
    case 'contact':
      await useContacts.getState().open(id)
      go('contacts')
      return
    case 'incident':
      // The evidence screen opens on its timeline; it has no way in to one incident yet.
      go('evidence')
  }
}
