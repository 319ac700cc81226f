import { describe, expect, it } from 'vitest'
import { testSwitches } from '../../../main/shell/testSwitches'

const userData = '/home/aigul/.config/Sestra'
const testEnv = { SESTRA_DATA_DIR: '/tmp/sestra-e2e-1', SESTRA_KDF: 'minimum' }

describe('test switches', () => {
  it('an installed app ignores SESTRA_DATA_DIR and SESTRA_KDF=minimum', () => {
    expect(testSwitches(testEnv, true, userData)).toEqual({ dataDir: userData, kdf: 'calibrate' })
  })

  it('a development run obeys them, for the e2e tests', () => {
    expect(testSwitches(testEnv, false, userData)).toEqual({ dataDir: '/tmp/sestra-e2e-1', kdf: 'minimum' })
  })

  it('without them, the vault lives in the user-data folder with a calibrated KDF', () => {
    expect(testSwitches({}, false, userData)).toEqual({ dataDir: userData, kdf: 'calibrate' })
    expect(testSwitches({ SESTRA_DATA_DIR: '', SESTRA_KDF: 'fast' }, false, userData)).toEqual({ dataDir: userData, kdf: 'calibrate' })
  })
})
