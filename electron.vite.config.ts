import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

const r = (p: string) => resolve(import.meta.dirname, p)

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // zod inlined: loading its ~100 module files cost every CLI command a quarter of its start (measured: 420 -> 320 ms of CPU for `status`).
      externalizeDeps: { exclude: ['zod'] },
      // The CLI is a second entry of the main build: same core, no Electron.
      rolldownOptions: { input: { index: r('main/index.ts'), cli: r('main/cli/index.ts'), ageWorker: r('main/exchange/ageWorker.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: r('preload/index.ts') },
        // A sandboxed preload must be CommonJS.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: r('renderer'),
    plugins: [react()],
    build: {
      outDir: r('out/renderer'),
      rolldownOptions: { input: { index: r('renderer/index.html') } },
    },
  },
})
