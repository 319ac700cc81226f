// The app runs the built ageWorker.js; tests and the e2e harness run from
// source, so this worker entry loads the TypeScript one through tsx.
import { register } from 'tsx/esm/api'

register()
await import('../../main/exchange/ageWorker.ts')
