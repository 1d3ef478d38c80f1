// The node lifecycle controller (pkg/controller/nodelifecycle/node_lifecycle_controller.go) with
// the taint-based eviction manager (pkg/controller/tainteviction): a node whose kubelet stopped
// posting status (failure injection: markNodeNotReady) gets its conditions set to Unknown
// ("Kubelet stopped posting node status.") after the node-monitor grace period, the
// node.kubernetes.io/unreachable NoSchedule+NoExecute taints (not-ready for a kubelet reporting
// NotReady), its pods marked not Ready, and each pod evicted when its toleration runs out (300 s
// by DefaultTolerationSeconds). A node made healthy again loses the taints.
import type { Component, ComponentContext } from "../engine/component";
import { ApiClient } from "../engine/client";
import type { KObject } from "../apiserver/registry/types";
import { EventRecorder, apiEventWriter } from "../events/recorder";
import { rfc3339 } from "../apiserver/object-meta";
import { Timers } from "../sim/timers";
import { defaultProfile, type TimingProfile } from "../sim/profiles/index";

const nodes = ApiClient.resource("", "nodes");
const pods = ApiClient.resource("", "pods");
const NAME = "node-lifecycle-controller";
const TABLE = "kubelet_node_health";

type Mode = "unreachable" | "not-ready";

function table(sql: SqlStorage): void {
  sql.exec(`CREATE TABLE IF NOT EXISTS ${TABLE} (node TEXT PRIMARY KEY, down_since INTEGER NOT NULL, mode TEXT NOT NULL)`);
}

export function nodeDown(sql: SqlStorage, node: string): { since: number; mode: Mode } | undefined {
  table(sql);
  const r = sql.exec<{ down_since: number; mode: string }>(`SELECT down_since, mode FROM ${TABLE} WHERE node = ?`, node).toArray()[0];
  return r ? { since: r.down_since, mode: r.mode as Mode } : undefined;
}

/** Failure injection: the node's kubelet stops (unreachable) or reports NotReady, from `nowMs`. */
export function markNodeNotReady(sql: SqlStorage, node: string, nowMs: number, mode: Mode = "unreachable"): void {
  table(sql);
  sql.exec(`INSERT OR REPLACE INTO ${TABLE} (node, down_since, mode) VALUES (?, ?, ?)`, node, nowMs, mode);
  new Timers(sql).schedule("sync", `${NAME}|${node}`, nowMs);
}

export function markNodeReady(sql: SqlStorage, node: string, nowMs: number): void {
  table(sql);
  sql.exec(`DELETE FROM ${TABLE} WHERE node = ?`, node);
  new Timers(sql).schedule("sync", `${NAME}|${node}`, nowMs);
}

const CONDITIONS = ["MemoryPressure", "DiskPressure", "PIDPressure", "Ready"];

function withConditions(node: KObject, down: { mode: Mode }, now: string): KObject {
  const conds = ((node.status?.conditions ?? []) as KObject[]).map((c) => {
    if (!CONDITIONS.includes(c.type)) return c;
    if (down.mode === "not-ready") {
      return c.type === "Ready" ? { ...c, status: "False", reason: "KubeletNotReady", message: "container runtime is down", lastTransitionTime: now, lastHeartbeatTime: now } : c;
    }
    if (c.status === "Unknown") return c;
    return { ...c, status: "Unknown", reason: "NodeStatusUnknown", message: "Kubelet stopped posting node status.", lastTransitionTime: now };
  });
  return { ...node, status: { ...node.status, conditions: conds } };
}

/** The kubelet's own report once it is back (kubelet_node_status.go setters): healthy conditions again. */
const HEALTHY: Record<string, [string, string]> = {
  MemoryPressure: ["KubeletHasSufficientMemory", "kubelet has sufficient memory available"],
  DiskPressure: ["KubeletHasNoDiskPressure", "kubelet has no disk pressure"],
  PIDPressure: ["KubeletHasSufficientPID", "kubelet has sufficient PID available"],
  Ready: ["KubeletReady", "kubelet is posting ready status"],
};

function recovered(node: KObject, now: string): KObject | undefined {
  const conds = (node.status?.conditions ?? []) as KObject[];
  // Only conditions this controller or a failed kubelet set; a node not ready for other reasons (no CNI) stays.
  const failed = (c: KObject) => c.status === "Unknown" || (c.type === "Ready" && c.reason === "KubeletNotReady" && c.message === "container runtime is down");
  if (!conds.some(failed)) return undefined;
  const next = conds.map((c) => {
    if (!failed(c) || !HEALTHY[c.type]) return c;
    const [reason, message] = HEALTHY[c.type]!;
    return { ...c, status: c.type === "Ready" ? "True" : "False", reason, message, lastHeartbeatTime: now, lastTransitionTime: now };
  });
  return { ...node, status: { ...node.status, conditions: next } };
}

function tolerationSeconds(pod: KObject, key: string): number | undefined | null {
  for (const t of (pod.spec?.tolerations ?? []) as KObject[]) {
    const matches = (t.operator === "Exists" && (!t.key || t.key === key)) || t.key === key;
    if (matches && (!t.effect || t.effect === "NoExecute")) return t.tolerationSeconds ?? null;
  }
  return undefined;
}

