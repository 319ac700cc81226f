import type { Named } from '../../state/evidence'

interface SelectProps {
  id: string
  label: string
  value: string
  options: { value: string; label: string }[]
  onChange(value: string): void
}

/** A labelled select; the first option may be "none" / "any" with an empty value. */
export function Select({ id, label, value, options, onChange }: SelectProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} data-testid={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}

interface ChecklistProps {
  testId: string
  legend: string
  items: Named[]
  selected: string[]
  empty: string
  onChange(ids: string[]): void
}

/** Pick several records by name: people affected, contacts as perpetrators or witnesses. */
export function NamedChecklist({ testId, legend, items, selected, empty, onChange }: ChecklistProps) {
  return (
    <fieldset className="named-checklist" data-testid={testId}>
      <legend>{legend}</legend>
      {items.length === 0 && <p className="hint">{empty}</p>}
      {items.map((item) => (
        <label key={item.id} className="checkbox">
          <input
            type="checkbox"
            checked={selected.includes(item.id)}
            onChange={(e) => onChange(e.target.checked ? [...selected, item.id] : selected.filter((id) => id !== item.id))}
          />
          {item.name}
        </label>
      ))}
    </fieldset>
  )
}
