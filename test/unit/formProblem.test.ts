import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { schemaProblem } from '../../renderer/components/form/problem'

// The shape of a record contract: one required field, one checked field, one free one.
const schema = z.object({
  title: z.string().min(1),
  url: z.url().nullable(),
  notes: z.string().max(5),
})

const problems = { title: 'evidence.editor.invalidTitle', url: 'evidence.editor.invalidUrl' } as const

describe('schemaProblem: the contract decides what a form refuses', () => {
  it('passes what the schema takes', () => {
    expect(schemaProblem(schema, { title: 'x', url: null, notes: '' }, problems)).toBeNull()
  })

  it("names the schema's first refused field, in the schema's order", () => {
    expect(schemaProblem(schema, { title: '', url: 'not a link', notes: '' }, problems)).toBe('evidence.editor.invalidTitle')
    expect(schemaProblem(schema, { title: 'x', url: 'not a link', notes: '' }, problems)).toBe('evidence.editor.invalidUrl')
  })

  it('leaves a field with no message of its own to the vault, unless told otherwise', () => {
    const overlong = { title: 'x', url: null, notes: 'too long here' }
    expect(schemaProblem(schema, overlong, problems)).toBeNull()
    expect(schemaProblem(schema, overlong, problems, 'evidence.editor.invalidTitle')).toBe('evidence.editor.invalidTitle')
  })
})
