// One `kubectl exec`/`attach` session: the container's shell (src/shell) over a per-container
// file tree (hostname, hosts, resolv.conf, os-release, the pod's volume mounts) with the
// container's environment, wired to the WebSocket channel protocol: 0 stdin, 1 stdout, 2 stderr,
// 3 the final Status (Success, or NonZeroExitCode with the exit code), 255 close (v5).
// Upstream: pkg/kubelet/cri/streaming/remotecommand (exec.go, websocket.go),
// apimachinery/pkg/util/remotecommand/constants.go.
import type { KObject } from "../apiserver/registry/types";
import { Vfs, Pipe, shellCommands, startArgv, type Output } from "../../shell/index";
import { volumeFiles, type VolumeReader } from "./volumes";
import { resolveImage } from "./images";

export interface ExecSession {
  pod: KObject;
  container: string;
  argv: string[];
  sub: "exec" | "attach";
  socket: WebSocket;
  env: Record<string, string>;
  reader: VolumeReader;
  now(): number;
  tty: boolean;
  stdin: boolean;
  ip?: string;
}

const OS_RELEASE: Record<string, string> = {
  "debian-12": 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nVERSION="12 (bookworm)"\nVERSION_CODENAME=bookworm\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n',
  "alpine-3.21": 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.21.3\nPRETTY_NAME="Alpine Linux v3.21"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n',
  "ubuntu-24.04": 'PRETTY_NAME="Ubuntu 24.04.2 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.2 LTS (Noble Numbat)"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\n',
};

/** The container's file tree: image basics plus the pod's mounts. */
export function containerFs(s: Pick<ExecSession, "pod" | "container" | "reader" | "now" | "ip">): Vfs {
  const fs = new Vfs(s.now);
  const spec = [...(s.pod.spec?.containers ?? []), ...(s.pod.spec?.initContainers ?? [])].find((c: KObject) => c.name === s.container) ?? {};
  const image = resolveImage(spec.image ?? "");
  const distro = image.ok ? image.image.distro : "debian-12";
  fs.seed({
    "/bin/": "", "/tmp/": "", "/root/": "", "/var/": "", "/usr/bin/": "",
    "/etc/hostname": `${s.pod.metadata.name}\n`,
    "/etc/hosts": `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n${s.ip ?? ""}\t${s.pod.metadata.name}\n`,
    "/etc/resolv.conf": `search ${s.pod.metadata.namespace}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`,
    ...(OS_RELEASE[distro] ? { "/etc/os-release": OS_RELEASE[distro]! } : {}),
  });
  // The image's executables: what the shell finds on PATH (distroless and scratch images have none).
  if (distro !== "distroless" && distro !== "scratch") {
    for (const name of shellCommands().keys()) fs.seed({ [`/bin/${name}`]: "" });
  }
  const volumes = (s.pod.spec?.volumes ?? []) as KObject[];
  for (const m of (spec.volumeMounts ?? []) as KObject[]) {
    const v = volumes.find((x) => x.name === m.name);
    if (v) fs.mount(m.mountPath, volumeFiles(s.pod, v, s.reader, "eyJhbGciOiJSUzI1NiJ9.e30.c2ln"), !!m.readOnly);
  }
  return fs;
}

function frame(channel: number, data: string | Uint8Array): Uint8Array {
  const body = typeof data === "string" ? new TextEncoder().encode(data) : data;
  const out = new Uint8Array(body.length + 1);
  out[0] = channel;
  out.set(body, 1);
  return out;
}

export async function execInContainer(s: ExecSession): Promise<void> {
  const send = (ch: number, d: string) => { try { s.socket.send(frame(ch, d)); } catch { /* closed */ } };
  const stdin = new Pipe();
  s.socket.addEventListener("message", (ev: MessageEvent) => {
    const data = typeof ev.data === "string" ? new TextEncoder().encode(ev.data) : new Uint8Array(ev.data as ArrayBuffer);
    if (data[0] === 0) void stdin.writer.write(new TextDecoder().decode(data.slice(1)));
    else if (data[0] === 255 && data[1] === 0) stdin.writer.close?.();
  });
  s.socket.addEventListener("close", () => stdin.writer.close?.());
  if (!s.stdin) stdin.writer.close?.();
  const out: Output = { write: async (d) => send(1, s.tty ? d.replace(/\r?\n/g, "\r\n") : d) };
  const err: Output = { write: async (d) => send(s.tty ? 1 : 2, s.tty ? d.replace(/\r?\n/g, "\r\n") : d) };
  const fs = containerFs(s);
  const argv = s.sub === "attach" || s.argv.length === 0 ? ["sh"] : s.argv;
  let code: number;
  try {
    const run = startArgv(argv, {
      host: { fs, now: s.now, sleep: (ms) => new Promise((r) => setTimeout(r, ms)), hostname: s.pod.metadata.name },
      commands: shellCommands(), env: s.env, cwd: "/", stdin: stdin.reader, stdout: out, stderr: err,
    });
    code = await run.done;
  } catch {
    code = 126;
  }
  const status = code === 0
    ? { metadata: {}, status: "Success" }
    : { metadata: {}, status: "Failure", message: `command terminated with non-zero exit code: error executing command [${argv.join(" ")}], exit code ${code}`, reason: "NonZeroExitCode", details: { causes: [{ reason: "ExitCode", message: String(code) }] } };
  send(3, JSON.stringify(status));
  try { s.socket.close(1000); } catch { /* already closed */ }
}
