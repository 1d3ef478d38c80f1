import { describe, expect, it } from "vitest";
import { VirtualTime } from "../../../shell/vtime";
import { resolveImage, type Image } from "../images";
import { type ContainerOptions, type ContainerProcess, startContainer } from "./process";

const T0 = Date.UTC(2026, 10, 26, 6, 15, 36);

function image(ref: string): Image {
  const r = resolveImage(ref);
  if (!r.ok) throw new Error(r.message);
  return r.image;
}

function run(ref: string, extra: Partial<ContainerOptions> = {}) {
  const time = new VirtualTime(T0);
  const out: { stream: string; data: string; t: number }[] = [];
  const res = startContainer({ image: image(ref), hostname: "web", podIP: "10.244.1.5", cpus: 2, time, onOutput: (stream, data, t) => out.push({ stream, data, t: t - T0 }), ...extra });
  const text = (stream?: string) => out.filter((o) => !stream || o.stream === stream).map((o) => o.data).join("");
  return { time, res, out, text, proc: res.ok ? res.process : (undefined as unknown as ContainerProcess) };
}

describe("container programs", () => {
  it("nginx prints its entrypoint and start-up lines and serves the welcome page", async () => {
    const { time, proc, text } = run("nginx");
    expect(proc.argv).toEqual(["/docker-entrypoint.sh", "nginx", "-g", "daemon off;"]);
    await time.runUntil(T0 + 1_000);
    expect(text("stdout").split("\n").slice(0, 2)).toEqual([
      "/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration",
      "/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/",
    ]);
    expect(text("stdout")).toContain("/docker-entrypoint.sh: Configuration complete; ready for start up\n");
    const err = text("stderr").split("\n");
    expect(err[0]).toBe('2026/11/26 06:15:36 [notice] 1#1: using the "epoll" event method');
    expect(err[1]).toBe("2026/11/26 06:15:36 [notice] 1#1: nginx/1.27.4");
    expect(err[2]).toBe("2026/11/26 06:15:36 [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) ");
    expect(err.slice(5, 8)).toEqual([
      "2026/11/26 06:15:36 [notice] 1#1: start worker processes",
      "2026/11/26 06:15:36 [notice] 1#1: start worker process 29",
      "2026/11/26 06:15:36 [notice] 1#1: start worker process 30",
    ]);
    expect(proc.listens(80)).toBe(true);
    expect(proc.listens(443)).toBe(false);
    const ok = await proc.http(80, { method: "GET", url: "http://10.244.1.5/", headers: { "User-Agent": "kube-probe/1.32", "X-Remote-Addr": "10.244.1.1" } });
    expect(ok).toMatchObject({ status: 200, headers: { "Content-Length": "615", Server: "nginx/1.27.4" } });
    expect(ok !== "refused" && ok !== "malformed" && ok.body).toContain("<title>Welcome to nginx!</title>");
    expect(text("stdout")).toContain('10.244.1.1 - - [26/Nov/2026:06:15:37 +0000] "GET / HTTP/1.1" 200 615 "-" "kube-probe/1.32" "-"\n');
    const missing = await proc.http(80, { method: "GET", url: "http://10.244.1.5/nope" });
    expect(missing).toMatchObject({ status: 404 });
    expect(missing !== "refused" && missing !== "malformed" && missing.body).toContain("<center>nginx/1.27.4</center>");
  });

  it("nginx stops gracefully on its STOPSIGNAL (QUIT) with exit 0", async () => {
    const { time, proc, text } = run("nginx:1.27");
    await time.runUntil(T0 + 1_000);
    expect(proc.stopSignal).toBe("QUIT");
    proc.signal("SIGQUIT");
    await time.runUntil(T0 + 2_000);
    expect(proc.exit).toEqual({ code: 0, atMs: T0 + 1_005 });
    expect(text("stderr")).toContain("[notice] 1#1: signal 3 (SIGQUIT) received, shutting down\n");
    expect(text("stderr")).toContain("[notice] 1#1: worker process 30 exited with code 0\n");
    expect(proc.listens(80)).toBe(false);
    expect(await proc.http(80, { method: "GET", url: "http://x/" })).toBe("refused");
  });

  it("busybox sh -c loop prints lines at virtual times", async () => {
    const { time, proc, out } = run("busybox:1.28", { command: ["sh", "-c", 'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 10; done'] });
    await time.runUntil(T0 + 25_000);
    expect(out.map((o) => [o.t, o.data])).toEqual([
      [0, "0: Thu Nov 26 06:15:36 UTC 2026\n"],
      [10_000, "1: Thu Nov 26 06:15:46 UTC 2026\n"],
      [20_000, "2: Thu Nov 26 06:15:56 UTC 2026\n"],
    ]);
    expect(time.nextDue()).toBe(T0 + 30_000);
    // PID 1 shell ignores TERM; the kubelet kills it after the grace period: 137.
    proc.signal("TERM");
    await time.runUntil(T0 + 55_000);
    expect(proc.running).toBe(true);
    proc.kill();
    await time.runUntil(T0 + 56_000);
    expect(proc.exit?.code).toBe(137);
  });

  it("busybox with its default sh and no stdin exits 0 at once; args override CMD", async () => {
    const a = run("busybox");
    await a.time.runUntil(T0 + 100);
    expect(a.proc.exit).toEqual({ code: 0, atMs: T0 });
    const b = run("busybox", { args: ["echo", "hi $(HOSTNAME)"] });
    await b.time.runUntil(T0 + 100);
    expect(b.text()).toBe("hi web\n");
    const c = run("alpine", { command: ["sh", "-c", "echo $0 $1; exit 3", "name", "one"] });
    await c.time.runUntil(T0 + 100);
    expect(c.text()).toBe("name one\n");
    expect(c.proc.exit?.code).toBe(3);
  });

  it("fails to start like runc when the executable is missing", () => {
    const r = run("busybox", { command: ["bash", "-c", "echo hi"] }).res;
    expect(r).toEqual({
      ok: false,
      reason: "StartError",
      exitCode: 128,
      message: 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown',
    });
    expect(run("ubuntu", { command: ["bash", "-c", "curl -s http://x; echo $?"] }).res.ok).toBe(true);
  });

  it("ubuntu's bash has no curl; the nginx image has it", async () => {
    const u = run("ubuntu", { command: ["bash", "-c", "curl -s http://x"] });
    await u.time.runUntil(T0 + 10);
    expect(u.text("stderr")).toBe("bash: line 1: curl: command not found\n");
    expect(u.proc.exit?.code).toBe(127);
    const n = run("nginx", { command: ["sh", "-c", "cat /etc/os-release | head -1; which curl"] });
    await n.time.runUntil(T0 + 10);
    expect(n.text()).toBe('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n/usr/bin/curl\n');
  });

  it("postgres without a password exits 1 with the entrypoint's message; redis prints its banner", async () => {
    const pg = run("postgres:17");
    await pg.time.runUntil(T0 + 100);
    expect(pg.proc.exit?.code).toBe(1);
    expect(pg.text("stderr")).toMatch(/^Error: Database is uninitialized and superuser password is not specified\.\n {7}You must specify POSTGRES_PASSWORD/);
    const pg2 = run("postgres", { env: { POSTGRES_PASSWORD: "secret" } });
    await pg2.time.runUntil(T0 + 5_000);
    expect(pg2.proc.listens(5432)).toBe(true);
    expect(pg2.text()).toContain("UTC [1] LOG:  database system is ready to accept connections\n");
    const r = run("redis");
    await r.time.runUntil(T0 + 100);
    expect(r.text()).toContain("1:C 26 Nov 2026 06:15:36.000 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo\n");
    expect(r.text()).toContain("1:M 26 Nov 2026 06:15:36.002 * Ready to accept connections tcp\n");
    expect(r.proc.listens(6379)).toBe(true);
    expect(await r.proc.http(6379, { method: "GET", url: "http://x:6379/" })).toBe("malformed");
    r.proc.signal("TERM");
    await r.time.runUntil(T0 + 1_000);
    expect(r.proc.exit?.code).toBe(0);
    const m = run("mysql");
    await m.time.runUntil(T0 + 100);
    expect(m.proc.exit?.code).toBe(1);
    expect(m.text("stderr")).toContain("[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n");
  });

  it("httpd prints AH00558 twice and serves It works!", async () => {
    const h = run("httpd");
    await h.time.runUntil(T0 + 100);
    const lines = h.text("stderr").split("\n");
    expect(lines[0]).toBe("AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 10.244.1.5. Set the 'ServerName' directive globally to suppress this message");
    expect(lines[1]).toBe(lines[0]);
    expect(lines[2]).toMatch(/^\[Thu Nov 26 06:15:36\.000000 2026\] \[mpm_event:notice\] \[pid 1:tid \d+\] AH00489: Apache\/2\.4\.63 \(Unix\) configured -- resuming normal operations$/);
    expect(await h.proc.http(80, { method: "GET", url: "http://x/" })).toMatchObject({ status: 200, body: "<html><body><h1>It works!</h1></body></html>\n" });
  });

  it("serves mounted content and kubelet-managed files", async () => {
    const n = run("nginx", { mounts: [{ path: "/usr/share/nginx/html", files: { "/index.html": "from configmap\n" }, readOnly: true }] });
    await n.time.runUntil(T0 + 100);
    expect(await n.proc.http(80, { method: "GET", url: "http://x/" })).toMatchObject({ body: "from configmap\n" });
    const b = run("busybox", { command: ["sh", "-c", "cat /etc/hostname /etc/resolv.conf; tail -1 /etc/hosts"], namespace: "dev" });
    await b.time.runUntil(T0 + 10);
    expect(b.text()).toBe("web\nsearch dev.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n10.244.1.5\tweb\n");
  });

  it("the pause container waits until TERM", async () => {
    const p = run("registry.k8s.io/pause:3.10");
    await p.time.runUntil(T0 + 3_600_000);
    expect(p.proc.running).toBe(true);
    expect(p.time.nextDue()).toBeUndefined();
    p.proc.signal("TERM");
    await p.time.runUntil(T0 + 3_600_001);
    expect(p.proc.exit?.code).toBe(0);
  });
});
