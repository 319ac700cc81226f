interface TabsProps<T extends string> {
  /** Prefix of the tabs' ids and test ids (`${idPrefix}-tab-${name}`) and the panel's id (`${idPrefix}-panel`). */
  idPrefix: string
  label: string
  names: readonly T[]
  selected: T
  onSelect(name: T): void
  title(name: T): string
}

/** A row of tabs for one panel with id `${idPrefix}-panel`, which must be labelled by the selected tab. */
export function Tabs<T extends string>({ idPrefix, label, names, selected, onSelect, title }: TabsProps<T>) {
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {names.map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${name}`}
          data-testid={`${idPrefix}-tab-${name}`}
          aria-selected={selected === name}
          aria-controls={`${idPrefix}-panel`}
          onClick={() => onSelect(name)}
        >
          {title(name)}
        </button>
      ))}
    </div>
  )
}
