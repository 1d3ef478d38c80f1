// Text commands: cat, head, tail, grep, wc, sort, uniq, cut, tr, tee, rev. Standard input is
// streamed (so `yes | head -n 3` ends and a slow producer's lines pass through as they come);
// messages follow busybox. No upstream file.
import { errnoText, resolvePath } from "../fs";
import { readLines } from "../io";
import type { Command, CommandContext } from "../types";
import { fail, inputs, lines, out, parseOpts, posixRegex } from "./util";

/** Each line of each input, streaming stdin; reports missing files and returns false for them. */
async function eachLine(ctx: CommandContext, files: string[], fn: (line: string, file: string) => Promise<boolean | void>): Promise<boolean> {
  let ok = true;
  for (const f of files.length ? files : ["-"]) {
    if (f === "-") {
      for await (const l of readLines(ctx.stdin)) if ((await fn(l, "(standard input)")) === false) return ok;
      continue;
    }
    const r = ctx.fs.readFile(resolvePath(ctx.cwd, f));
    if (!r.ok) {
      await ctx.stderr.write(`${ctx.name.slice(ctx.name.lastIndexOf("/") + 1)}: ${f}: ${errnoText[r.errno]}\n`);
      ok = false;
      continue;
    }
    for (const l of lines(r.value)) if ((await fn(l, f)) === false) return ok;
  }
  return ok;
}

const cat: Command = async (ctx) => {
  const p = parseOpts(ctx.args, "nuAevtsb");
  if (typeof p === "string") return fail(ctx, `invalid option -- '${p}'`);
  let st = 0;
  let n = 0;
  for (const f of p.rest.length ? p.rest : ["-"]) {
    if (f === "-" && !p.flags.has("n")) {
      for (let c = await ctx.stdin.read(); c !== null; c = await ctx.stdin.read()) await out(ctx, c);
      continue;
    }
    for await (const x of inputs(ctx, [f])) {
      if ("error" in x) {
        await ctx.stderr.write(`cat: ${x.error}\n`);
        st = 1;
      } else if (p.flags.has("n")) await out(ctx, lines(x.text).map((l) => `${String(++n).padStart(6)}\t${l}\n`).join(""));
      else await out(ctx, x.text);
    }
  }
  return st;
};

