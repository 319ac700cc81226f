interface SelectProps {
  id: string
  label: string
  value: string
  options: readonly { value: string; label: string }[]
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

/** A yes/no choice, its label beside the box. */
export function Checkbox({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <label className="checkbox">
      <input type="checkbox" id={id} data-testid={id} checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  )
}

interface ChecklistProps {
  legend: string
  hint?: string
  /** Said instead of the boxes when there is nothing to pick. */
  empty: string
  items: readonly { id: string; name: string }[]
  selected: readonly string[]
  onChange(ids: string[]): void
  testId?: string
  /** Test id of every box; each also carries the record's name as data-name. */
  itemTestId?: string
}

/** Pick several records by name: participants, parents, people affected, perpetrators, witnesses. */
export function Checklist({ legend, hint, empty, items, selected, onChange, testId, itemTestId }: ChecklistProps) {
  return (
    <fieldset data-testid={testId}>
      <legend>{legend}</legend>
      {hint && <p className="hint">{hint}</p>}
      {items.length === 0 ? (
        <p className="hint">{empty}</p>
      ) : (
        <div className="choices">
          {items.map((item) => (
            <label key={item.id} className="checkbox">
              <input
                type="checkbox"
                data-testid={itemTestId}
                data-name={item.name}
                checked={selected.includes(item.id)}
                onChange={(e) => onChange(e.target.checked ? [...selected, item.id] : selected.filter((id) => id !== item.id))}
              />
              {item.name}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  )
}
