// File commands on the virtual filesystem: ls (-l -a -1 -d), mkdir (-p), touch, rm (-r -f),
// cp, mv. Long listings use busybox's layout. No upstream file.
import { type Node, baseOf, errnoText, resolvePath } from "../fs";
import type { Command, CommandContext } from "../types";
import { fail, out, parseOpts } from "./util";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function modeString(n: Node): string {
  const type = n.kind === "dir" ? "d" : n.kind === "link" ? "l" : "-";
  let s = "";
  for (let i = 8; i >= 0; i--) s += n.mode & (1 << i) ? "rwx"[(8 - i) % 3] : "-";
  return type + s;
}

function longLine(ctx: CommandContext, name: string, n: Node): string {
  const size = n.kind === "dir" ? 4096 : n.kind === "link" ? n.target.length : new TextEncoder().encode(n.data).length;
  const d = new Date(n.mtime);
  const recent = Math.abs(ctx.now() - n.mtime) < 182 * 86_400_000;
  const when = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${recent ? `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}` : ` ${d.getUTCFullYear()}`}`;
  const links = n.kind === "dir" ? 2 + [...n.entries.values()].filter((c) => c.kind === "dir").length : 1;
  const shown = n.kind === "link" ? `${name} -> ${n.target}` : name;
  return `${modeString(n).padEnd(10)} ${String(links).padStart(4)} ${"root".padEnd(8)} ${"root".padEnd(8)} ${String(size).padStart(9)} ${when} ${shown}\n`;
}

const ls: Command = async (ctx) => {
  const p = parseOpts(ctx.args, "laA1dhFRt");
  if (typeof p === "string") return fail(ctx, `invalid option -- '${p}'`, 1);
  const f = p.flags;
  const targets = p.rest.length ? p.rest : ["."];
  let st = 0;
  const files: [string, Node][] = [];
  const dirs: [string, Node][] = [];
  for (const t of targets) {
    const r = ctx.fs.lookup(resolvePath(ctx.cwd, t), f.has("l"));
    if (!r.ok) {
      await ctx.stderr.write(`ls: ${t}: ${errnoText[r.errno]}\n`);
      st = 1;
    } else if (r.value.kind === "dir" && !f.has("d")) dirs.push([t, r.value]);
    else files.push([t, r.value]);
  }
  const show = async (entries: [string, Node][]) => {
    for (const [name, n] of entries) await out(ctx, f.has("l") ? longLine(ctx, name, n) : `${name}${f.has("F") && n.kind === "dir" ? "/" : ""}\n`);
  };
  await show(files);
  for (const [i, [t, d]] of dirs.entries()) {
    if (d.kind !== "dir") continue;
    if (targets.length > 1) await out(ctx, `${i > 0 || files.length ? "\n" : ""}${t}:\n`);
    let entries = [...d.entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (!f.has("a") && !f.has("A")) entries = entries.filter(([n]) => !n.startsWith("."));
    if (f.has("a")) entries = [[".", d], ["..", d], ...entries];
    if (f.has("l")) await out(ctx, `total ${entries.length * 4}\n`);
    await show(entries);
  }
  return st;
};

const mkdir: Command = async (ctx) => {
  const p = parseOpts(ctx.args, "pv", "m");
  if (typeof p === "string") return fail(ctx, `invalid option -- '${p}'`);
  let st = 0;
  for (const d of p.rest) {
    const r = ctx.fs.mkdir(resolvePath(ctx.cwd, d), p.flags.has("p"));
    if (!r.ok) st = await fail(ctx, `can't create directory '${d}': ${errnoText[r.errno]}`);
  }
  return p.rest.length ? st : fail(ctx, "missing operand");
};

const touch: Command = async (ctx) => {
  let st = 0;
  for (const f of ctx.args.filter((a) => !a.startsWith("-"))) {
    const r = ctx.fs.touch(resolvePath(ctx.cwd, f));
    if (!r.ok) st = await fail(ctx, `${f}: ${errnoText[r.errno]}`);
  }
  return st;
};

const rm: Command = async (ctx) => {
  const p = parseOpts(ctx.args, "rRfiv");
  if (typeof p === "string") return fail(ctx, `invalid option -- '${p}'`);
  const rec = p.flags.has("r") || p.flags.has("R");
  let st = 0;
  for (const f of p.rest) {
    const path = resolvePath(ctx.cwd, f);
    const n = ctx.fs.lookup(path, true);
    if (!n.ok) {
      if (!p.flags.has("f")) st = await fail(ctx, `can't remove '${f}': ${errnoText[n.errno]}`);
      continue;
    }
    if (n.value.kind === "dir" && !rec) {
      st = await fail(ctx, `'${f}' is a directory`);
      continue;
    }
    const r = ctx.fs.remove(path, rec);
    if (!r.ok) st = await fail(ctx, `can't remove '${f}': ${errnoText[r.errno]}`);
  }
  return st;
};

const copyOrMove = (move: boolean): Command => async (ctx) => {
  const args = ctx.args.filter((a) => !a.startsWith("-"));
  if (args.length < 2) return fail(ctx, "missing file operand");
  const dest = resolvePath(ctx.cwd, args[args.length - 1]!);
  let st = 0;
  for (const src of args.slice(0, -1)) {
    const from = resolvePath(ctx.cwd, src);
    const data = ctx.fs.readFile(from);
    if (!data.ok) {
      st = await fail(ctx, `can't stat '${src}': ${errnoText[data.errno]}`);
      continue;
    }
    const to = ctx.fs.isDir(dest) ? `${dest}/${baseOf(from)}` : dest;
    const w = ctx.fs.writeFile(to, data.value);
    if (!w.ok) st = await fail(ctx, `can't create '${to}': ${errnoText[w.errno]}`);
    else if (move) ctx.fs.remove(from);
  }
  return st;
};

export const fileCommands: [string, Command][] = [
  ["ls", ls],
  ["mkdir", mkdir],
  ["touch", touch],
  ["rm", rm],
  ["cp", copyOrMove(false)],
  ["mv", copyOrMove(true)],
];
