// Cluster information commands: version, api-resources, api-versions, cluster-info, and scale.
// Mirrors kubectl pkg/cmd/version/version.go, apiresources/apiresources.go,
// apiresources/apiversions.go, clusterinfo/clusterinfo.go and scale/scale.go.
import { ACCEPT_ANY, type Obj, query } from "../client";
import type { Kctx } from "../context";
import { objectPath } from "../discovery";
import { KubectlError, fail, usage } from "../errors";
import { type FlagSpec, bool, num, str } from "../flags";
import { TabWriter } from "../output/tabwriter";
import { goJson } from "../output/json";
import { toYaml } from "../output/yaml";
import { resourceTargets } from "../builder";
import { kindPrefix } from "../discovery";

export const versionFlags: FlagSpec[] = [{ name: "client", type: "bool" }, { name: "output", short: "o", type: "string" }];

export async function runVersion(k: Kctx): Promise<number> {
  const client = { gitVersion: "v1.32.4", major: "1", minor: "32" };
  let server: Obj | undefined;
  if (!bool(k.flags, "client")) server = await k.client.get("/version?timeout=32s");
  const out = str(k.flags, "output");
  if (out === "json" || out === "yaml") {
    const doc: Obj = { clientVersion: { buildDate: "2025-04-22T16:03:20Z", compiler: "gc", gitCommit: "59526cd4867447956156ae3a602fcbac10a2c335", gitTreeState: "clean", gitVersion: "v1.32.4", goVersion: "go1.23.6", major: "1", minor: "32", platform: "linux/amd64" }, kustomizeVersion: "v5.5.0", ...(server ? { serverVersion: server } : {}) };
    await k.out(out === "json" ? goJson(doc, "  ") + "\n" : toYaml(doc));
    return 0;
  }
  await k.out(`Client Version: ${client.gitVersion}\nKustomize Version: v5.5.0\n${server ? `Server Version: ${server.gitVersion}\n` : ""}`);
  return 0;
}

export const apiResourcesFlags: FlagSpec[] = [
  { name: "namespaced", type: "bool", def: true }, { name: "api-group", type: "string" }, { name: "verbs", type: "strings" },
  { name: "output", short: "o", type: "string" }, { name: "no-headers", type: "bool" }, { name: "sort-by", type: "string" }, { name: "cached", type: "bool" }, { name: "categories", type: "strings" },
];

export async function runApiResources(k: Kctx): Promise<number> {
  const d = await k.discovery();
  const f = k.flags;
  let rs = d.resources.filter((r) => r.preferred && !r.resource.includes("/"));
  if (f.changed.has("namespaced")) rs = rs.filter((r) => r.namespaced === bool(f, "namespaced"));
  if (f.changed.has("api-group")) rs = rs.filter((r) => r.group === str(f, "api-group"));
  const verbs = (f.flags.verbs as string[] | undefined) ?? [];
  if (verbs.length) rs = rs.filter((r) => verbs.every((v) => r.verbs.includes(v)));
  // sortableResource: by API group (or --sort-by name|kind), then by resource name.
  const by = str(f, "sort-by");
  const keyOf = (r: typeof rs[number]) => (by === "name" ? r.resource : by === "kind" ? r.kind : r.group);
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  rs = [...rs].sort((a, b) => cmp(keyOf(a), keyOf(b)) || cmp(a.resource, b.resource));
  const w = new TabWriter();
  if (str(f, "output") === "name") { await k.out(rs.map((r) => (r.group ? `${r.resource}.${r.group}` : r.resource) + "\n").join("")); return 0; }
  const wide = str(f, "output") === "wide";
  if (!bool(f, "no-headers")) w.write(`NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND${wide ? "\tVERBS\tCATEGORIES" : ""}\n`);
  for (const r of rs) {
    w.write(`${r.resource}\t${r.shortNames.join(",")}\t${r.group ? `${r.group}/${r.version}` : r.version}\t${r.namespaced}\t${r.kind}${wide ? `\t${r.verbs.join(",")}\t${r.categories.join(",")}` : ""}\n`);
  }
  await k.out(w.flush());
  return 0;
}

