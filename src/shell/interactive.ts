// An interactive shell on an attached standard input: reads one line at a time (more while the
// command is incomplete), prints prompts to stderr when the host has a terminal (busybox
// "/ # ", dash "# ", bash "root@host:/# "), and stops at end of input or `exit`.
import { ShellSyntaxError } from "./ast";
import { ExitSignal, Killed } from "./control";
import type { Shell } from "./interp";
import { parse } from "./parser";
import type { Fds } from "./redirect";
import { readLine } from "./special-builtins";

/**
 * Read commands from standard input one line at a time, as an interactive `sh` does (with a
 * prompt when the host has a terminal), until end of input or `exit`.
 */
export async function runInteractive(sh: Shell, fds: Fds): Promise<number> {
  let buf = "";
  for (;;) {
    if (sh.host.tty) await fds[2].write(buf ? "> " : prompt(sh));
    const line = await readLine(fds[0]);
    if (line === undefined) {
      if (sh.host.tty && sh.dialect === "bash") await fds[2].write("exit\n");
      return sh.runExitTrap(sh.status, fds);
    }
    buf += line + "\n";
    try {
      parse(buf);
    } catch (e) {
      if (e instanceof ShellSyntaxError && /end of file|unterminated|EOF/.test(e.detail)) continue;
    }
    const src = buf;
    buf = "";
    try {
      sh.status = await sh.exec(parse(src), fds);
    } catch (e) {
      if (e instanceof ExitSignal || e instanceof Killed) {
        sh.exited = true;
        return sh.runExitTrap(await sh.fatal(e, fds), fds);
      }
      sh.status = await sh.fatal(e, fds);
    }
  }
}

function prompt(sh: Shell): string {
  const user = sh.host.user?.name ?? "root";
  const mark = user === "root" ? "#" : "$";
  if (sh.dialect === "bash") return `${user}@${sh.host.hostname}:${sh.cwd === (sh.getVar("HOME") ?? "/root") ? "~" : sh.cwd}${mark} `;
  return sh.dialect === "ash" ? `${sh.cwd} ${mark} ` : `${mark} `;
}
