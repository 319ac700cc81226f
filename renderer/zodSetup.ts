import { z } from 'zod'

// zod compiles fast parsers with new Function(), which the CSP forbids (no
// 'unsafe-eval'); even its feature probe is reported as a violation. Schemas
// read this when they are built, so this module is imported before any other.
z.config({ jitless: true })
