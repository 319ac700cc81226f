import { describe, expect, it } from 'vitest'
import { refusedSender } from '../../main/ipc/dispatch'
import { errorMessage } from '../../shared/errors'

describe('a refused IPC sender', () => {
  it('gets a code of its own, not INVALID_INPUT, in the UI language', () => {
    for (const language of ['en', 'ru'] as const) {
      expect(refusedSender(language)).toEqual({ ok: false, code: 'REFUSED_SENDER', message: errorMessage('REFUSED_SENDER', language) })
      expect(errorMessage('REFUSED_SENDER', language)).not.toBe(errorMessage('INVALID_INPUT', language))
    }
    expect(errorMessage('REFUSED_SENDER', 'en')).not.toBe(errorMessage('REFUSED_SENDER', 'ru'))
  })
})
