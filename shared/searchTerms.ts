import type { ContactRole } from './domain/contact'
import type { documentKinds } from './domain/travelDocument'

type DocumentKind = (typeof documentKinds)[number]

/**
 * Words that name a contact role or a document kind, in both UI languages:
 * roles and kinds are stored as codes, so the full-text index never sees
 * "адвокат" or "Passport", and a search in either language must still find them.
 */
const roleTerms: Record<ContactRole, readonly string[]> = {
  lawyer: ['lawyer', 'attorney', 'advocate', 'адвокат', 'юрист', 'защитник'],
  human_rights_org: ['human-rights', 'rights', 'правозащитник', 'правозащитная', 'правозащитники'],
  psychologist: ['psychologist', 'therapist', 'психолог', 'психотерапевт'],
  ally: ['ally', 'allies', 'союзник', 'союзница', 'союзники'],
  journalist: ['journalist', 'press', 'reporter', 'журналист', 'журналистка', 'пресса'],
  family: ['family', 'семья', 'родственник', 'родственница'],
  other: [],
}

const kindTerms: Record<DocumentKind, readonly string[]> = {
  passport: ['passport', 'паспорт', 'загранпаспорт'],
  national_id: ['id', 'identity', 'удостоверение', 'внутренний'],
  visa: ['visa', 'виза', 'визы'],
  residence_permit: ['residence', 'permit', 'внж', 'вид на жительство', 'жительство'],
}

// Shorter words only match a term exactly: "pa" is not yet a passport.
const prefixFrom = 3

/** A typed word names a term when it is the term, begins it (while typing), or is the term inflected ("адвоката"). */
function names(word: string, term: string): boolean {
  if (word === term) return true
  if (word.length < prefixFrom) return false
  return term.startsWith(word) || (term.length >= 4 && word.startsWith(term))
}

function matching<K extends string>(terms: Record<K, readonly string[]>, text: string): K[] {
  const words = text.toLocaleLowerCase().split(/\s+/).filter(Boolean)
  return (Object.keys(terms) as K[]).filter((key) => words.some((word) => terms[key].some((term) => names(word, term))))
}

export const rolesNamedIn = (text: string): ContactRole[] => matching(roleTerms, text)
export const kindsNamedIn = (text: string): DocumentKind[] => matching(kindTerms, text)
