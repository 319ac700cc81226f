import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Argon2id at 64 MiB x 4 lanes per test file: two files at a time fit 2 cores.
    maxWorkers: 2,
  },
})