const head: Command = async (ctx) => {
  const args = ctx.args.map((a) => (/^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
  const p = parseOpts(args, "qv", "nc");
  if (typeof p === "string") return fail(ctx, `invalid option -- '${p}'`);
  const n = Number(p.values.get("n") ?? 10);
  let count = 0;
  const ok = await eachLine(ctx, p.rest, async (l) => {
    if (count >= n) return false;
    count++;
    await out(ctx, l + "\n");
    if (count >= n) return false;
  });
  ctx.stdin.close?.();
  return ok ? 0 : 1;
};

const tail: Command = async (ctx) => {
  const args = ctx.args.map((a) => (/^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
  const p = parseOpts(args, "qvfF", "nc");
  if (typeof p === "string") return fail(ctx, `invalid option -- '${p}'`);
  const spec = p.values.get("n") ?? "10";
  const buf: string[] = [];
  const ok = await eachLine(ctx, p.rest, async (l) => {
    buf.push(l);
  });
  const sel = spec.startsWith("+") ? buf.slice(Math.max(0, Number(spec.slice(1)) - 1)) : buf.slice(Math.max(0, buf.length - Number(spec)));
  await out(ctx, sel.map((l) => l + "\n").join(""));
  if (p.flags.has("f") || p.flags.has("F")) for (;;) await ctx.sleep(1000);
  return ok ? 0 : 1;
};

const grep: Command = async (ctx) => {
  const p = parseOpts(ctx.args, "ivcnEFqlhHwxos", "e");
  if (typeof p === "string") return fail(ctx, `invalid option -- '${p}'`, 2);
  const f = p.flags;
  const rest = [...p.rest];
  const pat = p.values.get("e") ?? rest.shift();
  if (pat === undefined) return fail(ctx, "usage: grep [-ivcnEFqlhHwxos] PATTERN [FILE]...", 2);
  let src = f.has("F") ? pat.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : pat;
  if (f.has("w")) src = `\\b(?:${src})\\b`;
  if (f.has("x")) src = `^(?:${src})$`;
  let re: RegExp;
  try {
    re = f.has("F") ? new RegExp(src, f.has("i") ? "i" : "") : posixRegex(src, f.has("E") || ctx.name === "egrep", f.has("i") ? "i" : "");
  } catch {
    return fail(ctx, `bad regex '${pat}'`, 2);
  }
  const multi = (rest.length > 1 || f.has("H")) && !f.has("h");
  const counts = new Map<string, number>();
  let n = 0;
  let lastFile = "";
  let matched = false;
  const ok = await eachLine(ctx, rest, async (line, file) => {
    if (file !== lastFile) [n, lastFile] = [0, file];
    n++;
    if (re.test(line) === f.has("v")) return;
    matched = true;
    if (f.has("q")) return false;
    counts.set(file, (counts.get(file) ?? 0) + 1);
    if (f.has("c") || f.has("l")) return;
    const prefix = (multi ? `${file}:` : "") + (f.has("n") ? `${n}:` : "");
    if (f.has("o") && !f.has("v")) {
      for (const m of line.match(new RegExp(re.source, re.flags + "g")) ?? []) await out(ctx, `${prefix}${m}\n`);
    } else await out(ctx, `${prefix}${line}\n`);
  });
  if (f.has("c")) for (const file of rest.length ? rest : ["(standard input)"]) await out(ctx, `${multi ? `${file}:` : ""}${counts.get(file) ?? 0}\n`);
  if (f.has("l")) for (const file of counts.keys()) await out(ctx, `${file}\n`);
  if (f.has("q") && matched) return 0;
  return !ok && !f.has("s") ? 2 : matched ? 0 : 1;
};

const wc: Command = async (ctx) => {
  const p = parseOpts(ctx.args, "lwcm");
  if (typeof p === "string") return fail(ctx, `invalid option -- '${p}'`);
  const sel = p.flags.size ? ["l", "w", "c"].filter((x) => p.flags.has(x) || (x === "c" && p.flags.has("m"))) : ["l", "w", "c"];
  const rows: [number[], string][] = [];
  let st = 0;
  for await (const x of inputs(ctx, p.rest)) {
    if ("error" in x) {
      await ctx.stderr.write(`wc: ${x.error}\n`);
      st = 1;
      continue;
    }
    const t = x.text;
    const v = { l: (t.match(/\n/g) ?? []).length, w: t.split(/\s+/).filter(Boolean).length, c: new TextEncoder().encode(t).length };
    rows.push([sel.map((s) => v[s as "l" | "w" | "c"]), p.rest.length ? x.name : ""]);
  }
  if (rows.length > 1) rows.push([sel.map((_, i) => rows.reduce((a, r) => a + r[0][i]!, 0)), "total"]);
  // busybox: a single count prints bare; several are padded to width 7 (9 with a file name).
  for (const [vals, name] of rows) {
    const cols = vals.length === 1 && !name ? String(vals[0]) : vals.map((v) => String(v).padStart(name || vals.length > 1 ? 7 : 0)).join(" ");
    await out(ctx, (name ? `${cols} ${name}` : cols) + "\n");
  }
  return st;
};

const sort: Command = async (ctx) => {
  const p = parseOpts(ctx.args, "rnuf", "kto");
  if (typeof p === "string") return fail(ctx, `invalid option -- '${p}'`);
  const all: string[] = [];
  const ok = await eachLine(ctx, p.rest, async (l) => {
    all.push(l);
  });
  const t = p.values.get("t");
  const k = p.values.get("k") ? Number(p.values.get("k")!.split(",")[0]) : undefined;
  const key = (l: string) => (k ? (t ? l.split(t) : l.trim().split(/\s+/)).slice(k - 1).join(t ?? " ") : l);
  const f = p.flags;
  all.sort((a, b) => {
    let ka = key(a), kb = key(b);
    if (f.has("f")) [ka, kb] = [ka.toLowerCase(), kb.toLowerCase()];
    const c = f.has("n") ? (parseFloat(ka) || 0) - (parseFloat(kb) || 0) || (a < b ? -1 : a > b ? 1 : 0) : ka < kb ? -1 : ka > kb ? 1 : 0;
    return f.has("r") ? -c : c;
  });
  const res = f.has("u") ? all.filter((l, i) => i === 0 || key(l) !== key(all[i - 1]!)) : all;
  await out(ctx, res.map((l) => l + "\n").join(""));
  return ok ? 0 : 2;
};

const uniq: Command = async (ctx) => {
  const p = parseOpts(ctx.args, "cdui");
  if (typeof p === "string") return fail(ctx, `invalid option -- '${p}'`);
  const groups: [string, number][] = [];
  await eachLine(ctx, p.rest.slice(0, 1), async (l) => {
    const last = groups[groups.length - 1];
    if (last && (p.flags.has("i") ? last[0].toLowerCase() === l.toLowerCase() : last[0] === l)) last[1]++;
    else groups.push([l, 1]);
  });
  let text = "";
  for (const [l, c] of groups) {
    if (p.flags.has("d") && c < 2) continue;
    if (p.flags.has("u") && c > 1) continue;
    text += p.flags.has("c") ? `${String(c).padStart(7)} ${l}\n` : `${l}\n`;
  }
  await out(ctx, text);
  return 0;
};

const cut: Command = async (ctx) => {
  const p = parseOpts(ctx.args, "s", "dfcb");
  if (typeof p === "string") return fail(ctx, `invalid option -- '${p}'`);
  const list = p.values.get("f") ?? p.values.get("c") ?? p.values.get("b");
  if (!list) return fail(ctx, "expected a list of bytes, characters, or fields");
  const ranges = list.split(",").map((r) => {
    const [a, b] = r.split("-");
    return r.includes("-") ? [a ? Number(a) : 1, b ? Number(b) : Infinity] : [Number(a), Number(a)];
  });
  const pick = (n: number) => ranges.some(([a, b]) => n >= a! && n <= b!);
  const d = p.values.get("d") ?? "\t";
  const byField = p.values.has("f");
  await eachLine(ctx, p.rest, async (l) => {
    if (byField) {
      if (!l.includes(d)) {
        if (!p.flags.has("s")) await out(ctx, l + "\n");
        return;
      }
      await out(ctx, l.split(d).filter((_, i) => pick(i + 1)).join(d) + "\n");
    } else await out(ctx, [...l].filter((_, i) => pick(i + 1)).join("") + "\n");
  });
  return 0;
};

function expandSet(s: string): string {
  const classes: Record<string, string> = { "[:lower:]": "abcdefghijklmnopqrstuvwxyz", "[:upper:]": "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "[:digit:]": "0123456789", "[:space:]": " \t\n\r\f\v", "[:alpha:]": "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ" };
  for (const [k, v] of Object.entries(classes)) s = s.split(k).join(v);
  s = s.replace(/\\n/g, "\n").replace(/\\t/g, "\t").replace(/\\\\/g, "\\");
  let o = "";
  for (let i = 0; i < s.length; i++) {
    if (s[i + 1] === "-" && i + 2 < s.length) {
      for (let c = s.charCodeAt(i); c <= s.charCodeAt(i + 2); c++) o += String.fromCharCode(c);
      i += 2;
    } else o += s[i];
  }
  return o;
}

const tr: Command = async (ctx) => {
  const p = parseOpts(ctx.args, "dsc");
  if (typeof p === "string") return fail(ctx, `invalid option -- '${p}'`);
  const [a, b] = [expandSet(p.rest[0] ?? ""), expandSet(p.rest[1] ?? "")];
  for (let c = await ctx.stdin.read(); c !== null; c = await ctx.stdin.read()) {
    let o = "";
    let prev = "";
    for (const ch of c) {
      const i = a.indexOf(ch);
      let r = ch;
      if (p.flags.has("d")) {
        if (i >= 0) continue;
      } else if (i >= 0 && b) r = b[Math.min(i, b.length - 1)]!;
      if (p.flags.has("s") && r === prev && (b || a).includes(r)) continue;
      o += r;
      prev = r;
    }
    await out(ctx, o);
  }
  return 0;
};

const tee: Command = async (ctx) => {
  const append = ctx.args.includes("-a");
  const files = ctx.args.filter((a) => !a.startsWith("-"));
  for (const f of files) if (!append) ctx.fs.writeFile(resolvePath(ctx.cwd, f), "");
  for (let c = await ctx.stdin.read(); c !== null; c = await ctx.stdin.read()) {
    for (const f of files) ctx.fs.writeFile(resolvePath(ctx.cwd, f), c, true);
    await out(ctx, c);
  }
  return 0;
};

const rev: Command = async (ctx) => {
  await eachLine(ctx, ctx.args, async (l) => out(ctx, [...l].reverse().join("") + "\n"));
  return 0;
};

export const textCommands: [string, Command][] = [
  ["cat", cat],
  ["head", head],
  ["tail", tail],
  ["grep", grep],
  ["egrep", grep],
  ["wc", wc],
  ["sort", sort],
  ["uniq", uniq],
  ["cut", cut],
  ["tr", tr],
  ["tee", tee],
  ["rev", rev],
];
