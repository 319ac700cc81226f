/*
 * The bench measures the code users run where it can: the CLI and the age
 * worker as electron-vite builds them (no TypeScript loader in their
 * threads), built once per run from this tree.
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'

const projectRoot = join(import.meta.dirname, '../..')
export const builtCli = join(projectRoot, 'out/main/cli.js')
export const builtAgeWorker = join(projectRoot, 'out/main/ageWorker.js')

let built: Promise<unknown> | null = null

export function buildApp(): Promise<unknown> {
  built ??= promisify(execFile)('npx', ['electron-vite', 'build'], { cwd: projectRoot })
  return built
}
