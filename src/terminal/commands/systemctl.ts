// `systemctl status kubelet|containerd|crio` on the control-plane host, in the shape systemd 255
// prints on Ubuntu 24.04 (OUTPUTS.md §7a-c): the kubelet and containerd have been active since
// the node registered (its creationTimestamp); the runtime is containerd, so crio is not a unit.
import type { Command } from "../../shell/types";
import { HOSTNAME } from "../session/host";
import type { HostEnv } from "./host";
import { HostApiError, getJson, systemdRelative, systemdTime } from "./host-api";

interface Unit { description: string; path: string; dropIn?: string[]; docs: string; pid: number; exe: string; cmdline: string; tasks: string; memory: string; cpu: string; pre?: string }

const UNITS: Record<string, Unit> = {
  kubelet: {
    description: "kubelet: The Kubernetes Node Agent", path: "/usr/lib/systemd/system/kubelet.service",
    dropIn: ["/usr/lib/systemd/system/kubelet.service.d", "10-kubeadm.conf"], docs: "https://kubernetes.io/docs/",
    pid: 14204, exe: "kubelet", tasks: "10 (limit: 4558)", memory: "38.2M (peak: 39.0M)", cpu: "1.460s",
    cmdline: "/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --pod-infra-container-image=registry.k8s.io/pause:3.10",
  },
  containerd: {
    description: "containerd container runtime", path: "/usr/lib/systemd/system/containerd.service", docs: "https://containerd.io",
    pid: 2450, exe: "containerd", tasks: "9", memory: "13.7M (peak: 14.2M)", cpu: "148ms", cmdline: "/usr/bin/containerd",
    pre: "2449 ExecStartPre=/sbin/modprobe overlay (code=exited, status=0/SUCCESS)",
  },
};

export function systemctlCommand(env: HostEnv): Command {
  return async (ctx) => {
    const [verb, ...names] = ctx.args.filter((a) => !a.startsWith("-"));
    if (verb !== "status" && verb !== "is-active") {
      await ctx.stderr.write(verb ? `Unknown command verb '${verb}', expected one of status, is-active.\n` : "");
      return 1;
    }
    let started: number;
    try {
      const node = await getJson<{ metadata: { creationTimestamp: string } }>(env.transport, `/api/v1/nodes/${HOSTNAME}`);
      started = Date.parse(node.metadata.creationTimestamp);
    } catch (e) {
      await ctx.stderr.write(`Failed to get properties: ${e instanceof HostApiError ? e.message : "Connection timed out"}\n`);
      return 1;
    }
    let status = 0;
    const blocks: string[] = [];
    for (const raw of names) {
      const name = raw.replace(/\.service$/, "");
      const unit = UNITS[name];
      if (!unit) {
        if (verb === "is-active") await ctx.stdout.write("inactive\n");
        else await ctx.stderr.write(`Unit ${name}.service could not be found.\n`);
        status = verb === "is-active" ? 3 : 4;
        continue;
      }
      if (verb === "is-active") { await ctx.stdout.write("active\n"); continue; }
      blocks.push(statusBlock(name, unit, started, env.now()));
    }
    if (blocks.length) await ctx.stdout.write(blocks.join("\n"));
    return status;
  };
}

function statusBlock(name: string, u: Unit, started: number, now: number): string {
  const lines = [
    `● ${name}.service - ${u.description}`,
    `     Loaded: loaded (${u.path}; enabled; preset: enabled)`,
    ...(u.dropIn ? [`    Drop-In: ${u.dropIn[0]}`, `             └─${u.dropIn[1]}`] : []),
    `     Active: active (running) since ${systemdTime(started)}; ${systemdRelative(now - started)}`,
    `       Docs: ${u.docs}`,
    ...(u.pre ? [`    Process: ${u.pre}`] : []),
    `   Main PID: ${u.pid} (${u.exe})`,
    `      Tasks: ${u.tasks}`,
    `     Memory: ${u.memory}`,
    `        CPU: ${u.cpu}`,
    `     CGroup: /system.slice/${name}.service`,
    `             └─${u.pid} ${u.cmdline}`,
  ];
  return lines.join("\n") + "\n";
}
