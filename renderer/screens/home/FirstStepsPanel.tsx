import { useTranslation } from 'react-i18next'
import { firstStepKinds, type FirstStepKind } from '../../../shared/firstSteps'
import { Alert } from '../../components/Alert'
import { useAction } from '../../components/useAction'
import { useFirstSteps } from '../../state/firstSteps'
import { useNavigation, type Screen } from '../../state/navigation'
import { PanicButton } from '../seizure/PanicButton'
import { openBackup } from './openBackup'
import './home.css'

const goTo: Record<FirstStepKind, () => void> = {
  family: () => go('people'),
  lawyer: () => go('contacts'),
  panic: () => go('settings'),
  duress: () => go('settings'),
  backup: openBackup,
}

function go(screen: Screen): void {
  useNavigation.getState().go(screen)
}

/** Shown after a vault is created until dismissed: each step ticks itself from the vault's data. */
export function FirstStepsPanel() {
  const { t } = useTranslation()
  const data = useFirstSteps((s) => s.data)
  const mark = useAction(useFirstSteps((s) => s.mark))
  if (data === null || data.dismissed) return null
  const done = firstStepKinds.filter((kind) => data.steps[kind]).length

  return (
    <section className="panel first-steps" aria-labelledby="first-steps-title" data-testid="first-steps">
      <h2 id="first-steps-title">{t('firstSteps.title')}</h2>
      <p className="hint">{t('firstSteps.intro')}</p>
      <p data-testid="first-steps-progress">{t('firstSteps.progress', { done, total: firstStepKinds.length })}</p>
      <ol className="first-steps-list">
        {firstStepKinds.map((kind) => (
          <li key={kind} data-testid={`first-step-${kind}`} data-done={data.steps[kind]}>
            <span className={data.steps[kind] ? 'state-tag state-good' : 'state-tag'}>
              {data.steps[kind] ? t('firstSteps.done') : t('firstSteps.todo')}
            </span>{' '}
            <span>{t(`firstSteps.steps.${kind}`)}</span>{' '}
            <button type="button" className="link-button" data-testid={`first-step-go-${kind}`} onClick={goTo[kind]}>
              {t(`firstSteps.go.${kind}`)}
            </button>
            {kind === 'panic' && <PanicButton practice onPractised={() => void mark.run('panicPractised', true)} />}
          </li>
        ))}
      </ol>
      <Alert testId="first-steps-error" code={mark.error} />
      <p>
        <button type="button" data-testid="first-steps-dismiss" onClick={() => void mark.run('dismissed', true)} aria-describedby="first-steps-dismiss-hint">
          {t('firstSteps.dismiss')}
        </button>{' '}
        <span id="first-steps-dismiss-hint" className="hint">
          {t('firstSteps.dismissHint')}
        </span>
      </p>
    </section>
  )
}
