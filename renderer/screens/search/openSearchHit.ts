import type { SearchHit } from '../../../shared/recordViews'
import { openRecord } from '../openRecord'

/** Goes to the screen of the record a search result names, and opens it there. */
export const openSearchHit = (hit: SearchHit): Promise<void> => openRecord(hit.type, hit.id)
