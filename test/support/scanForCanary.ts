import { lstat, readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'

const maxFileBytes = 256 * 1024 * 1024

/** Every regular file under `root` whose bytes contain the canary as UTF-8 or UTF-16LE. */
export async function filesContaining(root: string, canary: string): Promise<string[]> {
  const needles = [Buffer.from(canary, 'utf8'), Buffer.from(canary, 'utf16le')]
  const hits: string[] = []
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir).catch(() => [] as string[])
    for (const name of entries) {
      const path = join(dir, name)
      const info = await lstat(path).catch(() => null)
      if (!info) continue
      if (info.isDirectory()) await walk(path)
      else if (info.isFile() && info.size <= maxFileBytes) {
        const bytes = await readFile(path).catch(() => null)
        if (bytes && needles.some((n) => bytes.includes(n))) hits.push(path)
      }
    }
  }
  await walk(root)
  return hits
}
