import { useTranslation } from 'react-i18next'
import type { ValidationKey } from '../../components/validation'

/** Keys of this screen's own form checks (the shared Alert knows only the general ones). */
export type AlliesKey =
  | 'allies.add.invalidName'
  | 'allies.add.invalidKey'
  | 'allies.add.invalidSigningKey'
  | 'allies.add.invalidDate'
  | 'allies.export.chooseAllies'
  | 'allies.export.chooseRecords'
  | ValidationKey

export function LocalProblem({ testId, problem }: { testId: string; problem: AlliesKey | null }) {
  const { t } = useTranslation()
  if (!problem) return null
  return (
    <p role="alert" className="alert" data-testid={testId}>
      {t(problem)}
    </p>
  )
}
