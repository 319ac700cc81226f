import { DateInput } from './DateInput'

interface FieldProps {
  id: string
  label: string
  value: string
  onChange(value: string): void
  type?: 'text' | 'password' | 'search' | 'date' | 'time' | 'number'
  multiline?: boolean
  hint?: string
  autoFocus?: boolean
  required?: boolean
  /** Marks the field as the one at fault (aria-invalid), so focus and screen readers find it. */
  invalid?: boolean
  /** The message that says why, read out with the field while it is invalid. */
  errorId?: string
}

/** A labelled input; passphrases get no autocomplete, spell check or history. */
export function Field({ id, label, value, onChange, type = 'text', multiline, hint, autoFocus, required, invalid, errorId }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined
  const describedBy = [hintId, invalid ? errorId : undefined].filter(Boolean).join(' ') || undefined
  const common = {
    id,
    value,
    autoFocus,
    required,
    'data-testid': id,
    'aria-describedby': describedBy,
    'aria-invalid': invalid || undefined,
    autoComplete: 'off',
    spellCheck: type !== 'password',
  }
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {type === 'date' ? (
        <DateInput id={id} value={value} onChange={onChange} describedBy={describedBy} invalid={invalid} required={required} autoFocus={autoFocus} />
      ) : multiline ? (
        <textarea {...common} rows={4} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
    </div>
  )
}
