import type { SearchHit } from '../../../shared/recordViews'
import { useCampaigns } from '../../state/campaigns'
import { useContacts } from '../../state/contacts'
import { useNavigation } from '../../state/navigation'
import { usePeople } from '../../state/people'

/** Goes to the screen of the record a search result names, and opens it there. */
export async function openSearchHit(hit: SearchHit): Promise<void> {
  const go = useNavigation.getState().go
  switch (hit.type) {
    case 'campaign':
      await useCampaigns.getState().open(hit.id)
      go('campaigns')
      return
    case 'person':
      await usePeople.getState().openPerson(hit.id)
      go('people')
      return
    case 'document':
      await usePeople.getState().loadEveryone()
      await usePeople.getState().openDocument(hit.id)
      go('people')
      return
    case 'contact':
      await useContacts.getState().open(hit.id)
      go('contacts')
      return
    case 'incident':
      // The evidence screen opens on its timeline; it has no way in to one incident yet.
      go('evidence')
  }
}
