// Heartbeats computed on read: a healthy node's kubelet renews its Lease every 10 s and reports its
// conditions (lastHeartbeatTime) every 5 minutes; nothing is written just because time passed.
// Reads show the latest renewal or report before now, anchored at the last one written. A node whose
// Ready condition is not True (its kubelet stopped) shows what was last written.
// Upstream: pkg/kubelet/nodelease (renew loop), pkg/kubelet/kubelet_node_status.go (report frequency).
import type { KObject } from "./types";
import type { ObjectReader } from "../admission/types";
import { defaultProfile } from "../../sim/profiles/index";

const { leaseRenewIntervalMs, statusReportFrequencyMs } = defaultProfile.node;

/** The last tick of `period` since `stored` (an RFC 3339 time) at or before `now`, or undefined when none passed. */
function lastTick(stored: string | undefined, now: Date, period: number): Date | undefined {
  const t = stored ? Date.parse(stored) : NaN;
  if (!Number.isFinite(t) || now.getTime() - t < period) return undefined;
  return new Date(t + Math.floor((now.getTime() - t) / period) * period);
}

const seconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");
const micro = (d: Date) => d.toISOString().replace(/Z$/, "000Z");

function nodeReady(node: KObject | undefined): boolean {
  return (node?.status?.conditions ?? []).some((c: KObject) => c.type === "Ready" && c.status === "True");
}

export function nodeHeartbeats(node: KObject, ctx: { now: Date }): KObject {
  if (!nodeReady(node)) return node;
  const conditions = (node.status.conditions as KObject[]).map((c) => {
    const t = lastTick(c.lastHeartbeatTime, ctx.now, statusReportFrequencyMs);
    return t ? { ...c, lastHeartbeatTime: seconds(t) } : c;
  });
  return { ...node, status: { ...node.status, conditions } };
}

export function leaseRenewals(lease: KObject, ctx: { now: Date; reader: ObjectReader }): KObject {
  if (lease.metadata.namespace !== "kube-node-lease" || !lease.spec?.holderIdentity) return lease;
  if (!nodeReady(ctx.reader.get("", "nodes", undefined, lease.spec.holderIdentity))) return lease;
  const t = lastTick(lease.spec.renewTime, ctx.now, leaseRenewIntervalMs);
  return t ? { ...lease, spec: { ...lease.spec, renewTime: micro(t) } } : lease;
}
