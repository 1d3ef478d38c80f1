// `watch`: runs a command every interval and shows its output full screen under a title line,
// as procps-ng's watch does (watch.c: output_header, run_command): "Every 1.0s: <command>" on
// the left, "<hostname>: <ctime>" right-aligned, a blank line, then the output clipped to the
// screen. It draws on the alternate screen (ncurses initscr/endwin on xterm), so Ctrl-C brings
// back the screen as it was.
import type { Command, CommandContext } from "../../shell/types";
import { BufferOutput } from "../../shell/io";

export interface WatchDeps {
  hostname: string;
  size(): { cols: number; rows: number };
  /** Runs a command line as `sh -c` would, into the given outputs. */
  runLine(line: string, ctx: CommandContext, stdout: BufferOutput): Promise<number>;
}

export const ENTER_ALT_SCREEN = "\x1b[?1049h";
export const LEAVE_ALT_SCREEN = "\x1b[?1049l";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const p2 = (n: number) => String(n).padStart(2, "0");

/** C's ctime() without the newline, in UTC: "Thu Nov 26 06:15:36 2026". */
export function ctime(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} ${d.getUTCFullYear()}`;
}

/** The title line at `width` columns. */
export function watchHeader(interval: number, command: string, hostname: string, nowMs: number, width: number): string {
  const left = `Every ${interval.toFixed(1)}s: `;
  const right = `${hostname}: ${ctime(nowMs)}`;
  if (width < right.length + left.length + 4) return (left + command).slice(0, width);
  const room = width - right.length - left.length - 4;
  const cmd = command.length > room ? command.slice(0, Math.max(0, room - 3)) + "..." : command;
  return (left + cmd).padEnd(width - right.length) + right;
}

const USAGE = `
Usage:
 watch [options] command

Options:
  -b, --beep             beep if command has a non-zero exit
  -c, --color            interpret ANSI color and style sequences
  -d, --differences[=<permanent>]
                         highlight changes between updates
  -e, --errexit          exit if command has a non-zero exit
  -g, --chgexit          exit when output from command changes
  -n, --interval <secs>  seconds to wait between updates
  -p, --precise          attempt run command in precise intervals
  -t, --no-title         turn off header
  -x, --exec             pass command to exec instead of "sh -c"

 -h, --help     display this help and exit
 -v, --version  output version information and exit

For more details see watch(1).
`;

export function watchCommand(deps: WatchDeps): Command {
  return async (ctx) => {
    let interval = 2;
    let title = true;
    let errexit = false;
    const args = [...ctx.args];
    while (args.length && args[0]!.startsWith("-")) {
      const a = args.shift()!;
      if (a === "--") break;
      if (a === "-n" || a === "--interval") interval = Number(args.shift());
      else if (a.startsWith("-n")) interval = Number(a.slice(2));
      else if (a.startsWith("--interval=")) interval = Number(a.slice(11));
      else if (a === "-t" || a === "--no-title") title = false;
      else if (a === "-e" || a === "--errexit") errexit = true;
      else if (["-d", "-c", "-b", "-p", "-x", "--differences", "--color", "--beep", "--precise", "--exec"].includes(a)) continue;
      else if (a === "-h" || a === "--help") { await ctx.stdout.write(USAGE); return 0; }
      else { await ctx.stderr.write(`watch: invalid option -- '${a.replace(/^-+/, "")}'\n${USAGE}`); return 1; }
      if (!Number.isFinite(interval)) { await ctx.stderr.write(`watch: failed to parse argument: '${ctx.args[ctx.args.indexOf(a) + 1] ?? ""}'\n`); return 1; }
    }
    if (!args.length) { await ctx.stderr.write(USAGE); return 1; }
    interval = Math.max(0.1, interval);
    const command = args.join(" ");
    await ctx.stdout.write(ENTER_ALT_SCREEN);
    for (;;) {
      const { cols, rows } = deps.size();
      const buf = new BufferOutput();
      const status = await deps.runLine(command, ctx, buf);
      const header = title ? [watchHeader(interval, command, deps.hostname, ctx.now(), cols), ""] : [];
      const lines = [...header, ...buf.text.replace(/\n$/, "").split("\n")].slice(0, rows).map((l) => l.slice(0, cols));
      // A full-width line leaves the cursor on its last cell: erasing there would eat that cell.
      await ctx.stdout.write("\x1b[H" + lines.map((l) => (l.length < cols ? l + "\x1b[K" : l)).join("\n") + "\x1b[J");
      if (errexit && status !== 0) {
        await ctx.stdout.write(LEAVE_ALT_SCREEN);
        return status;
      }
      await ctx.sleep(interval * 1000);
    }
  };
}
