// node --import tsx --import ./test/standin/electron/register.mjs out/main/index.js
// Resolves the specifier 'electron' to the stand-in, for the main process only.
import { register } from 'node:module'

register('./hooks.mjs', import.meta.url)
