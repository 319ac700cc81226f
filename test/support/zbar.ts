import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

/** Decodes a QR code image with Debian's zbarimg (package zbar-tools, installed by .ci/run). */
export async function decodeQr(imagePath: string): Promise<string> {
  const { stdout } = await promisify(execFile)('zbarimg', ['--quiet', '--raw', imagePath])
  return stdout.trim()
}
