// kubectl expose: a Service for a pod, deployment, replica set, replication controller or
// service, its selector, ports and protocols introspected from the object unless given, its
// labels copied; `service/<name> exposed`. Mirrors kubectl pkg/cmd/expose/expose.go and
// pkg/polymorphichelpers (canbeexposed.go, mapbasedselectorforobject.go, portsforobject.go,
// protocolsforobject.go).
import { type Obj, query } from "../client";
import type { Kctx } from "../context";
import { collectionPath, objectPath, type ApiResource } from "../discovery";
import { errorText, fail } from "../errors";
import { type FlagSpec, str } from "../flags";
import { readManifests } from "../manifest";
import { dryRun, dryRunFlags, mappingOf, objectNamespace, printResult } from "../mutate";
import { resourceTargets } from "../builder";
import { NO_RESOURCES } from "./patch";

export const exposeFlags: FlagSpec[] = [
  ...dryRunFlags,
  { name: "port", type: "string" }, { name: "target-port", type: "string" }, { name: "protocol", type: "string" },
  { name: "type", type: "string" }, { name: "name", type: "string" }, { name: "selector", type: "string" },
  { name: "labels", short: "l", type: "string" }, { name: "external-ip", type: "string" }, { name: "load-balancer-ip", type: "string" },
  { name: "session-affinity", type: "string" }, { name: "cluster-ip", type: "string" }, { name: "port-name", type: "string" },
  { name: "filename", short: "f", type: "array" }, { name: "recursive", short: "R", type: "bool" },
  { name: "override-type", type: "string", def: "merge" }, { name: "overrides", type: "string" },
  { name: "field-manager", type: "string", def: "kubectl-expose" }, { name: "save-config", type: "bool" },
];

const makeLabels = (m: Record<string, string>) => Object.keys(m).sort().map((k) => `${k}=${m[k]}`).join(",");

function selectorFor(r: ApiResource, o: Obj): string {
  switch (r.kind) {
    case "ReplicationController": return makeLabels(o.spec?.selector ?? {});
    case "Pod":
      if (!Object.keys(o.metadata?.labels ?? {}).length) throw new Error("the pod has no labels and cannot be exposed");
      return makeLabels(o.metadata.labels);
    case "Service":
      if (!o.spec?.selector) throw new Error("the service has no pod selector set");
      return makeLabels(o.spec.selector);
    default: {
      const sel = o.spec?.selector;
      if (!sel || !Object.keys(sel.matchLabels ?? {}).length) throw new Error(`invalid ${r.kind === "Deployment" ? "deployment" : "replicaset"}: no selectors, therefore cannot be exposed`);
      if (sel.matchExpressions?.length) throw new Error(`couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}" to map-based selector format`);
      return makeLabels(sel.matchLabels);
    }
  }
}

function containersOf(r: ApiResource, o: Obj): Obj[] {
  return (r.kind === "Pod" ? o.spec?.containers : o.spec?.template?.spec?.containers) ?? [];
}

/** PortsForObject and ProtocolsForObject. */
function portsOf(r: ApiResource, o: Obj): { ports: string[]; protocols: Map<string, string[]> } {
  const ports: string[] = [];
  const protocols = new Map<string, string[]>();
  const add = (port: number, protocol: string | undefined) => {
    ports.push(String(port));
    const p = protocol || "TCP";
    protocols.set(String(port), [...(protocols.get(String(port)) ?? []), p]);
  };
  if (r.kind === "Service") for (const p of (o.spec?.ports ?? []) as Obj[]) add(p.port, p.protocol);
  else for (const c of containersOf(r, o)) for (const p of (c.ports ?? []) as Obj[]) add(p.containerPort, p.protocol);
  return { ports, protocols };
}

function parseLabels(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of spec.split(",")) {
    const kv = part.split("=");
    if (kv.length !== 2) throw new Error(`unexpected label spec: ${part}`);
    if (!kv[0]) throw new Error("unexpected empty label key");
    out[kv[0]] = kv[1]!;
  }
  return out;
}

