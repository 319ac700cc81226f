import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { allyInput, verificationMethods, type AllyInput } from '../../../shared/domain/ally'
import { Alert } from '../../components/Alert'
import { Field } from '../../components/Field'
import { useAction } from '../../components/useAction'
import { useFormCheck } from '../../components/useFormCheck'
import { useAllies } from '../../state/allies'
import { LocalProblem, type AlliesKey } from './LocalProblem'

type Verification = (typeof verificationMethods)[number]

const emptyForm = { name: '', publicKey: '', signingKey: '', verification: 'not_verified' as Verification, verifiedOn: '', notes: '' }

const fieldProblems: Record<string, AlliesKey> = {
  name: 'allies.add.invalidName',
  publicKey: 'allies.add.invalidKey',
  signingKey: 'allies.add.invalidSigningKey',
  verifiedOn: 'allies.add.invalidDate',
}

const toInput = (form: typeof emptyForm): AllyInput => ({ ...form, signingKey: form.signingKey.trim() || null, verifiedOn: form.verifiedOn.trim() || null })

/** The contract's own schema names the field at fault, so the message can be specific. */
function validate(input: AllyInput): AlliesKey | null {
  const field = allyInput.safeParse(input).error?.issues[0]?.path[0]
  return field === undefined ? null : (fieldProblems[String(field)] ?? null)
}

export function AddAlly() {
  const { t } = useTranslation()
  const [form, setForm] = useState(emptyForm)
  const add = useAction(useAllies((s) => s.add))
  const check = useFormCheck(() => validate(toInput(form)))
  const invalid = check.problem
  const update = <K extends keyof typeof emptyForm>(key: K, value: (typeof emptyForm)[K]) => setForm((f) => ({ ...f, [key]: value }))

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (check.attempt()) return
    if (await add.run(toInput(form))) {
      setForm(emptyForm)
      check.reset()
    }
  }

  return (
    <form ref={check.formRef} className="panel editor" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="add-ally-title">
      <h2 id="add-ally-title">{t('allies.add.title')}</h2>
      <Field id="ally-name" label={t('allies.add.name')} value={form.name} onChange={(v) => update('name', v)} invalid={invalid === 'allies.add.invalidName'} required />
      <Field
        id="ally-key"
        label={t('allies.add.key')}
        hint={t('allies.add.keyHint')}
        value={form.publicKey}
        onChange={(v) => update('publicKey', v)}
        invalid={invalid === 'allies.add.invalidKey'}
        required
      />
      <Field
        id="ally-signing-key"
        label={t('allies.add.signingKey')}
        hint={t('allies.add.signingKeyHint')}
        value={form.signingKey}
        onChange={(v) => update('signingKey', v)}
        invalid={invalid === 'allies.add.invalidSigningKey'}
      />
      <div className="field">
        <label htmlFor="ally-verification">{t('allies.add.verification')}</label>
        <select
          id="ally-verification"
          data-testid="ally-verification"
          value={form.verification}
          onChange={(e) => update('verification', e.target.value as Verification)}
        >
          {verificationMethods.map((method) => (
            <option key={method} value={method}>
              {t(`allies.list.verified.${method}`)}
            </option>
          ))}
        </select>
      </div>
      <Field
        id="ally-verified-on"
        type="date"
        label={t('allies.add.verifiedOn')}
        value={form.verifiedOn}
        onChange={(v) => update('verifiedOn', v)}
        invalid={invalid === 'allies.add.invalidDate'}
      />
      <Field id="ally-notes" label={t('allies.add.notes')} value={form.notes} onChange={(v) => update('notes', v)} multiline />
      <LocalProblem testId="ally-invalid" problem={invalid} />
      <Alert testId="ally-error" code={add.error} />
      <button type="submit" className="primary" data-testid="ally-add" disabled={add.busy}>
        {add.busy ? t('allies.add.working') : t('allies.add.submit')}
      </button>
    </form>
  )
}
