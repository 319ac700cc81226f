import { useState, type FormEvent, type ReactElement } from 'react'
import { useTranslation } from 'react-i18next'
import type { ZodType } from 'zod'
import type { ErrorCode } from '../../../shared/errors'
import { Alert } from '../Alert'
import { Field } from '../Field'
import { useAction } from '../useAction'
import { useFormCheck } from '../useFormCheck'
import { Checkbox, Select } from './Choices'
import { FormActions } from './FormActions'
import { schemaProblem, type MessageKey, type Problems } from './problem'

interface Labelled {
  /** The element id, also its test id. */
  id: string
  label: MessageKey
}

export interface TextSpec extends Labelled {
  kind?: 'text' | 'textarea' | 'date' | 'time' | 'number'
  hint?: MessageKey
  required?: boolean
  /** The message when the contract's schema refuses this field; the field is then marked invalid. */
  problem?: MessageKey
}

export interface SelectSpec<V extends string> extends Labelled {
  kind: 'select'
  options: readonly { value: V; label: MessageKey }[]
}

export interface CheckboxSpec extends Labelled {
  kind: 'checkbox'
}

// The brackets keep a union of values (a status) one select rather than one spec per value.
type SpecFor<V> = [V] extends [boolean] ? CheckboxSpec : [string] extends [V] ? TextSpec | SelectSpec<string> : [V] extends [string] ? SelectSpec<V> : never

/** How each field the layer draws looks: a form value of text takes a text field or a select, a yes/no a checkbox. */
export type FieldSpecs<F> = { [K in keyof F]?: SpecFor<F[K]> }

interface RecordFormOptions<F, I> {
  initial(): F
  fields: FieldSpecs<F>
  /** What the editor sends: the contract's input, made from the form. */
  toInput(form: F): I
  /** The contract's schema for that input; see schemaProblem. */
  schema: ZodType
  /** Messages for input fields the layer does not draw (a task list, channels). */
  otherProblems?: Problems
  /** The message for a refused field with none of its own; by default the vault's answer speaks. */
  otherwise?: MessageKey | null
  /** Names the test ids: `<testId>-error` (also the message's id), `-save`, `-cancel`, `-delete`. */
  testId: string
  /** The store's save, given the checked input. */
  save(input: I): Promise<unknown>
  /** The store's delete; none for a record not yet stored. */
  remove?(): Promise<unknown>
  /** After each send, whether the vault took it. */
  onSaved?(ok: boolean): void
  /** Called on every change, say to take back a "saved" note. */
  onEdit?(): void
}

/**
 * The form layer of the record editors. An editor declares its fields once;
 * the layer keeps the values, draws each field with its label, hint and
 * aria-invalid, points an invalid field at the message that says why, and
 * on a refused submit moves focus to the first field at fault.
 */
export function useRecordForm<F extends object, I>(options: RecordFormOptions<F, I>) {
  const { initial, fields, toInput, schema, otherProblems, otherwise, testId, remove: removeRecord, onSaved, onEdit } = options
  const { t } = useTranslation()
  const [form, setForm] = useState<F>(initial)
  const save = useAction(options.save)
  const remove = useAction(async () => removeRecord?.())
  const busy = save.busy || remove.busy
  const errorId = `${testId}-error`
  const problems: Problems = { ...otherProblems }
  for (const [name, spec] of Object.entries<TextSpec | SelectSpec<string> | CheckboxSpec | undefined>(fields)) {
    if (spec && 'problem' in spec) problems[name] = spec.problem
  }
  const check = useFormCheck(() => schemaProblem(schema, toInput(form), problems, otherwise))
  const { problem } = check

  /** Sets one value; a function gets the current one, for changes that land after an await. */
  const update = <K extends keyof F>(key: K, next: F[K] | ((current: F[K]) => F[K])) => {
    onEdit?.()
    // No form value is a function, so a function here is always the updater.
    setForm((f) => ({ ...f, [key]: typeof next === 'function' ? (next as (current: F[K]) => F[K])(f[key]) : next }))
  }

  /** The declared field `name`, drawn from its spec. */
  const field = (name: keyof F & string, extra: { autoFocus?: boolean; onChange?(value: string): void } = {}): ReactElement => {
    const spec: TextSpec | SelectSpec<string> | CheckboxSpec | undefined = fields[name]
    if (!spec) throw new Error(`No field "${name}" is declared`)
    const value = form[name]
    // The spec's type (SpecFor) ties each kind to the value it edits, so these writes keep F's types.
    const set = (next: string | boolean) => update(name, next as F[typeof name])
    const label = t(spec.label)
    if (spec.kind === 'checkbox') return <Checkbox key={name} id={spec.id} label={label} checked={value === true} onChange={set} />
    if (spec.kind === 'select') {
      const options = spec.options.map((o) => ({ value: o.value, label: t(o.label) }))
      return <Select key={name} id={spec.id} label={label} value={String(value)} options={options} onChange={set} />
    }
    const kind = spec.kind ?? 'text'
    return (
      <Field
        key={name}
        id={spec.id}
        label={label}
        hint={spec.hint && t(spec.hint)}
        type={kind === 'textarea' ? 'text' : kind}
        multiline={kind === 'textarea'}
        value={String(value)}
        onChange={extra.onChange ?? set}
        required={spec.required}
        invalid={problem !== null && problems[name] === problem}
        errorId={errorId}
        autoFocus={extra.autoFocus}
      />
    )
  }

  return {
    form,
    update,
    field,
    busy,
    /** Props of the <form>: submit checks first and saves only what passes. */
    formProps: {
      ref: check.formRef,
      className: 'editor',
      noValidate: true,
      async onSubmit(event: FormEvent) {
        event.preventDefault()
        if (check.attempt() !== null) return
        // Not `onSaved?.(await …)`: without onSaved that would skip the save itself.
        const ok = await save.run(toInput(form))
        onSaved?.(ok)
      },
    },
    /** The message under the form: this form's fault first, else the vault's refusal, else `other` (say, a list that did not load). */
    error: (other?: ErrorCode | null) => <Alert id={errorId} testId={errorId} message={problem && t(problem)} code={save.error ?? remove.error ?? other} />,
    /** Save, and cancel and delete where given. */
    actions: (props: { onCancel?(): void; deleteQuestion: string; deleteLabel?: string }) => (
      <FormActions testId={testId} busy={busy} saving={save.busy} onDelete={removeRecord && (() => void remove.run())} {...props} />
    ),
  }
}
