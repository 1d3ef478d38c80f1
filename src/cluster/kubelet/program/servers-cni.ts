// The programs of the pod network add-ons (Weave Net 2.8.1, Calico v3.29, flannel v0.26): their
// init steps exit 0 after installing the CNI binaries and config on the host; their daemons keep
// running, listen on their status ports and answer their readiness checks.
import type { Command } from "../../../shell/types";
import { goService } from "./servers-system";

/** An install step (an init container): prints what it does and exits 0. */
function installer(lines: string[]): Command {
  return async (ctx) => {
    for (const l of lines) await ctx.stdout.write(l + "\n");
    return 0;
  };
}

const weaveLaunch = goService([6784, 6782], () => ["INFO: 2026/11/26 06:00:00.000000 Command line options: map[conn-limit:200 datapath:datapath docker-api: expect-npc:true http-addr:127.0.0.1:6784 ipalloc-init:consensus=1 ipalloc-range:10.32.0.0/12 metrics-addr:0.0.0.0:6782 name:weave nickname:node no-dns:true port:6783]", "INFO: 2026/11/26 06:00:00.000000 weave  2.8.1"],
  { 6784: { paths: ["/status"], body: "ready" }, 6782: { paths: ["/metrics"], body: "" } });
const weaveNpc = goService([6781], () => ["INFO: 2026/11/26 06:00:00.000000 Starting Weaveworks NPC 2.8.1; node name \"node\""], { 6781: { paths: ["/metrics"], body: "" } });
const calicoNode = goService([9099], () => ["2026-11-26 06:00:00.000 [INFO][1] startup/startup.go 433: Early log level set to info", "2026-11-26 06:00:00.000 [INFO][1] startup/startup.go 755: Calico startup complete"],
  { 9099: { paths: ["/liveness", "/readiness"], body: "" } });
const kubeControllers = goService([9094], () => ["2026-11-26 06:00:00.000 [INFO][1] main.go 99: Loaded configuration from environment"], { 9094: { paths: ["/metrics"], body: "" } });
const flanneld = goService([], () => ["I1126 06:00:00.000000       1 main.go:211] CLI flags config: {etcdEndpoints:http://127.0.0.1:4001 ip-masq:true kube-subnet-mgr:true}", "I1126 06:00:00.000000       1 main.go:452] Current network or subnet (10.244.0.0/16) is not equal to previous one (0.0.0.0/0), trying to recycle old iptables rules"]);

/** calico-node is both the daemon and its readiness probe (`calico-node -felix-ready -bird-ready`) and init (`-init`). */
const calicoNodeCmd: Command = async (ctx) => {
  if (ctx.args.some((a) => /^-(init|felix-ready|bird-ready|felix-live|bird-live|allocate-tunnel-addrs|status-reporter)$/.test(a))) return 0;
  return calicoNode(ctx);
};

/** An add-on image's programs by directory, or undefined for other images. */
export function cniPrograms(repo: string): Record<string, [string, Command][]> | undefined {
  switch (repo) {
    case "weave-kube": return { "/home/weave": [["launch.sh", weaveLaunch], ["init.sh", installer(["Copying CNI plugins to /host/opt/cni/bin", "Writing CNI configuration to /host/etc/cni/net.d/10-weave.conflist"])]] };
    case "weave-npc": return { "/usr/bin": [["launch.sh", weaveNpc]] };
    case "node": return undefined;
    case "calico-node": return { "/bin": [["calico-node", calicoNodeCmd], ["start_runit", calicoNode]] };
    case "calico-cni": return { "/opt/cni/bin": [["install", installer(["2026-11-26 06:00:00.000 [INFO][1] cni-installer/<nil> <nil>: CNI plugin version: v3.29.3", "2026-11-26 06:00:00.000 [INFO][1] cni-installer/<nil> <nil>: Installed /host/opt/cni/bin/calico"])], ["calico-ipam", installer([])]] };
    case "calico-kube-controllers": return { "/usr/bin": [["kube-controllers", kubeControllers], ["check-status", installer([])]] };
    case "flannel": return { "/opt/bin": [["flanneld", flanneld]] };
    default: return undefined;
  }
}

/** The repository key of an image for cniPrograms: calico's images share short names with others. */
export function cniRepo(imageName: string): string {
  const parts = imageName.split("/");
  const repo = parts.at(-1)!;
  return parts.at(-2) === "calico" ? `calico-${repo}` : repo;
}
