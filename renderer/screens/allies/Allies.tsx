import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PublicKeyQr } from './PublicKeyQr'
import type { Ally } from '../../../shared/ipc-schema'
import { Alert } from '../../components/Alert'
import { ConfirmDelete } from '../../components/ConfirmDelete'
import { Tabs } from '../../components/Tabs'
import { useAction } from '../../components/useAction'
import { formatCalendarDate } from '../../i18n/calendarFormat'
import { alliesParts, useAllies } from '../../state/allies'
import { copyToClipboard } from '../../state/seizure'
import { AddAlly } from './AddAlly'
import { ExportBundle } from './ExportBundle'
import { OpenBundle } from './OpenBundle'
import './allies.css'

/** Four parts, one at a time: my key, the allies, making a backup or an export, opening a file. */
export function Allies() {
  const { t } = useTranslation()
  const load = useAction(useAllies((s) => s.load))
  const part = useAllies((s) => s.part)
  const show = useAllies((s) => s.show)
  const runLoad = load.run

  // Fetched afresh each time the screen is shown; nothing is cached across screens.
  useEffect(() => {
    void runLoad()
  }, [runLoad])

  return (
    <section className="allies">
      <h1>{t('allies.title')}</h1>
      <Tabs idPrefix="allies" label={t('allies.parts.label')} names={alliesParts} selected={part} onSelect={show} title={(name) => t(`allies.parts.${name}`)} />
      <Alert testId="allies-error" code={load.error} />
      <div id="allies-panel" role="tabpanel" aria-labelledby={`allies-tab-${part}`}>
        {part === 'own' && <OwnKey />}
        {part === 'allies' && (
          <>
            <AllyList />
            <AddAlly />
          </>
        )}
        {part === 'export' && <ExportBundle />}
        {part === 'open' && <OpenBundle mode="merge" />}
      </div>
    </section>
  )
}

/** Digits in groups of four, each its own element so a screen reader reads them one group at a time. */
export function Fingerprint({ value, testId }: { value: string; testId: string }) {
  return (
    <span className="fingerprint" data-testid={testId}>
      {value.split(' ').map((group, index) => (
        <span key={index}>{group}</span>
      ))}
    </span>
  )
}

function OwnKey() {
  const { t } = useTranslation()
  const identity = useAllies((s) => s.identity)
  const copy = useAction(copyToClipboard)
  const [copied, setCopied] = useState(false)
  if (!identity) return null
  return (
    <div className="panel" aria-labelledby="own-key-title">
      <h2 id="own-key-title">{t('allies.own.title')}</h2>
      <p className="hint">{t('allies.own.intro')}</p>
      <code className="public-key" data-testid="own-public-key">
        {identity.publicKey}
      </code>
      <PublicKeyQr publicKey={identity.publicKey} />
      <p>
        <span className="label">{t('allies.own.fingerprint')}: </span>
        <Fingerprint value={identity.fingerprint} testId="own-fingerprint" />
      </p>
      <p className="hint">{t('allies.own.fingerprintHint')}</p>
      <h3>{t('allies.own.signingTitle')}</h3>
      <code className="public-key" data-testid="own-signing-key">
        {identity.signingKey}
      </code>
      <p className="hint">{t('allies.own.signingHint')}</p>
      <h3>{t('allies.own.plainAgeTitle')}</h3>
      <p className="hint" data-testid="own-plain-age">
        {t('allies.own.plainAge')}
      </p>
      <button type="button" data-testid="copy-own-key" disabled={copy.busy} onClick={() => void copy.run(identity.publicKey).then(setCopied)}>
        {t('allies.own.copy')}
      </button>
      {copied && (
        <span role="status" className="success" data-testid="own-key-copied">
          {' '}
          {t('allies.own.copied')}
        </span>
      )}
      <Alert testId="copy-key-error" code={copy.error} />
    </div>
  )
}

function AllyList() {
  const { t } = useTranslation()
  const allies = useAllies((s) => s.allies)
  return (
    <div className="panel" aria-labelledby="ally-list-title">
      <h2 id="ally-list-title">{t('allies.list.title')}</h2>
      {allies.length === 0 ? (
        <p data-testid="allies-empty">{t('allies.list.empty')}</p>
      ) : (
        <ul className="record-list" data-testid="ally-list">
          {allies.map((ally) => (
            <AllyRow key={ally.id} ally={ally} />
          ))}
        </ul>
      )}
    </div>
  )
}

function AllyRow({ ally }: { ally: Ally }) {
  const { t } = useTranslation()
  const remove = useAction(useAllies((s) => s.remove))
  return (
    <li className="ally-row" data-testid="ally-row">
      <span className="record-title" data-testid="ally-name">
        {ally.name}
      </span>
      <span className={`state-tag verification-${ally.verification}`}>
        {t(`allies.list.verified.${ally.verification}`)}
        {ally.verifiedOn && ` ${t('allies.list.verifiedOn', { date: formatCalendarDate(ally.verifiedOn) })}`}
      </span>
      <Fingerprint value={ally.fingerprint} testId="ally-fingerprint" />
      <code className="public-key">{ally.publicKey}</code>
      {ally.notes && <p className="record-muted">{ally.notes}</p>}
      <ConfirmDelete
        testId="ally-delete"
        question={t('allies.list.confirmRemove', { name: ally.name })}
        busy={remove.busy}
        onConfirm={() => void remove.run(ally.id)}
      />
      <Alert testId="ally-delete-error" code={remove.error} />
    </li>
  )
}
