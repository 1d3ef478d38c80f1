// kubectl top pod|node: the Metrics API (metrics.k8s.io) must be served; without it kubectl
// prints `error: Metrics API not available`. With it, the PodMetrics / NodeMetrics lists are
// printed as NAME, CPU(cores), MEMORY(bytes) (pods only). Mirrors kubectl pkg/cmd/top
// (top.go, top_pod.go, top_node.go) and pkg/metricsutil/metrics_printer.go.
import { type Obj, query } from "../client";
import type { Kctx } from "../context";
import { KubectlError, fail } from "../errors";
import { type FlagSpec, bool, str } from "../flags";
import { TabWriter } from "../output/tabwriter";

export const topFlags: FlagSpec[] = [
  { name: "all-namespaces", short: "A", type: "bool" }, { name: "selector", short: "l", type: "string" },
  { name: "field-selector", type: "string" }, { name: "containers", type: "bool" }, { name: "no-headers", type: "bool" },
  { name: "sort-by", type: "string" }, { name: "use-protocol-buffers", type: "bool", def: true }, { name: "sum", type: "bool" },
  { name: "show-capacity", type: "bool" },
];

const USAGE = `Display resource (CPU/memory) usage.

 The top command allows you to see the resource consumption for nodes or pods.

 This command requires Metrics Server to be correctly configured and working on the server.

Available Commands:
  node          Display resource (CPU/memory) usage of nodes
  pod           Display resource (CPU/memory) usage of pods

Usage:
  kubectl top [flags] [options]

Use "kubectl top <command> --help" for more information about a given command.
Use "kubectl options" for a list of global command-line options (applies to all commands).
`;

/** Quantities as kubectl prints them: CPU in millicores ("3m"), memory in Mi ("12Mi"). */
function milli(cpu: string): number {
  const m = /^(\d+(?:\.\d+)?)(n|u|m)?$/.exec(cpu);
  if (!m) return 0;
  const v = Number(m[1]);
  return m[2] === "n" ? v / 1e6 : m[2] === "u" ? v / 1e3 : m[2] === "m" ? v : v * 1000;
}
function mebi(mem: string): number {
  const m = /^(\d+)(Ki|Mi|Gi|k|M|G)?$/.exec(mem);
  if (!m) return 0;
  const f: Record<string, number> = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, k: 1e3, M: 1e6, G: 1e9 };
  return (Number(m[1]) * (f[m[2] ?? ""] ?? 1)) / 1024 ** 2;
}

export async function runTop(k: Kctx): Promise<number> {
  const [sub, ...names] = k.flags.args;
  if (sub === undefined) { await k.out(USAGE); return 0; }
  const what = ["pod", "pods", "po"].includes(sub) ? "pods" : ["node", "nodes", "no"].includes(sub) ? "nodes" : undefined;
  if (!what) throw new KubectlError(`error: unknown command "${sub}" for "kubectl top"\n`);
  const d = await k.discovery();
  const version = d.groupVersions.includes("metrics.k8s.io/v1beta1") ? "v1beta1" : undefined;
  if (!version) throw fail("Metrics API not available");
  if (what === "nodes") throw fail("top node (CPU% and MEMORY% of allocatable) is not supported in this terminal yet");
  const ns = what === "pods" && !bool(k.flags, "all-namespaces") ? `/namespaces/${k.namespace}` : "";
  const base = `/apis/metrics.k8s.io/${version}${ns}/${what}`;
  const items: Obj[] = names.length
    ? await Promise.all(names.map((n) => k.client.get(`${base}/${encodeURIComponent(n)}`)))
    : (await k.client.get(base + query({ labelSelector: str(k.flags, "selector") || undefined, fieldSelector: str(k.flags, "field-selector") || undefined }))).items ?? [];
  if (!items.length) {
    await k.err(what === "pods" && !bool(k.flags, "all-namespaces") ? `No resources found in ${k.namespace} namespace.\n` : "No resources found\n");
    return 0;
  }
  const w = new TabWriter();
  const allNs = what === "pods" && bool(k.flags, "all-namespaces");
  if (!bool(k.flags, "no-headers")) w.write(`${allNs ? "NAMESPACE\t" : ""}NAME\tCPU(cores)\tMEMORY(bytes)\n`);
  for (const m of items) {
    const usage = ((m.containers ?? []) as Obj[]).reduce((a, c) => ({ cpu: a.cpu + milli(c.usage?.cpu ?? "0"), mem: a.mem + mebi(c.usage?.memory ?? "0") }), { cpu: 0, mem: 0 });
    w.write(`${allNs ? `${m.metadata.namespace}\t` : ""}${m.metadata.name}\t${Math.round(usage.cpu)}m\t${Math.round(usage.mem)}Mi\n`);
  }
  await k.out(w.flush());
  return 0;
}