export async function runApiVersions(k: Kctx): Promise<number> {
  const d = await k.discovery();
  await k.out([...d.groupVersions].sort().map((v) => v + "\n").join(""));
  return 0;
}

export async function runClusterInfo(k: Kctx): Promise<number> {
  if (k.flags.args[0] === "dump") throw fail("cluster-info dump is not supported in this terminal");
  // go-colortext colours only a terminal.
  const tty = !!k.sh.host.tty;
  const link = (s: string) => (tty ? `\x1b[0;33m${s}\x1b[0m` : s);
  const name = (s: string) => (tty ? `\x1b[0;32m${s}\x1b[0m` : s);
  let out = `${name("Kubernetes control plane")} is running at ${link(k.env.server)}\n`;
  const svcs = await k.client.get(`/api/v1/namespaces/kube-system/services` + query({ labelSelector: "kubernetes.io/cluster-service=true" }));
  for (const s of (svcs.items ?? []) as Obj[]) {
    const title = s.metadata.labels?.["kubernetes.io/name"] ?? s.metadata.name;
    const port = s.spec?.ports?.[0];
    const portName = port ? (port.name ? `:${port.name}` : `:${port.port}`) : "";
    out += `${name(title)} is running at ${link(`${k.env.server}/api/v1/namespaces/kube-system/services/${s.metadata.name}${portName}/proxy`)}\n`;
  }
  out += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
  await k.out(out);
  return 0;
}

export const scaleFlags: FlagSpec[] = [{ name: "replicas", type: "int", def: -1 }, { name: "current-replicas", type: "int", def: -1 }, { name: "resource-version", type: "string" }, { name: "selector", short: "l", type: "string" }, { name: "all", type: "bool" }, { name: "filename", short: "f", type: "array" }, { name: "timeout", type: "string" }, { name: "output", short: "o", type: "string" }, { name: "dry-run", type: "string", def: "none", noOptDef: "unchanged" }];

export async function runScale(k: Kctx): Promise<number> {
  const replicas = num(k.flags, "replicas");
  if (!k.flags.changed.has("replicas")) {
    // cobra's required flag check, logged through klog by component-base's cli.run.
    throw new KubectlError(`${klogPrefix("E", k.env.now())} run.go:72] "command failed" err="required flag(s) \\"replicas\\" not set"\n`);
  }
  if (replicas < 0) throw usage("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0", "kubectl scale");
  if (!k.flags.args.length) throw usage("Required resource not specified.", "kubectl scale");
  for (const t of await resourceTargets(k, k.flags.args)) {
    for (const n of t.names) {
      const path = objectPath(t.resource, k.namespace, n);
      await k.client.get(path);
      const expected = num(k.flags, "current-replicas");
      if (expected >= 0) {
        // ScalePrecondition: the current size must be the one given.
        const current = (await k.client.get(`${path}/scale`)).spec?.replicas ?? 0;
        if (current !== expected) throw fail(`Expected replicas to be ${expected}, was ${current}`);
      }
      await k.client.json("PATCH", `${path}/scale`, { accept: ACCEPT_ANY, body: { spec: { replicas } }, contentType: "application/merge-patch+json" });
      await k.out(`${kindPrefix(t.resource)}/${n} scaled\n`);
    }
  }
  return 0;
}

/** klog's header: severity, MMDD, hh:mm:ss.uuuuuu, the thread id right-aligned in 7 columns. */
export function klogPrefix(severity: string, t: Date, pid = 1): string {
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${severity}${p(t.getUTCMonth() + 1)}${p(t.getUTCDate())} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}:${p(t.getUTCSeconds())}.${p(t.getUTCMilliseconds() * 1000, 6)} ${String(pid).padStart(7)}`;
}
