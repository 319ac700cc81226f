// The app (and the e2e tests, which run the built app) use the built
// ageWorker.js; unit tests run from source, so this worker entry loads the
// TypeScript one through tsx.
import { register } from 'tsx/esm/api'

register()
await import('../../main/exchange/ageWorker.ts')
