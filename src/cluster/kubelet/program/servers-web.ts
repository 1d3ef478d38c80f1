// Simulated web servers: nginx (with its docker-entrypoint.sh start-up lines and the worker
// start/stop notices nginx 1.27 prints), Apache httpd (httpd-foreground, AH00558 / AH00489 /
// AH00094), `python3 -m http.server` and agnhost's netexec/serve-hostname. They listen on their
// ports, serve files from the container's filesystem (so mounted ConfigMaps are served) and
// write access-log lines. No upstream file; the images' entrypoints are the reference.
import { resolvePath } from "../../../shell/fs";
import type { Command, CommandContext, HttpRequest, HttpResponse } from "../../../shell/types";
import { httpdNotFound, nginxErrorPage } from "./pages";
import { STATUS_TEXT, at, clfTime, envOf, httpDate, httpdTime, nextSignal, nginxTime, response } from "./server-util";

export interface ServerEnv {
  podIP: string;
  cpus: number;
}

function serveFile(ctx: CommandContext, root: string, req: HttpRequest): { status: number; body?: string } {
  const path = decodeURIComponent(new URL(req.url).pathname);
  let full = resolvePath(root, "." + path);
  if (ctx.fs.isDir(full)) full = `${full}/index.html`;
  const r = ctx.fs.readFile(full);
  return r.ok ? { status: 200, body: r.value } : { status: 404 };
}

export function nginx(env: ServerEnv): Command {
  return async (ctx) => {
    const version = envOf(ctx, "NGINX_VERSION", "1.27.4").replace(/-.*/, "");
    const log = (pid: number, msg: string) => ctx.stderr.write(`${nginxTime(at(ctx))} [notice] ${pid}#${pid}: ${msg}\n`);
    await log(1, `using the "epoll" event method`);
    await log(1, `nginx/${version}`);
    await log(1, `built by gcc 12.2.0 (Debian 12.2.0-14) `);
    await log(1, `OS: Linux 6.8.0-51-generic`);
    await log(1, `getrlimit(RLIMIT_NOFILE): 1048576:1048576`);
    await log(1, `start worker processes`);
    const workers = Array.from({ length: Math.max(1, env.cpus) }, (_, i) => 29 + i);
    for (const w of workers) await log(1, `start worker process ${w}`);
    const handler = (req: HttpRequest): HttpResponse => {
      const file = serveFile(ctx, "/usr/share/nginx/html", req);
      const headers = { Server: `nginx/${version}`, Date: httpDate(at(ctx)), "Content-Type": "text/html", Connection: "keep-alive" };
      const res = file.status === 200 ? response(200, "OK", file.body!, { ...headers, "Accept-Ranges": "bytes" }) : response(404, "Not Found", nginxErrorPage(404, "Not Found", version), headers);
      const body = req.method === "HEAD" ? "" : res.body;
      const line = `${req.headers?.["X-Remote-Addr"] ?? env.podIP} - - [${clfTime(at(ctx))}] "${req.method} ${new URL(req.url).pathname} HTTP/1.1" ${res.status} ${body.length} "-" "${req.headers?.["User-Agent"] ?? "-"}" "-"\n`;
      void ctx.stdout.write(line);
      return { ...res, body };
    };
    ctx.host.process?.listen(80, handler);
    for (;;) {
      const sig = await nextSignal(ctx);
      if (sig === "HUP") {
        await log(1, "signal 1 (SIGHUP) received from 1, reconfiguring");
        continue;
      }
      if (sig !== "QUIT" && sig !== "TERM" && sig !== "INT") continue;
      const graceful = sig === "QUIT";
      await log(1, graceful ? "signal 3 (SIGQUIT) received, shutting down" : `signal ${sig === "TERM" ? 15 : 2} (SIG${sig}) received, exiting`);
      ctx.host.process?.unlisten(80);
      for (const w of workers) {
        if (graceful) await log(w, "gracefully shutting down");
        await log(w, "exiting");
        await log(w, "exit");
      }
      await ctx.sleep(5);
      for (const w of workers) {
        await log(1, `signal 17 (SIGCHLD) received from ${w}`);
        await log(1, `worker process ${w} exited with code 0`);
      }
      await log(1, "exit");
      return 0;
    }
  };
}

/** nginx's /docker-entrypoint.sh: configuration lines on stdout, then exec "$@". */
export const nginxEntrypoint: Command = async (ctx) => {
  const prog = ctx.args[0]?.slice(ctx.args[0].lastIndexOf("/") + 1);
  if (prog === "nginx" || prog === "nginx-debug") {
    const say = (s: string) => ctx.stdout.write(`${s}\n`);
    if (!envOf(ctx, "NGINX_ENTRYPOINT_QUIET_LOGS")) {
      await say("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration");
      await say("/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/");
      await say("/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh");
      await say("10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf");
      await say("10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf");
      await say("/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh");
      await say("/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh");
      await say("/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh");
      await say("/docker-entrypoint.sh: Configuration complete; ready for start up");
    }
    await ctx.sleep(20);
  }
  return ctx.args.length ? ctx.run(ctx.args) : 0;
};

