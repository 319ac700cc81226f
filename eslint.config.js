import { builtinModules } from 'node:module'
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/*
 * Process boundaries, enforced on every import. The vault core must run in
 * plain Node (the CLI, the tests, the e2e harness), so only the shell touches
 * Electron; the renderer is untrusted web content and reaches the main process
 * only through the preload's contract; shared/ is loaded by both sides and may
 * depend on neither.
 */

const electron = { regex: '^electron(/|$)', message: 'Only main/index.ts, main/shell/ and main/ipc/bindIpc.ts may use Electron.' }
const nodeBuiltins = [
  { regex: '^node:', message: 'Node built-ins do not exist on this side of the process boundary.' },
  { regex: `^(${builtinModules.join('|')})$`, message: 'Node built-ins do not exist on this side of the process boundary.' },
]
/** A relative import that reaches into the top-level folder `name`. */
const folder = (name, message, end = '(/|$)') => ({ regex: `^\\.{1,2}/(.*/)?${name}${end}`, message })
// Only main/ as a folder: renderer/main.tsx is the renderer's own entry.
const mainFolder = folder('main', 'The main process is reached only through the IPC contract in shared/ipc-schema.ts.', '/')
const rendererFolder = folder('renderer', 'Renderer code is bundled for the browser; nothing else may import it.')
const preloadFolder = folder('preload', 'The preload is an entry point, not a library.')
const react = { regex: '^react(-dom)?(/|$)', message: 'shared/ holds plain TypeScript, no UI.' }

/*
 * SQL is written only in main/store/ (named queries whose rows are parsed
 * there) and in the migrations: elsewhere a database is used through the
 * store. Without types a Database cannot be told from a RegExp, so `exec` is
 * refused only with a written-out argument, which a RegExp in main/ never gets.
 */
const sqlOutsideStore = 'SQL belongs in main/store/ (or a migration): add a named query there and call it.'
const noSqlOutsideStore = {
  'no-restricted-syntax': [
    'error',
    { selector: 'CallExpression > MemberExpression.callee[property.name=/^(prepare|pragma)$/]', message: sqlOutsideStore },
    { selector: "CallExpression[callee.property.name='exec'][arguments.0.type=/^(Literal|TemplateLiteral)$/]", message: sqlOutsideStore },
  ],
}

const restrictImports = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] })

const domGlobals = ['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'indexedDB', 'location']
const nodeGlobals = ['process', 'Buffer', 'require', '__dirname', '__filename', 'global']
const restrictGlobals = (names, why) => ({
  'no-restricted-globals': ['error', ...names.map((name) => ({ name, message: `${name}: ${why}` }))],
})

export default defineConfig(
  globalIgnores(['out/', 'node_modules/', 'test-results/', 'playwright-report/', 'dist/', '.scratch/', '.bench-tmp/']),
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['main/**', 'preload/**', 'test/**', 'bin/**', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: globals.browser },
  },

  {
    files: ['shared/**'],
    rules: {
      ...restrictImports(electron, ...nodeBuiltins, mainFolder, rendererFolder, preloadFolder, react),
      ...restrictGlobals([...domGlobals, ...nodeGlobals], 'shared/ runs in both the renderer and Node, so it may use neither.'),
    },
  },
  {
    files: ['main/**'],
    rules: restrictImports(electron, rendererFolder, preloadFolder),
  },
  {
    files: ['main/**'],
    ignores: ['main/store/**', 'main/vault/migrations/**'],
    rules: noSqlOutsideStore,
  },
  {
    // The shell: the only main-process code that may import Electron.
    files: ['main/index.ts', 'main/shell/**', 'main/ipc/bindIpc.ts'],
    rules: restrictImports(rendererFolder, preloadFolder),
  },
  {
    files: ['renderer/**'],
    rules: restrictImports(electron, ...nodeBuiltins, mainFolder, preloadFolder),
  },
  {
    files: ['preload/**'],
    rules: restrictImports({
      regex: '^(?!electron$|\\./|(\\.\\./)+shared/)',
      message: 'The preload may import only electron and shared/: it runs with IPC access in every page.',
    }),
  },
)