export function nodeLifecycleComponent(sql: SqlStorage, profile: TimingProfile = defaultProfile): Component {
  table(sql);
  return {
    name: NAME,
    watches: [
      { resource: pods, keys: (o) => (o.spec?.nodeName ? [`pod:${o.metadata.namespace}/${o.metadata.name}`] : []) },
      { resource: nodes, keys: (o) => (nodeDown(sql, o.metadata.name) || (o.status?.conditions ?? []).some((c: KObject) => c.status === "Unknown") || (o.spec?.taints ?? []).some((t: KObject) => t.key?.startsWith("node.kubernetes.io/unreachable") || t.key === "node.kubernetes.io/not-ready") ? [o.metadata.name] : []) },
    ],
    sync(name: string, ctx: ComponentContext) {
      if (name.startsWith("pod:")) return collectOrphan(name.slice(4), ctx);
      const node = ctx.api.get(nodes, undefined, name);
      if (!node) return;
      const now = ctx.now().getTime();
      const down = nodeDown(sql, name);
      const taintKey = down?.mode === "not-ready" ? "node.kubernetes.io/not-ready" : "node.kubernetes.io/unreachable";
      const ours = (t: KObject) => t.key === "node.kubernetes.io/unreachable" || t.key === "node.kubernetes.io/not-ready";
      const taints = ((node.spec?.taints ?? []) as KObject[]);
      if (!down) {
        const back = recovered(node, rfc3339(ctx.now()));
        if (back) {
          // The kubelet reports again: its status comes first; the taints go on the next sync.
          ctx.api.update(nodes, back, "status");
          return { requeueAfterMs: 0 };
        }
        // A node whose kubelet reports Ready=False (e.g. no CNI yet) keeps not-ready:NoSchedule.
        const readyFalse = (node.status?.conditions ?? []).some((c: KObject) => c.type === "Ready" && c.status === "False");
        const keep = (t: KObject) => !ours(t) || (readyFalse && t.key === "node.kubernetes.io/not-ready" && t.effect === "NoSchedule");
        if (!taints.every(keep)) ctx.api.update(nodes, { ...node, spec: { ...node.spec, taints: taints.filter(keep) } });
        return;
      }
      const notReadyAt = down.since + (down.mode === "unreachable" ? profile.node.monitorGracePeriodMs : 0);
      if (now < notReadyAt) return { requeueAfterMs: notReadyAt - now };
      const recorder = new EventRecorder(apiEventWriter(ctx.api), ctx.now, { component: "node-controller" }, ctx.random);
      const stamp = rfc3339(ctx.now());
      let tainted = taints.find((t) => t.key === taintKey && t.effect === "NoExecute");
      if (!tainted) {
        const ready = ((node.status?.conditions ?? []) as KObject[]).find((c) => c.type === "Ready");
        if (ready?.status === "True") {
          ctx.api.update(nodes, withConditions(node, down, stamp), "status");
          recorder.event({ kind: "Node", apiVersion: "v1", metadata: { name } }, "Normal", "NodeNotReady", `Node ${name} status is now: NodeNotReady`);
        }
        const fresh = ctx.api.get(nodes, undefined, name)!;
        tainted = { key: taintKey, effect: "NoExecute", timeAdded: stamp } as unknown as KObject;
        const next = [...((fresh.spec?.taints ?? []) as KObject[]).filter((t) => !ours(t)), { key: taintKey, effect: "NoSchedule" }, tainted];
        ctx.api.update(nodes, { ...fresh, spec: { ...fresh.spec, taints: next } });
        for (const p of ctx.api.list(pods).filter((p) => p.spec?.nodeName === name)) {
          recorder.event({ kind: "Pod", apiVersion: "v1", metadata: p.metadata }, "Warning", "NodeNotReady", "Node is not ready");
          const conds = ((p.status?.conditions ?? []) as KObject[]).map((c) => (c.type === "Ready" && c.status === "True" ? { ...c, status: "False", lastTransitionTime: stamp } : c));
          ctx.api.update(pods, { ...p, status: { ...p.status, conditions: conds } }, "status");
        }
      }
      const since = Date.parse(tainted!.timeAdded ?? stamp);
      const evictor = new EventRecorder(apiEventWriter(ctx.api), ctx.now, { component: "taint-eviction-controller" }, ctx.random);
      let nextAt = Infinity;
      for (const p of ctx.api.list(pods).filter((p) => p.spec?.nodeName === name && !p.metadata.deletionTimestamp)) {
        const secs = tolerationSeconds(p, taintKey);
        if (secs === null) continue;
        const at = since + (secs ?? 0) * 1000;
        if (at > now) { nextAt = Math.min(nextAt, at); continue; }
        evictor.event({ kind: "Pod", apiVersion: "v1", metadata: p.metadata }, "Normal", "TaintManagerEviction", `Marking for deletion Pod ${p.metadata.namespace}/${p.metadata.name}`);
        ctx.api.delete(pods, p.metadata.namespace, p.metadata.name);
      }
      return Number.isFinite(nextAt) ? { requeueAfterMs: nextAt - now } : undefined;
    },
  };
}

/** Pod GC (pkg/controller/podgc gcOrphaned): a pod bound to a node that does not exist is force-deleted. */
function collectOrphan(key: string, ctx: ComponentContext): undefined {
  const [ns, name] = key.split("/") as [string, string];
  const pod = ctx.api.get(pods, ns, name);
  const nodeName = pod?.spec?.nodeName as string | undefined;
  if (!pod || !nodeName || ctx.api.get(nodes, undefined, nodeName)) return undefined;
  ctx.api.delete(pods, ns, name, 0);
  return undefined;
}

/** Pods bound to a node that no longer exists are deleted (pod GC's deletePodsOfNonexistentNodes). */
export const nodeLifecycleController = (sql: SqlStorage, profile?: TimingProfile): Component => nodeLifecycleComponent(sql, profile);
