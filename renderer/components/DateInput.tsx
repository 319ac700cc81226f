import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { daysInMonth, localToday } from '../../shared/calendarDates'
import type { Language } from '../../shared/errors'
import { currentLanguage } from '../i18n'
import { datePlaceholder, formatDateText, parseDateText } from './dateText'
import './dateInput.css'

interface DateInputProps {
  id: string
  /** YYYY-MM-DD, or '' for no date. */
  value: string
  /** YYYY-MM-DD when the text names a day, '' when empty, else the text as typed (the form's check refuses it). */
  onChange(value: string): void
  describedBy?: string
  invalid?: boolean
  required?: boolean
  autoFocus?: boolean
  testId?: string
}

function shown(value: string, language: Language): string {
  const parsed = parseDateText(value, language)
  return parsed ? formatDateText(parsed, language) : value
}

/**
 * Every date field of the app: text in the UI language's pattern (the
 * pattern is the placeholder and is read out with the label) and a small
 * month calendar of the app's own, in the UI language.
 */
export function DateInput({ id, value, onChange, describedBy, invalid, required, autoFocus, testId = id }: DateInputProps) {
  const { t } = useTranslation()
  const language = currentLanguage()
  const [text, setText] = useState(() => shown(value, language))
  const [open, setOpen] = useState(false)
  const patternId = useId()

  // A value set from outside (a form reset) or a new UI language rewrites the text; typing does not.
  useEffect(() => {
    setText((current) => {
      const parsed = parseDateText(current, language)
      if (parsed !== null && parsed === value) return formatDateText(parsed, language)
      if (parsed === null && current === value) return current
      return shown(value, language)
    })
  }, [value, language])

  const type = (next: string) => {
    setText(next)
    onChange(next.trim() === '' ? '' : (parseDateText(next, language) ?? next))
  }
  const pick = (iso: string) => {
    setText(formatDateText(iso, language))
    onChange(iso)
    setOpen(false)
    document.getElementById(id)?.focus()
  }

  return (
    <div className="date-input">
      <input
        id={id}
        data-testid={testId}
        type="text"
        inputMode="numeric"
        value={text}
        placeholder={datePlaceholder[language]}
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        required={required}
        aria-invalid={invalid || undefined}
        aria-describedby={[patternId, describedBy].filter(Boolean).join(' ')}
        onChange={(e) => type(e.target.value)}
      />
      <span id={patternId} className="visually-hidden">
        {t('dateInput.pattern', { pattern: datePlaceholder[language] })}
      </span>
      <button type="button" className="date-input-toggle" data-testid={`${testId}-calendar`} aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('dateInput.calendar')}
      </button>
      {open && <MonthCalendar selected={parseDateText(text, language)} onPick={pick} onClose={() => setOpen(false)} />}
    </div>
  )
}

function MonthCalendar({ selected, onPick, onClose }: { selected: string | null; onPick(iso: string): void; onClose(): void }) {
  const { t, i18n } = useTranslation()
  const start = (selected ?? localToday()).slice(0, 7)
  const [month, setMonth] = useState(start)
  const [year, monthNumber] = month.split('-').map(Number) as [number, number]
  const shift = (by: number) => {
    const index = year * 12 + (monthNumber - 1) + by
    setMonth(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`)
  }
  const title = new Intl.DateTimeFormat(i18n.language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, monthNumber - 1, 1))
  // Weeks start on Monday in both UI languages' regions.
  const lead = (new Date(Date.UTC(year, monthNumber - 1, 1)).getUTCDay() + 6) % 7
  const days = Array.from({ length: daysInMonth(year, monthNumber) }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`)
  return (
    <div className="date-calendar" role="group" aria-label={title} data-testid="date-calendar" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div className="date-calendar-head">
        <button type="button" aria-label={t('dateInput.previous')} onClick={() => shift(-1)}>
          ‹
        </button>
        <span>{title}</span>
        <button type="button" aria-label={t('dateInput.next')} onClick={() => shift(1)}>
          ›
        </button>
      </div>
      <div className="date-calendar-grid">
        {Array.from({ length: lead }, (_, i) => (
          <span key={`lead-${i}`} />
        ))}
        {days.map((iso) => (
          <button key={iso} type="button" data-date={iso} aria-pressed={iso === selected} onClick={() => onPick(iso)}>
            {Number(iso.slice(8))}
          </button>
        ))}
      </div>
    </div>
  )
}
