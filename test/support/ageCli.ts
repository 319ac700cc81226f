import { execFile, spawnSync } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** A fresh key pair from `age-keygen`: the identity file path and its public key. */
export async function ageKeygen(path: string): Promise<string> {
  await run('age-keygen', ['-o', path])
  return (await run('age-keygen', ['-y', path])).stdout.trim()
}

export const ageDecryptWithKey = (keyFile: string, input: string, output: string) =>
  run('age', ['-d', '-i', keyFile, '-o', output, input])

export const ageEncryptTo = (recipient: string, input: string, output: string) =>
  run('age', ['-r', recipient, '-o', output, input])

/**
 * age reads passphrases only from a terminal, so this drives it through a
 * pseudo-terminal (python3's pty): it answers every "passphrase" prompt.
 */
export function ageWithPassphrase(args: string[], passphrase: string): { code: number; output: string } {
  const script = `
import os, pty, sys
args, secret = sys.argv[1:-1], sys.argv[-1]
pid, fd = pty.fork()
if pid == 0:
    os.execvp('age', ['age'] + args)
seen = b''
while True:
    try:
        data = os.read(fd, 1024)
    except OSError:
        break
    if not data:
        break
    seen += data
    if seen.lower().rstrip().endswith(b':'):
        os.write(fd, secret.encode() + b'\\n')
        seen = b''
_, status = os.waitpid(pid, 0)
sys.exit(os.waitstatus_to_exitcode(status))
`
  const result = spawnSync('python3', ['-c', script, ...args, passphrase], { encoding: 'utf8', timeout: 60_000 })
  return { code: result.status ?? -1, output: `${result.stdout}${result.stderr}` }
}

export const untar = (archive: string, dir: string) => run('tar', ['-x', '-f', archive, '-C', dir])
export const tarList = async (archive: string) => (await run('tar', ['-t', '-f', archive])).stdout.trim().split('\n')
