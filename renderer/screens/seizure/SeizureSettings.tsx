import { useEffect, useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { panicActions, type Settings } from '../../../shared/domain/settings'
import { Alert } from '../../components/Alert'
import { useAction } from '../../components/useAction'
import { useSeizure } from '../../state/seizure'
import { DuressForm } from './DuressForm'
import { ShortcutInactive } from './ShortcutInactive'
import './seizure.css'

const failureLimits = [3, 5, 10, 20]
// Three modifiers each, so a stray key press or a child at the keyboard never fires one.
const shortcutChoices = [
  'CommandOrControl+Alt+Shift+X',
  'CommandOrControl+Alt+Shift+Q',
  'CommandOrControl+Alt+Shift+Delete',
  'CommandOrControl+Alt+Shift+F12',
]
const autoLockChoices = [1, 2, 5, 10, 15, 30, 60, 120, 240]

/** The offered values, plus the stored one should the file hold another. */
const withCurrent = (choices: number[], current: number | null) =>
  current === null || choices.includes(current) ? choices : [...choices, current].sort((a, b) => a - b)

/** Electron's accelerator in the words printed on the keys of this machine. */
function shortcutKeys(accelerator: string): string[] {
  const command = navigator.userAgent.includes('Mac') ? 'Cmd' : 'Ctrl'
  return accelerator.split('+').map((key) => (key === 'CommandOrControl' || key === 'CmdOrCtrl' ? command : key))
}

/** Everything about a seized laptop: each change is saved at once. */
export function SeizureSettings() {
  const { t } = useTranslation()
  const settings = useSeizure((s) => s.settings)
  const load = useAction(useSeizure((s) => s.load))
  const update = useAction(useSeizure((s) => s.update))
  const [saved, setSaved] = useState(false)
  const loadSettings = load.run

  useEffect(() => {
    void loadSettings()
  }, [loadSettings])

  const save = async (patch: Partial<Settings>) => {
    setSaved(false)
    setSaved(await update.run(patch))
  }

  return (
    <section className="seizure-settings" aria-labelledby="seizure-title" data-testid="seizure-settings">
      <h2 id="seizure-title">{t('seizure.settings.title')}</h2>
      <WipeExplained />
      <Alert testId="seizure-error" code={load.error ?? update.error} />
      {settings && (
        <>
          <fieldset className="seizure-group">
            <legend>{t('seizure.settings.panicAction.legend')}</legend>
            {panicActions.map((action) => (
              <label key={action} className="checkbox">
                <input
                  type="radio"
                  name="panic-action"
                  value={action}
                  data-testid={`panic-action-${action}`}
                  checked={settings.panicAction === action}
                  onChange={() => void save({ panicAction: action })}
                />
                {t(`seizure.settings.panicAction.${action}`)}
              </label>
            ))}
          </fieldset>

          <div className="seizure-group">
            <h3>{t('seizure.settings.shortcut.title')}</h3>
            <p className="hint">{t('seizure.settings.shortcut.text')}</p>
            <p aria-label={t('seizure.settings.shortcut.keys')} data-testid="panic-shortcut">
              {shortcutKeys(settings.panicShortcut).map((key, i) => (
                <span key={i}>
                  {i > 0 && ' + '}
                  <kbd>{key}</kbd>
                </span>
              ))}
            </p>
            <ShortcutInactive accelerator={settings.panicShortcut} />
            <label htmlFor="panic-shortcut-choice">{t('seizure.settings.shortcut.change')}</label>
            <select
              id="panic-shortcut-choice"
              data-testid="panic-shortcut-choice"
              value={settings.panicShortcut}
              onChange={(e) => void save({ panicShortcut: e.target.value })}
            >
              {(shortcutChoices.includes(settings.panicShortcut) ? shortcutChoices : [settings.panicShortcut, ...shortcutChoices]).map(
                (choice) => (
                  <option key={choice} value={choice}>
                    {shortcutKeys(choice).join(' + ')}
                  </option>
                ),
              )}
            </select>
          </div>

          <div className="seizure-group">
            <label htmlFor="wipe-after-failures">{t('seizure.settings.failures.label')}</label>
            <p id="wipe-after-failures-risk" className="warning">
              {t('seizure.settings.failures.risk')}
            </p>
            <select
              id="wipe-after-failures"
              data-testid="wipe-after-failures"
              aria-describedby="wipe-after-failures-risk"
              value={settings.wipeAfterFailures ?? 'off'}
              onChange={(e: ChangeEvent<HTMLSelectElement>) =>
                void save({ wipeAfterFailures: e.target.value === 'off' ? null : Number(e.target.value) })
              }
            >
              <option value="off">{t('seizure.settings.failures.off')}</option>
              {withCurrent(failureLimits, settings.wipeAfterFailures).map((count) => (
                <option key={count} value={count}>
                  {t('seizure.settings.failures.after', { count })}
                </option>
              ))}
            </select>
          </div>

          <div className="seizure-group">
            <label htmlFor="auto-lock-minutes">{t('seizure.settings.autoLock.label')}</label>
            <p id="auto-lock-hint" className="hint">
              {t('seizure.settings.autoLock.hint')}
            </p>
            <select
              id="auto-lock-minutes"
              data-testid="auto-lock-minutes"
              aria-describedby="auto-lock-hint"
              value={settings.autoLockMinutes}
              onChange={(e: ChangeEvent<HTMLSelectElement>) => void save({ autoLockMinutes: Number(e.target.value) })}
            >
              {withCurrent(autoLockChoices, settings.autoLockMinutes).map((minutes) => (
                <option key={minutes} value={minutes}>
                  {minutes}
                </option>
              ))}
            </select>
          </div>

          <SettingCheckbox
            id="lock-on-minimise"
            checked={settings.lockOnMinimise}
            onChange={(checked) => void save({ lockOnMinimise: checked })}
            label={t('seizure.settings.minimise.label')}
            hint={t('seizure.settings.minimise.hint')}
          />
          <SettingCheckbox
            id="document-notifications"
            checked={settings.documentNotifications}
            onChange={(checked) => void save({ documentNotifications: checked })}
            label={t('seizure.settings.notifications.label')}
            hint={t('seizure.settings.notifications.hint')}
          />

          {saved && (
            <p role="status" className="success" data-testid="seizure-saved">
              {t('seizure.settings.saved')}
            </p>
          )}
          <p className="hint">{t('seizure.settings.stored')}</p>
        </>
      )}
      <DuressForm />
    </section>
  )
}

function WipeExplained() {
  const { t } = useTranslation()
  return (
    <div className="warning seizure-explained" data-testid="wipe-explained">
      <h3>{t('seizure.settings.wipe.title')}</h3>
      <p>{t('seizure.settings.wipe.what')}</p>
      <p>
        <strong>{t('seizure.settings.wipe.final')}</strong>
      </p>
      <p>{t('seizure.settings.wipe.backup')}</p>
      <p>{t('seizure.settings.wipe.legal')}</p>
      <p>{t('seizure.settings.wipe.limits')}</p>
    </div>
  )
}

function SettingCheckbox(props: { id: string; checked: boolean; onChange(checked: boolean): void; label: string; hint: string }) {
  return (
    <div className="seizure-group">
      <label className="checkbox">
        <input
          type="checkbox"
          data-testid={props.id}
          aria-describedby={`${props.id}-hint`}
          checked={props.checked}
          onChange={(e) => props.onChange(e.target.checked)}
        />
        {props.label}
      </label>
      <p id={`${props.id}-hint`} className="hint">
        {props.hint}
      </p>
    </div>
  )
}
