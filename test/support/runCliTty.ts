import { runCli, type CliResult } from './runCli'

// Runs the command given after the dialogue on a pseudo-terminal (python3's pty module),
// answering each prompt once it appears.
const driver = String.raw`
import json, os, pty, select, sys, time
dialogue, command = json.loads(sys.argv[1]), sys.argv[2:]
pid, fd = pty.fork()
if pid == 0:
    os.execv(command[0], command)
seen = b''
def read_until(text, deadline):
    global seen
    while text.encode() not in seen:
        if time.time() > deadline: sys.exit('no prompt: ' + text)
        if select.select([fd], [], [], 0.2)[0]:
            try: chunk = os.read(fd, 4096)
            except OSError: return
            if not chunk: return
            seen += chunk
for prompt, reply in dialogue:
    read_until(prompt, time.time() + 60)
    seen = seen.replace(prompt.encode(), b'<' + prompt.encode() + b'>', 1)
    os.write(fd, reply.encode() + b'\r')
read_until('\0', time.time() + 60)
sys.stdout.write(seen.decode(errors='replace'))
sys.exit(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
`

/** `dialogue`: [prompt, reply] pairs; stdout holds everything the terminal showed (the prompts marked <...>). */
export function runCliTty(args: string[], dialogue: [string, string][]): Promise<CliResult> {
  return runCli(args, '', {}, ['python3', '-c', driver, JSON.stringify(dialogue)])
}
