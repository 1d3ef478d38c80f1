// `date`: busybox's default output (`Thu Nov 26 06:15:36 UTC 2026`), +FORMAT with the common
// strftime conversions, -u, -R, -I; time from the virtual clock, always UTC. No upstream file.
import type { CommandContext } from "../types";
import { fail, out } from "./util";

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const FULL_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const FULL_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const p2 = (n: number) => String(n).padStart(2, "0");

/** strftime over a UTC date. */
export function strftime(fmt: string, d: Date): string {
  return fmt.replace(/%([a-zA-Z%+:]|:z|N|-?[a-zA-Z])/g, (_m, c: string) => {
    switch (c) {
      case "a": return DAYS[d.getUTCDay()]!;
      case "A": return FULL_DAYS[d.getUTCDay()]!;
      case "b": case "h": return MONTHS[d.getUTCMonth()]!;
      case "B": return FULL_MONTHS[d.getUTCMonth()]!;
      case "d": return p2(d.getUTCDate());
      case "-d": return String(d.getUTCDate());
      case "e": return String(d.getUTCDate()).padStart(2, " ");
      case "H": return p2(d.getUTCHours());
      case "I": return p2(((d.getUTCHours() + 11) % 12) + 1);
      case "M": return p2(d.getUTCMinutes());
      case "S": return p2(d.getUTCSeconds());
      case "N": return String(d.getUTCMilliseconds() * 1_000_000).padStart(9, "0");
      case "m": return p2(d.getUTCMonth() + 1);
      case "y": return p2(d.getUTCFullYear() % 100);
      case "Y": return String(d.getUTCFullYear());
      case "j": return String(Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1).padStart(3, "0");
      case "p": return d.getUTCHours() < 12 ? "AM" : "PM";
      case "s": return String(Math.floor(d.getTime() / 1000));
      case "u": return String(d.getUTCDay() || 7);
      case "w": return String(d.getUTCDay());
      case "Z": return "UTC";
      case "z": return "+0000";
      case ":z": return "+00:00";
      case "F": return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
      case "T": return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
      case "D": return `${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}/${p2(d.getUTCFullYear() % 100)}`;
      case "R": return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
      case "c": return strftime("%a %b %e %H:%M:%S %Y", d);
      case "n": return "\n";
      case "t": return "\t";
      case "%": return "%";
      default: return `%${c}`;
    }
  });
}

export async function date(ctx: CommandContext): Promise<number> {
  let fmt = "%a %b %e %H:%M:%S %Z %Y";
  for (const a of ctx.args) {
    if (a.startsWith("+")) fmt = a.slice(1);
    else if (a === "-u" || a === "--utc") continue;
    else if (a === "-R") fmt = "%a, %d %b %Y %H:%M:%S +0000";
    else if (a === "-I" || a === "-Idate") fmt = "%F";
    else if (a === "-Iseconds") fmt = "%Y-%m-%dT%H:%M:%S+00:00";
    else return fail(ctx, `invalid date '${a}'`);
  }
  await out(ctx, strftime(fmt, new Date(ctx.now())) + "\n");
  return 0;
}
