// Simulated system programs: the sandbox's /pause, etcd, the control-plane binaries and
// CoreDNS (listening on their ports), node's REPL, and the official images' generic
// docker-entrypoint.sh, which prepends the image's program when the first argument is a flag.
// No upstream file.
import type { Command, CommandContext, HttpHandler } from "../../../shell/types";
import { httpDate, nextSignal, response } from "./server-util";

/** registry.k8s.io/pause: waits for a signal; INT/TERM make it exit 0 (build/pause/linux/pause.c). */
export const pause: Command = async (ctx) => {
  for (;;) {
    const sig = await nextSignal(ctx);
    if (sig === "INT" || sig === "TERM") {
      await ctx.stderr.write(`Shutting down, got signal: ${sig === "INT" ? "Interrupt" : "Terminated"}\n`);
      return 0;
    }
  }
};

/**
 * Health endpoints of a Go service: `paths` per port answer 200 with `body`, other paths 404
 * (Go's net/http "404 page not found"). Ports without paths accept TCP only.
 */
function healthHandler(ctx: CommandContext, paths: string[], body: string): HttpHandler {
  return (req) => {
    const path = new URL(req.url).pathname;
    const headers = { "Content-Type": "text/plain; charset=utf-8", Date: httpDate(new Date(ctx.now())), "X-Content-Type-Options": "nosniff" };
    return paths.includes(path) ? response(200, "OK", body, headers) : response(404, "Not Found", "404 page not found\n", headers);
  };
}

/** A Go service (etcd, kube-*, coredns): listens on `ports`; Go's runtime handles TERM (exit 0 after cleanup). */
export function goService(ports: number[], startup: (ctx: CommandContext) => string[], health: Record<number, { paths: string[]; body: string }> = {}): Command {
  return async (ctx) => {
    if (ctx.args.includes("--version") || ctx.args.includes("-version")) {
      await ctx.stdout.write(`${startup(ctx)[0] ?? ""}\n`);
      return 0;
    }
    for (const line of startup(ctx)) await ctx.stderr.write(line + "\n");
    for (const p of ports) ctx.host.process?.listen(p, health[p] ? healthHandler(ctx, health[p]!.paths, health[p]!.body) : undefined);
    for (;;) {
      const sig = await nextSignal(ctx);
      if (sig === "TERM" || sig === "INT") {
        for (const p of ports) ctx.host.process?.unlisten(p);
        return 0;
      }
    }
  };
}

const klogTime = (ctx: CommandContext) => {
  const d = new Date(ctx.now());
  const p2 = (n: number) => String(n).padStart(2, "0");
  return `I${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${String(d.getUTCMilliseconds() * 1000).padStart(6, "0")}       1`;
};

export const coredns = goService([53, 8080, 8181, 9153], () => [".:53", "[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908", "CoreDNS-1.11.3", "linux/amd64, go1.21.11, a6338e9"],
  // kubeadm's Corefile: `health` on :8080 (/health), `ready` on :8181 (/ready), prometheus on :9153.
  { 8080: { paths: ["/health"], body: "OK" }, 8181: { paths: ["/ready"], body: "OK" }, 9153: { paths: ["/metrics"], body: "" } });

export function kubeComponent(name: string, port: number): Command {
  const file: Record<string, string> = { "kube-apiserver": "options.go:228] external host was not specified, using 192.168.0.10", "kube-controller-manager": "serving.go:386] Generated self-signed cert in-memory", "kube-scheduler": "serving.go:386] Generated self-signed cert in-memory", "kube-proxy": "server_linux.go:66] \"Using iptables proxy\"", etcd: "" };
  // The components' health endpoints (/livez, /readyz, /healthz; etcd's on its metrics port 2381).
  const health = { paths: ["/livez", "/readyz", "/healthz", "/health"], body: "ok" };
  return goService(name === "etcd" ? [2379, 2380, 2381] : [port], (ctx) => (name === "etcd" ? [`{"level":"info","ts":"${new Date(ctx.now()).toISOString()}","caller":"etcdmain/etcd.go:73","msg":"Running: ","args":["etcd"]}`] : [`${klogTime(ctx)} ${file[name]}`]), name === "etcd" ? { 2381: health } : { [port]: health });
}

/** node with no script and no stdin: the REPL reads EOF and exits 0. */
export const node: Command = async (ctx) => {
  if (ctx.args[0] === "--version" || ctx.args[0] === "-v") {
    await ctx.stdout.write(`v${ctx.env.NODE_VERSION ?? "22.14.0"}\n`);
    return 0;
  }
  if (ctx.args.length === 0) {
    for (let c = await ctx.stdin.read(); c !== null; c = await ctx.stdin.read()) { /* REPL input is not evaluated */ }
    return 0;
  }
  await ctx.stderr.write(`${ctx.name}: this simulated runtime runs only the REPL\n`);
  return 2;
};

/** The official images' docker-entrypoint.sh: `-flag…` → `<program> -flag…`, else exec "$@". */
export function dockerEntrypoint(program: string): Command {
  return async (ctx) => {
    const args = ctx.args.length === 0 || ctx.args[0]!.startsWith("-") || (program === "redis-server" && ctx.args[0]!.endsWith(".conf")) ? [program, ...ctx.args] : ctx.args;
    return ctx.run(args);
  };
}
