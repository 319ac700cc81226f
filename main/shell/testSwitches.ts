/** What the environment may change about where and how the app keeps its vault. */
export interface Switches {
  dataDir: string
  kdf: 'minimum' | 'calibrate'
}

/**
 * The e2e tests point the app at a temporary folder (`SESTRA_DATA_DIR`) and
 * ask for the Argon2id floor (`SESTRA_KDF=minimum`). An installed app ignores
 * both: otherwise anyone who can set an environment variable (a launcher, a
 * shortcut's properties) could make it create a weakly derived key, or look
 * for the vault elsewhere.
 */
export function testSwitches(env: NodeJS.ProcessEnv, isPackaged: boolean, userData: string): Switches {
  if (isPackaged) return { dataDir: userData, kdf: 'calibrate' }
  return {
    dataDir: env.SESTRA_DATA_DIR || userData,
    kdf: env.SESTRA_KDF === 'minimum' ? 'minimum' : 'calibrate',
  }
}
