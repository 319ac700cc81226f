import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Language } from '../../shared/errors'
import { currentLanguage, languages } from '../i18n'
import { generatePassphrase, generatedWordCount, wordLists, type GeneratedPassphrase } from '../passphrase/generatePassphrase'
import { Field } from './Field'
import { StrengthMeter } from './StrengthMeter'
import type { PassphraseProblem } from './validation'

export interface NewPassphraseValue {
  passphrase: string
  repeat: string
}

interface NewPassphraseProps {
  /** Element ids (and test ids) of the two fields and the meter; forms keep the ids they always had. */
  ids: { passphrase: string; repeat: string; strength: string }
  labels: { passphrase: string; repeat: string }
  hint?: string
  value: NewPassphraseValue
  onChange(value: NewPassphraseValue): void
  /** The form's current check: the floor marks the passphrase, a mismatch the repetition. */
  problem: PassphraseProblem | null
  autoFocus?: boolean
}

/**
 * A new passphrase, its strength, its repetition, and a generator of random
 * words for anyone who would rather not invent one. Every form that sets a
 * passphrase (the vault's, a new one, the duress one, a backup's) uses this.
 */
export function NewPassphrase({ ids, labels, hint, value, onChange, problem, autoFocus }: NewPassphraseProps) {
  return (
    <>
      <Field
        id={ids.passphrase}
        type="password"
        label={labels.passphrase}
        hint={hint}
        value={value.passphrase}
        onChange={(passphrase) => onChange({ ...value, passphrase })}
        invalid={problem !== null && problem !== 'validation.mismatch'}
        autoFocus={autoFocus}
        required
      />
      <StrengthMeter id={ids.strength} passphrase={value.passphrase} />
      <PassphraseGenerator testId={`${ids.passphrase}-generator`} onUse={(passphrase) => onChange({ ...value, passphrase })} />
      <Field
        id={ids.repeat}
        type="password"
        label={labels.repeat}
        value={value.repeat}
        onChange={(repeat) => onChange({ ...value, repeat })}
        invalid={problem === 'validation.mismatch'}
        required
      />
    </>
  )
}

function PassphraseGenerator({ testId, onUse }: { testId: string; onUse(passphrase: string): void }) {
  const { t } = useTranslation()
  // The UI's language until she picks another for the words.
  const [picked, setPicked] = useState<Language | null>(null)
  const language = picked ?? currentLanguage()
  const [suggestion, setSuggestion] = useState<GeneratedPassphrase | null>(null)
  const suggest = (lang: Language) => setSuggestion(generatePassphrase(lang))

  return (
    <div className="generator" data-testid={testId}>
      <div className="generator-actions">
        <button type="button" data-testid={`${testId}-suggest`} onClick={() => suggest(language)}>
          {suggestion ? t('generator.another') : t('generator.suggest')}
        </button>
        <label htmlFor={`${testId}-language`}>{t('generator.words')}</label>
        <select
          id={`${testId}-language`}
          data-testid={`${testId}-language`}
          value={language}
          onChange={(e) => {
            const next = e.target.value as Language
            setPicked(next)
            if (suggestion) suggest(next)
          }}
        >
          {languages.map((lang) => (
            <option key={lang} value={lang}>
              {t(`language.${lang}`)}
            </option>
          ))}
        </select>
      </div>
      {suggestion && (
        <div className="generator-suggestion">
          <p className="generator-words" data-testid={`${testId}-words`} lang={language}>
            {suggestion.text}
          </p>
          <p className="hint" data-testid={`${testId}-strength`}>
            {t('generator.strength', {
              words: generatedWordCount,
              list: new Intl.NumberFormat(currentLanguage()).format(wordLists[language].length),
              bits: suggestion.bits,
            })}
          </p>
          <p className="hint">{t('generator.learn')}</p>
          <button type="button" data-testid={`${testId}-use`} onClick={() => onUse(suggestion.text)}>
            {t('generator.use')}
          </button>
        </div>
      )}
    </div>
  )
}
