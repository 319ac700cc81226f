import { SestraError } from '../../shared/errors'

/** Translates SQLite and filesystem failures into the user's vocabulary. */
export function toSestraError(error: unknown): SestraError {
  if (error instanceof SestraError) return error
  const code = (error as { code?: unknown } | null)?.code
  switch (code) {
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return new SestraError('CORRUPT_DATABASE')
    case 'SQLITE_READONLY':
    case 'SQLITE_CANTOPEN':
    case 'SQLITE_PERM':
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new SestraError('READ_ONLY')
    // A write that names a person, campaign or contact that is not there.
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return new SestraError('NOT_FOUND')
    case 'SQLITE_FULL':
    case 'ENOSPC':
    case 'EDQUOT':
      return new SestraError('DISK_FULL')
    default:
      return new SestraError('INTERNAL', typeof code === 'string' ? code : undefined)
  }
}
