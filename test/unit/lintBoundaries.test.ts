import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: resolve(import.meta.dirname, '../..') })

/** The rules that fire for `code` as if it were the file `filePath`. */
async function boundaryErrors(code: string, filePath: string): Promise<string[]> {
  const absolute = resolve(import.meta.dirname, '../..', filePath)
  // An ignored path would lint to nothing and pass every "allowed" case.
  expect(await eslint.isPathIgnored(absolute)).toBe(false)
  const [result] = await eslint.lintText(code, { filePath: absolute })
  return (result?.messages ?? [])
    .filter((m) => ['no-restricted-imports', 'no-restricted-globals', 'no-restricted-syntax'].includes(m.ruleId ?? '') || m.fatal)
    .map((m) => m.ruleId ?? `fatal: ${m.message}`)
}

const importElectron = "import { app } from 'electron'\nexport const a = app\n"

describe('process-boundary lint rules', () => {
  describe('electron', () => {
    it.each(['main/vault/x.ts', 'main/store/x.ts', 'main/ipc/handlers.ts', 'main/cli/x.ts', 'shared/x.ts', 'renderer/src/x.ts'])(
      'is refused in %s',
      async (file) => {
        expect(await boundaryErrors(importElectron, file)).toEqual(['no-restricted-imports'])
      },
    )

    it.each(['main/index.ts', 'main/shell/x.ts', 'main/ipc/bindIpc.ts', 'preload/index.ts', 'test/unit/shell/x.test.ts'])(
      'is allowed in %s',
      async (file) => {
        expect(await boundaryErrors(importElectron, file)).toEqual([])
      },
    )

    it('is refused as a subpath and as a type-only import in the core', async () => {
      expect(await boundaryErrors("import { app } from 'electron/main'\nexport const a = app\n", 'main/vault/x.ts')).toHaveLength(1)
      expect(await boundaryErrors("import type { App } from 'electron'\nexport type A = App\n", 'main/vault/x.ts')).toHaveLength(1)
    })
  })

  describe('node built-ins', () => {
    it.each([
      ["import fs from 'node:fs'\nexport const f = fs\n", 'shared/x.ts'],
      ["import { join } from 'path'\nexport const j = join\n", 'shared/x.ts'],
      ["import { readFile } from 'fs/promises'\nexport const r = readFile\n", 'shared/domain/x.ts'],
      ["import fs from 'node:fs'\nexport const f = fs\n", 'renderer/src/x.tsx'],
    ])('refuses %j in %s', async (code, file) => {
      expect(await boundaryErrors(code, file)).toEqual(['no-restricted-imports'])
    })

    it('allows them in the main process', async () => {
      expect(await boundaryErrors("import fs from 'node:fs'\nexport const f = fs\n", 'main/vault/x.ts')).toEqual([])
    })
  })

  describe('folders', () => {
    it.each([
      ["import { x } from '../main/vault/vault'\nexport const y = x\n", 'renderer/x.ts'],
      ["import { x } from '../../main/vault/vault'\nexport const y = x\n", 'renderer/src/x.ts'],
      ["import { x } from '../../preload/index'\nexport const y = x\n", 'renderer/src/x.ts'],
      ["import { x } from '../main/vault/vault'\nexport const y = x\n", 'shared/x.ts'],
      ["import { x } from '../renderer/src/x'\nexport const y = x\n", 'shared/x.ts'],
      ["import { x } from '../../renderer/src/x'\nexport const y = x\n", 'main/vault/x.ts'],
      ["import { x } from '../../preload/index'\nexport const y = x\n", 'main/shell/x.ts'],
      ["import React from 'react'\nexport const r = React\n", 'shared/x.ts'],
    ])('refuses %j in %s', async (code, file) => {
      expect(await boundaryErrors(code, file)).toEqual(['no-restricted-imports'])
    })

    it.each([
      ["import { x } from '../../shared/ipc-schema'\nexport const y = x\n", 'renderer/src/x.ts'],
      ["import { x } from '../vault/vault'\nexport const y = x\n", 'main/ipc/x.ts'],
      ["import { x } from './domain/common'\nexport const y = x\n", 'shared/x.ts'],
      ["import { z } from 'zod'\nexport const y = z\n", 'shared/x.ts'],
      ["import React from 'react'\nexport const r = React\n", 'renderer/src/x.tsx'],
      ["import { x } from './main'\nexport const y = x\n", 'renderer/x.ts'],
    ])('allows %j in %s', async (code, file) => {
      expect(await boundaryErrors(code, file)).toEqual([])
    })
  })

  describe('the preload', () => {
    it('may import electron and shared/', async () => {
      const code = "import { ipcRenderer } from 'electron'\nimport { x } from '../shared/ipc-schema'\nexport const y = [ipcRenderer, x]\n"
      expect(await boundaryErrors(code, 'preload/index.ts')).toEqual([])
    })

    it.each(["import fs from 'node:fs'", "import { z } from 'zod'", "import { x } from '../main/vault/vault'", "import { x } from '../renderer/src/x'"])(
      'may not %s',
      async (line) => {
        expect(await boundaryErrors(`${line}\nexport const y = 1\n`, 'preload/index.ts')).toEqual(['no-restricted-imports'])
      },
    )
  })

  describe('globals', () => {
    it.each(['window.alert(1)', 'document.title', 'localStorage.clear()', 'process.exit(1)'])('shared/ may not use %s', async (code) => {
      expect(await boundaryErrors(`export const f = () => ${code}\n`, 'shared/x.ts')).toEqual(['no-restricted-globals'])
    })

    it('the renderer may use the DOM', async () => {
      expect(await boundaryErrors('export const f = () => document.title\n', 'renderer/src/x.ts')).toEqual([])
    })
  })

  describe('SQL outside the store', () => {
    const uses = {
      prepare: "db.prepare('SELECT 1').get()",
      pragma: "db.pragma('foreign_keys = ON')",
      'optional prepare': "db?.prepare(sql).all()",
      'exec with written SQL': "db.exec('DELETE FROM people')",
      'exec with a template': 'db.exec(`DROP TABLE ${name}`)',
    }
    const inFile = (code: string) => `export const f = (db: any, sql: string, name: string) => ${code}\n`

    it.each(Object.entries(uses))('refuses %s in main/evidence/, main/vault/ and main/ipc/', async (_, code) => {
      for (const file of ['main/evidence/x.ts', 'main/vault/database.ts', 'main/ipc/x.ts']) {
        expect(await boundaryErrors(inFile(code), file)).toEqual(['no-restricted-syntax'])
      }
    })

    it.each(Object.entries(uses))('allows %s in main/store/ and the migrations', async (_, code) => {
      for (const file of ['main/store/x.ts', 'main/store/blobs/x.ts', 'main/vault/migrations/009-x.ts']) {
        expect(await boundaryErrors(inFile(code), file)).toEqual([])
      }
    })

    it('leaves a RegExp exec alone', async () => {
      expect(await boundaryErrors('export const f = (path: string) => /^x$/.exec(path)\n', 'main/vaultFileRoute.ts')).toEqual([])
    })
  })
})
