// Network commands over the host's simulated network: busybox wget (-q -O), curl (-s -S -f -o
// -I -i -w -X -H -d -m) and nc -z. Error texts are the tools' own. No upstream file.
import { resolvePath } from "../fs";
import type { Command, CommandContext, HttpResponse, NetError } from "../types";
import { fail, out } from "./util";

function parseUrl(raw: string): URL | undefined {
  try {
    return new URL(/^[a-z]+:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch {
    return undefined;
  }
}

async function fetchVia(ctx: CommandContext, method: string, url: URL, headers: Record<string, string>, body?: string): Promise<HttpResponse | NetError> {
  if (!ctx.host.net) return "nohost";
  return ctx.host.net.http({ method, url: url.toString(), headers, body });
}

const wget: Command = async (ctx) => {
  let quiet = false;
  let outFile: string | undefined;
  let url: string | undefined;
  let spider = false;
  for (let i = 0; i < ctx.args.length; i++) {
    const a = ctx.args[i]!;
    if (a === "-q") quiet = true;
    else if (a === "-O") outFile = ctx.args[++i];
    else if (a.startsWith("-O")) outFile = a.slice(2);
    else if (a === "-qO-" || a === "-qO") { quiet = true; outFile = a === "-qO-" ? "-" : ctx.args[++i]; }
    else if (a === "--spider") spider = true;
    else if (a === "-T" || a === "-t") i++;
    else if (!a.startsWith("-")) url = a;
  }
  if (!url) return fail(ctx, "missing URL", 1);
  const u = parseUrl(url);
  if (!u) return fail(ctx, `bad address '${url}'`);
  const port = u.port || "80";
  const ip = ctx.host.net?.resolve?.(u.hostname);
  if (ctx.host.net?.resolve && ip === undefined) return fail(ctx, `bad address '${u.hostname}'`);
  if (!quiet) await ctx.stderr.write(`Connecting to ${u.host} (${ip ?? u.hostname}:${port})\n`);
  const r = await fetchVia(ctx, spider ? "HEAD" : "GET", u, {});
  if (r === "nohost") return fail(ctx, `bad address '${u.hostname}'`);
  if (r === "refused") return fail(ctx, `can't connect to remote host (${ip ?? u.hostname}): Connection refused`);
  if (r === "timeout") return fail(ctx, "download timed out");
  if (r.status >= 400) return fail(ctx, `server returned error: HTTP/1.1 ${r.status} ${r.statusText}`);
  if (spider) {
    if (!quiet) await ctx.stderr.write("remote file exists\n");
    return 0;
  }
  const name = outFile ?? (u.pathname.split("/").pop() || "index.html");
  const size = new TextEncoder().encode(r.body).length;
  const bar = (label: string) => `${label.padEnd(20)} 100% |********************************| ${String(size).padStart(5)}  0:00:00 ETA\n`;
  if (name === "-") {
    if (!quiet) await ctx.stderr.write(`writing to stdout\n${bar("-")}written to stdout\n`);
    await out(ctx, r.body);
    return 0;
  }
  const w = ctx.fs.writeFile(resolvePath(ctx.cwd, name), r.body);
  if (!w.ok) return fail(ctx, `can't open '${name}': ${w.errno === "EROFS" ? "Read-only file system" : "No such file or directory"}`);
  if (!quiet) await ctx.stderr.write(`saving to '${name}'\n${bar(name)}'${name}' saved\n`);
  return 0;
};

const curl: Command = async (ctx) => {
  let silent = false, showErr = false, failFlag = false, head = false, include = false;
  let outFile: string | undefined, writeOut: string | undefined, method: string | undefined, data: string | undefined;
  const headers: Record<string, string> = {};
  let url: string | undefined;
  for (let i = 0; i < ctx.args.length; i++) {
    const a = ctx.args[i]!;
    if (a === "-o" || a === "--output") outFile = ctx.args[++i];
    else if (a === "-w" || a === "--write-out") writeOut = ctx.args[++i];
    else if (a === "-X" || a === "--request") method = ctx.args[++i];
    else if (a === "-H" || a === "--header") {
      const h = ctx.args[++i] ?? "";
      headers[h.slice(0, h.indexOf(":")).trim()] = h.slice(h.indexOf(":") + 1).trim();
    } else if (a === "-d" || a === "--data") data = ctx.args[++i];
    else if (a === "-m" || a === "--max-time" || a === "--connect-timeout") i++;
    else if (a === "--silent") silent = true;
    else if (a === "--fail") failFlag = true;
    else if (a === "--head") head = true;
    else if (a === "--include") include = true;
    else if (/^-[a-zA-Z]+$/.test(a)) {
      for (const f of a.slice(1)) {
        if (f === "s") silent = true;
        else if (f === "S") showErr = true;
        else if (f === "f") failFlag = true;
        else if (f === "I") head = true;
        else if (f === "i") include = true;
      }
    } else if (!a.startsWith("-")) url = a;
  }
  const err = async (code: number, msg: string) => {
    if (!silent || showErr) await ctx.stderr.write(`curl: (${code}) ${msg}\n`);
    return code;
  };
  if (!url) return err(2, "no URL specified");
  const u = parseUrl(url);
  if (!u || !/^https?:$/.test(u.protocol)) return err(3, "URL rejected: Malformed input to a URL function");
  const r = await fetchVia(ctx, method ?? (head ? "HEAD" : data !== undefined ? "POST" : "GET"), u, headers, data);
  const port = u.port || (u.protocol === "https:" ? "443" : "80");
  if (r === "nohost") return err(6, `Could not resolve host: ${u.hostname}`);
  if (r === "refused") return err(7, `Failed to connect to ${u.hostname} port ${port} after 0 ms: Couldn't connect to server`);
  if (r === "timeout") return err(28, `Connection timed out after 1001 milliseconds`);
  if (failFlag && r.status >= 400) return err(22, `The requested URL returned error: ${r.status}`);
  const headText = `HTTP/1.1 ${r.status} ${r.statusText}\r\n` + Object.entries(r.headers).map(([k, v]) => `${k}: ${v}\r\n`).join("") + "\r\n";
  const text = head ? headText : (include ? headText : "") + r.body;
  if (outFile && outFile !== "-") ctx.fs.writeFile(resolvePath(ctx.cwd, outFile), text);
  else await out(ctx, text);
  if (writeOut) await out(ctx, writeOut.replace(/%\{http_code\}/g, String(r.status)).replace(/%\{size_download\}/g, String(r.body.length)).replace(/\\n/g, "\n"));
  return 0;
};

const nc: Command = async (ctx) => {
  const flags = ctx.args.filter((a) => a.startsWith("-")).join("");
  const rest = ctx.args.filter((a, i) => !a.startsWith("-") && !/^-.*w$/.test(ctx.args[i - 1] ?? ""));
  const [host, portArg] = rest;
  if (!host || !portArg) return fail(ctx, "usage: nc [-z] [-v] [-w SEC] HOST PORT");
  const port = Number(portArg);
  const r = ctx.host.net ? await ctx.host.net.connect(host, port) : "nohost";
  const ip = ctx.host.net?.resolve?.(host) ?? host;
  if (r === "nohost") return fail(ctx, `bad address '${host}'`);
  if (r !== true) {
    if (flags.includes("v")) await ctx.stderr.write(`nc: ${host} (${ip}:${port}): Connection refused\n`);
    return 1;
  }
  if (flags.includes("v")) await ctx.stderr.write(`${host} (${ip}:${port}) open\n`);
  return 0;
};

export const netCommands: [string, Command][] = [
  ["wget", wget],
  ["curl", curl],
  ["nc", nc],
];