function buildService(k: Kctx, r: ApiResource, o: Obj): Obj {
  const f = k.flags;
  if (!["Pod", "Service", "ReplicationController", "Deployment", "ReplicaSet"].includes(r.kind) || (r.kind !== "Pod" && r.kind !== "Service" && r.kind !== "ReplicationController" && r.group !== "apps")) {
    throw new Error(`cannot expose a ${r.group ? `${r.kind}.${r.group}` : r.kind}`);
  }
  let selector = str(f, "selector");
  if (!selector) {
    try { selector = selectorFor(r, o); } catch (e) { throw new Error(`couldn't retrieve selectors via --selector flag or introspection: ${(e as Error).message}`); }
  }
  const headless = str(f, "cluster-ip") === "None";
  let port = str(f, "port"), multi = "";
  const intro = portsOf(r, o);
  if (!port) {
    if (intro.ports.length === 0 && !headless) throw new Error("couldn't find port via --port flag or introspection");
    if (intro.ports.length === 1) port = intro.ports[0]!;
    else if (intro.ports.length > 1) multi = intro.ports.join(",");
  }
  const labelsSpec = str(f, "labels") || makeLabels(o.metadata?.labels ?? {});
  const portString = multi || port;
  const ports: Obj[] = [];
  if (portString) {
    const list = portString.split(",");
    list.forEach((p, i) => {
      if (!/^[+-]?\d+$/.test(p)) throw new Error(`strconv.Atoi: parsing ${JSON.stringify(p)}: invalid syntax`);
      const name = list.length > 1 ? `port-${i + 1}` : str(f, "port-name");
      let protocol = str(f, "protocol");
      const intros = intro.protocols.get(p);
      if (!protocol) {
        protocol = "TCP";
        if (intros?.length === 1) protocol = intros[0]!;
        else if (intros && intros.length > 1) {
          for (const ep of intros) ports.push({ name: `port-${i + 1}-${ep.toLowerCase()}`, port: Number(p), protocol: ep });
          return;
        }
      }
      ports.push({ ...(name ? { name } : {}), port: Number(p), protocol });
    });
  }
  const target = str(f, "target-port");
  for (const p of ports) p.targetPort = target ? (/^\d+$/.test(target) ? Number(target) : target) : p.port;
  const spec: Obj = { ports, selector: parseLabels(selector) };
  if (str(f, "external-ip")) spec.externalIPs = [str(f, "external-ip")];
  if (str(f, "type")) spec.type = str(f, "type");
  if (spec.type === "LoadBalancer" && str(f, "load-balancer-ip")) spec.loadBalancerIP = str(f, "load-balancer-ip");
  const aff = str(f, "session-affinity");
  if (aff) { if (aff !== "None" && aff !== "ClientIP") throw new Error(`unknown session affinity: ${aff}`); spec.sessionAffinity = aff; }
  if (str(f, "cluster-ip")) spec.clusterIP = str(f, "cluster-ip");
  const name = str(f, "name") || String(o.metadata.name).slice(0, 63);
  const labels = labelsSpec ? parseLabels(labelsSpec) : undefined;
  return { kind: "Service", apiVersion: "v1", metadata: { creationTimestamp: null, ...(labels ? { labels } : {}), name }, spec, status: { loadBalancer: {} } };
}

export async function runExpose(k: Kctx): Promise<number> {
  const f = k.flags;
  const objs: { r: ApiResource; obj: Obj }[] = [];
  if ((f.flags.filename as string[] | undefined)?.length) {
    for (const m of await readManifests(k, f.flags.filename as string[])) {
      const r = await mappingOf(k, m.obj);
      objs.push({ r, obj: await k.client.get(objectPath(r, objectNamespace(k, r, m.obj), m.obj.metadata.name)) });
    }
  } else {
    if (!f.args.length) throw fail(NO_RESOURCES);
    for (const t of await resourceTargets(k, f.args)) {
      if (!t.names.length) throw fail("resource(s) were provided, but no name was specified");
      for (const n of t.names) objs.push({ r: t.resource, obj: await k.client.get(objectPath(t.resource, k.namespace, n)) });
    }
  }
  const mode = dryRun(k);
  let status = 0;
  for (const { r, obj } of objs) {
    try {
      const svc = buildService(k, r, obj);
      if (mode === "client") {
        if (k.explicitNamespace) svc.metadata.namespace = k.namespace;
        await printResult(k, svc, "exposed", mode);
        continue;
      }
      const { status: _s, ...body } = svc;
      const created = await k.client.json("POST", collectionPath({ group: "", version: "v1", resource: "services", namespaced: true } as ApiResource, k.namespace) +
        query({ ...(mode === "server" ? { dryRun: "All" } : {}), fieldManager: str(f, "field-manager") }), { body: { ...body, metadata: { ...body.metadata, namespace: k.namespace } } });
      await printResult(k, { ...created, apiVersion: "v1", kind: "Service" }, "exposed", mode);
    } catch (e) { await k.err(errorText(e)); status = 1; }
  }
  return status;
}