export function httpd(env: ServerEnv): Command {
  return async (ctx) => {
    const version = envOf(ctx, "HTTPD_VERSION", "2.4.63");
    const tid = 140_737_000_000_000 + (env.podIP.split(".").reduce((a, b) => a * 7 + Number(b), 0) % 1_000_000);
    const ah00558 = `AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${env.podIP}. Set the 'ServerName' directive globally to suppress this message\n`;
    await ctx.stderr.write(ah00558);
    await ctx.stderr.write(ah00558);
    const log = (mod: string, msg: string) => ctx.stderr.write(`[${httpdTime(at(ctx))}] [${mod}] [pid 1:tid ${tid}] ${msg}\n`);
    await log("mpm_event:notice", `AH00489: Apache/${version} (Unix) configured -- resuming normal operations`);
    await log("core:notice", "AH00094: Command line: 'httpd -D FOREGROUND'");
    ctx.host.process?.listen(80, (req) => {
      const file = serveFile(ctx, "/usr/local/apache2/htdocs", req);
      const res = file.status === 200 ? response(200, "OK", file.body!, { Date: httpDate(at(ctx)), Server: `Apache/${version} (Unix)`, "Content-Type": "text/html" }) : response(404, "Not Found", httpdNotFound(new URL(req.url).pathname), { Date: httpDate(at(ctx)), Server: `Apache/${version} (Unix)`, "Content-Type": "text/html; charset=iso-8859-1" });
      void ctx.stdout.write(`${req.headers?.["X-Remote-Addr"] ?? env.podIP} - - [${clfTime(at(ctx))}] "${req.method} ${new URL(req.url).pathname} HTTP/1.1" ${res.status} ${res.body.length}\n`);
      return res;
    });
    for (;;) {
      const sig = await nextSignal(ctx);
      if (sig === "WINCH") await log("mpm_event:notice", "AH00492: caught SIGWINCH, shutting down gracefully");
      else if (sig === "TERM" || sig === "INT") await log("mpm_event:notice", "AH00491: caught SIGTERM, shutting down");
      else continue;
      ctx.host.process?.unlisten(80);
      await ctx.sleep(sig === "WINCH" ? 100 : 10);
      return 0;
    }
  };
}

/** `python3 -m http.server [port]`; the bare REPL with no stdin exits 0 at once. */
export function python(env: ServerEnv): Command {
  return async (ctx) => {
    const a = ctx.args;
    if (a.length === 0 || (a.length === 1 && a[0] === "-i")) {
      for (let c = await ctx.stdin.read(); c !== null; c = await ctx.stdin.read()) { /* REPL input is not evaluated */ }
      return 0;
    }
    if (a[0] === "--version" || a[0] === "-V") {
      await ctx.stdout.write(`Python ${envOf(ctx, "PYTHON_VERSION", "3.13.2")}\n`);
      return 0;
    }
    if (a[0] === "-m" && a[1] === "http.server") {
      const port = Number(a.find((x, i) => i > 1 && /^\d+$/.test(x)) ?? 8000);
      await ctx.stdout.write(`Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...\n`);
      ctx.host.process?.listen(port, (req) => {
        const file = serveFile(ctx, ctx.cwd, req);
        const status = file.status;
        void ctx.stderr.write(`${req.headers?.["X-Remote-Addr"] ?? env.podIP} - - [${clfTime(at(ctx)).replace(/:(\d\d:\d\d:\d\d) \+0000/, " $1")}] ${status === 200 ? "" : `code 404, message File not found\n${req.headers?.["X-Remote-Addr"] ?? env.podIP} - - [${clfTime(at(ctx)).replace(/:(\d\d:\d\d:\d\d) \+0000/, " $1")}] `}"${req.method} ${new URL(req.url).pathname} HTTP/1.1" ${status} -\n`);
        return status === 200 ? response(200, "OK", file.body!, { Server: "SimpleHTTP/0.6 Python/3.13.2", Date: httpDate(at(ctx)), "Content-type": "text/html" }) : response(404, "File not found", "", { Server: "SimpleHTTP/0.6 Python/3.13.2" });
      });
      // Python leaves SIGTERM at its default action, which PID 1 does not get: only INT stops it.
      while ((await nextSignal(ctx)) !== "INT");
      await ctx.stderr.write("\nKeyboard interrupt received, exiting.\n");
      return 0;
    }
    await ctx.stderr.write(`${ctx.name}: this simulated interpreter runs only the REPL and -m http.server\n`);
    return 2;
  };
}

/** agnhost subcommands used in Kubernetes examples: netexec and serve-hostname. */
export function agnhost(env: ServerEnv): Command {
  return async (ctx) => {
    const sub = ctx.args[0];
    const flag = (name: string, dflt: number) => Number(ctx.args.find((x) => x.startsWith(`--${name}=`))?.split("=")[1] ?? dflt);
    if (sub !== "netexec" && sub !== "serve-hostname") {
      await ctx.stderr.write(`Error: unknown command "${sub ?? ""}" for "agnhost"\nRun 'agnhost --help' for usage.\n`);
      return 1;
    }
    const port = sub === "netexec" ? flag("http-port", 8080) : flag("port", 9376);
    ctx.host.process?.listen(port, (req) => {
      const path = new URL(req.url).pathname;
      const body = path === "/hostname" || sub === "serve-hostname" ? ctx.host.hostname : path === "/clientip" ? `${req.headers?.["X-Remote-Addr"] ?? env.podIP}:0` : "NOW: " + new Date(ctx.now()).toISOString();
      return response(200, STATUS_TEXT[200]!, body, { "Content-Type": "text/plain; charset=utf-8", Date: httpDate(at(ctx)) });
    });
    await nextSignal(ctx);
    return 0;
  };
}
