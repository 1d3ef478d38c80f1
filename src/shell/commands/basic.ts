// Simple commands: echo, printf, true, false, sleep, yes, seq, env, printenv, pwd, hostname,
// whoami, id, uname, basename, dirname, which. Output formats follow busybox. No upstream file.
import type { Command, CommandContext } from "../types";
import { fail, out, parseOpts, unescape } from "./util";

const echo: Command = async (ctx) => {
  let args = ctx.args;
  let newline = true;
  let escapes = false;
  while (args.length && /^-[neE]+$/.test(args[0]!)) {
    for (const f of args[0]!.slice(1)) {
      if (f === "n") newline = false;
      else if (f === "e") escapes = true;
      else escapes = false;
    }
    args = args.slice(1);
  }
  let text = args.join(" ");
  if (escapes) {
    const [t, stop] = unescape(text);
    text = t;
    if (stop) newline = false;
  }
  await out(ctx, newline ? text + "\n" : text);
  return 0;
};

/** printf FORMAT [ARG]...: %s %d %i %x %o %f %c %b %% with width/precision; reuses the format. */
export function formatPrintf(fmt: string, args: string[]): { text: string; bad?: string } {
  let text = "";
  let i = 0;
  let bad: string | undefined;
  const num = (v: string | undefined): number => {
    if (v === undefined || v === "") return 0;
    if (/^'./.test(v) || /^"./.test(v)) return v.charCodeAt(1);
    const n = Number(v);
    if (Number.isNaN(n)) {
      bad ??= v;
      return 0;
    }
    return n;
  };
  do {
    const [f] = unescape(fmt.replace(/%[-+ #0]*\d*(?:\.\d+)?[sdioxXfegcb%]/g, (m) => `\u0000${m}\u0000`));
    for (const piece of f.split("\u0000")) {
      const m = /^%([-+ #0]*)(\d*)(?:\.(\d+))?([sdioxXfegcb%])$/.exec(piece);
      if (!m) {
        text += piece;
        continue;
      }
      const [, flags, width, prec, conv] = m;
      if (conv === "%") {
        text += "%";
        continue;
      }
      const arg = args[i++];
      let s: string;
      switch (conv) {
        case "s": s = arg ?? ""; if (prec !== undefined) s = s.slice(0, Number(prec)); break;
        case "b": s = unescape(arg ?? "")[0]; break;
        case "c": s = (arg ?? "").slice(0, 1); break;
        case "d": case "i": s = String(Math.trunc(num(arg))); if (flags!.includes("+") && !s.startsWith("-")) s = "+" + s; break;
        case "o": s = Math.trunc(num(arg)).toString(8); break;
        case "x": s = Math.trunc(num(arg)).toString(16); break;
        case "X": s = Math.trunc(num(arg)).toString(16).toUpperCase(); break;
        case "e": s = num(arg).toExponential(prec === undefined ? 6 : Number(prec)).replace(/e([+-])(\d)$/, "e$10$2"); break;
        default: s = num(arg).toFixed(prec === undefined ? 6 : Number(prec));
      }
      const w = Number(width || 0);
      if (s.length < w) s = flags!.includes("-") ? s.padEnd(w) : flags!.includes("0") && conv !== "s" ? s.padStart(w, "0") : s.padStart(w);
      text += s;
    }
  } while (i < args.length && i > 0);
  return { text, bad };
}

const printf: Command = async (ctx) => {
  if (!ctx.args.length) return fail(ctx, "usage: printf FORMAT [ARGUMENT]...", 1);
  const { text, bad } = formatPrintf(ctx.args[0]!, ctx.args.slice(1));
  await out(ctx, text);
  if (bad !== undefined) return fail(ctx, `invalid number '${bad}'`);
  return 0;
};

/** Busybox duration: 1, 0.5, 2s, 3m, 1h, 1d, inf/infinity. */
export function parseDuration(s: string): number | undefined {
  if (/^inf(inity)?$/i.test(s)) return Infinity;
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(s);
  if (!m) return undefined;
  const mult = { "": 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] as "" | "s" | "m" | "h" | "d"];
  return Number(m[1]) * mult * 1000;
}

const sleep: Command = async (ctx) => {
  if (!ctx.args.length) return fail(ctx, "missing operand");
  let total = 0;
  for (const a of ctx.args) {
    const ms = parseDuration(a);
    if (ms === undefined) return fail(ctx, `invalid number '${a}'`);
    total += ms;
  }
  await ctx.sleep(total);
  return 0;
};

const yes: Command = async (ctx) => {
  const line = (ctx.args.length ? ctx.args.join(" ") : "y") + "\n";
  for (;;) {
    await ctx.stdout.write(line);
    await ctx.tick();
  }
};

const seq: Command = async (ctx) => {
  const nums = ctx.args.filter((a) => !a.startsWith("-") || /^-\d/.test(a)).map(Number);
  if (!nums.length || nums.some(Number.isNaN)) return fail(ctx, ctx.args.length ? `invalid number '${ctx.args.find((a) => Number.isNaN(Number(a)))}'` : "missing operand");
  const [first, step, last] = nums.length === 1 ? [1, 1, nums[0]!] : nums.length === 2 ? [nums[0]!, 1, nums[1]!] : [nums[0]!, nums[1]!, nums[2]!];
  let text = "";
  for (let v = first, n = 0; step > 0 ? v <= last : v >= last; v += step, n++) {
    text += `${v}\n`;
    if (n % 1000 === 999) {
      await out(ctx, text);
      text = "";
      await ctx.tick();
    }
  }
  await out(ctx, text);
  return 0;
};

const env: Command = async (ctx) => {
  const vars = { ...ctx.env };
  let i = 0;
  for (; i < ctx.args.length; i++) {
    const a = ctx.args[i]!;
    if (a === "-i" || a === "-") for (const k of Object.keys(vars)) delete vars[k];
    else if (a === "-u") delete vars[ctx.args[++i] ?? ""];
    else if (/^[^=]+=/.test(a)) vars[a.slice(0, a.indexOf("="))] = a.slice(a.indexOf("=") + 1);
    else break;
  }
  if (i < ctx.args.length) return ctx.run(ctx.args.slice(i), vars);
  await out(ctx, Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(""));
  return 0;
};

const printenv: Command = async (ctx) => {
  if (!ctx.args.length) {
    await out(ctx, Object.entries(ctx.env).map(([k, v]) => `${k}=${v}\n`).join(""));
    return 0;
  }
  let st = 0;
  for (const a of ctx.args) {
    if (a in ctx.env) await out(ctx, `${ctx.env[a]}\n`);
    else st = 1;
  }
  return st;
};

const user = (ctx: CommandContext) => ctx.host.user ?? { uid: 0, gid: 0, name: "root", group: "root", groups: "0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)" };

const id: Command = async (ctx) => {
  const u = user(ctx);
  if (ctx.args.includes("-u")) await out(ctx, ctx.args.includes("-n") ? `${u.name}\n` : `${u.uid}\n`);
  else if (ctx.args.includes("-g")) await out(ctx, ctx.args.includes("-n") ? `${u.group}\n` : `${u.gid}\n`);
  else await out(ctx, `uid=${u.uid}(${u.name}) gid=${u.gid}(${u.group})${u.groups ? ` groups=${u.groups}` : ""}\n`);
  return 0;
};

const uname: Command = async (ctx) => {
  const p = parseOpts(ctx.args, "asnrvmpio");
  if (typeof p === "string") return fail(ctx, `invalid option -- '${p}'`);
  const f = p.flags;
  const all = f.has("a");
  const parts: string[] = [];
  if (all || f.has("s") || f.size === 0) parts.push("Linux");
  if (all || f.has("n")) parts.push(ctx.host.hostname);
  if (all || f.has("r")) parts.push("6.8.0-51-generic"); // the nodes' kernel (src/cluster/templates/nodes.ts)
  if (all || f.has("v")) parts.push("#52-Ubuntu SMP PREEMPT_DYNAMIC Thu Dec  5 13:09:44 UTC 2024");
  if (all || f.has("m")) parts.push("x86_64");
  if (all || f.has("o")) parts.push("GNU/Linux");
  await out(ctx, parts.join(" ") + "\n");
  return 0;
};

const basename: Command = async (ctx) => {
  if (!ctx.args.length) return fail(ctx, "missing operand");
  let b = ctx.args[0]!.replace(/\/+$/, "");
  b = b.slice(b.lastIndexOf("/") + 1) || "/";
  const suffix = ctx.args[1];
  if (suffix && b.endsWith(suffix) && b !== suffix) b = b.slice(0, -suffix.length);
  await out(ctx, b + "\n");
  return 0;
};

const dirname: Command = async (ctx) => {
  if (!ctx.args.length) return fail(ctx, "missing operand");
  const p = ctx.args[0]!.replace(/\/+$/, "");
  const i = p.lastIndexOf("/");
  await out(ctx, (i < 0 ? "." : i === 0 ? "/" : p.slice(0, i)) + "\n");
  return 0;
};

const which: Command = async (ctx) => {
  let st = 0;
  const path = (ctx.env.PATH ?? "/usr/bin:/bin").split(":");
  for (const name of ctx.args) {
    const dir = path.find((d) => ctx.fs.exists(`${d}/${name}`));
    if (dir) await out(ctx, `${dir}/${name}\n`);
    else st = 1;
  }
  return st;
};

export const basicCommands: [string, Command][] = [
  ["echo", echo],
  ["printf", printf],
  ["true", async () => 0],
  ["false", async () => 1],
  ["sleep", sleep],
  ["yes", yes],
  ["seq", seq],
  ["env", env],
  ["printenv", printenv],
  ["pwd", async (ctx) => out(ctx, `${ctx.cwd}\n`).then(() => 0)],
  ["hostname", async (ctx) => out(ctx, `${ctx.host.hostname}\n`).then(() => 0)],
  ["whoami", async (ctx) => out(ctx, `${user(ctx).name}\n`).then(() => 0)],
  ["id", id],
  ["uname", uname],
  ["basename", basename],
  ["dirname", dirname],
  ["which", which],
];
