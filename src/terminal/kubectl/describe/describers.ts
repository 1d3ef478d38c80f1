// describerMap of describe.go: for a fetched object, the related objects each describer reads
// through the transport (events, pods, ReplicaSets, EndpointSlices, secrets, quotas, the node's
// lease) and the text it prints. Kinds without a describer use the generic one.
import type { DescribeContext } from "../../types";
import { labelSelectorString } from "../../../cluster/apiserver/printers/format";
import { str, type Json } from "./go-format";
import { ApiError, collectionPath, listAll, refOf, searchEvents } from "./fetch";
import { describePod, podEvents } from "./pod";
import { describeNode, fetchNodeExtras } from "./node";
import { describeDaemonSet, describeDeployment, describeJob, describeReplicaSet, describeStatefulSet, podStatusForController } from "./workloads";
import { describeEndpointSlice, describeEndpoints, describeService } from "./network";
import { describeConfigMap, describeNamespace, describePodDisruptionBudget, describePriorityClass, describeSecret,
  describeServiceAccount, serviceAccountSecrets } from "./config";
import { describeGeneric } from "./generic";
import { describeRole, describeRoleBinding } from "./rbac";
import { findReplicaSets } from "./deployment-util";

export interface ResourceInfo { group: string; version: string; resource: string; kind: string; namespaced: boolean; }

type Describer = (ctx: DescribeContext, obj: Json, ri: ResourceInfo) => Promise<string>;

const ev = (ctx: DescribeContext, obj: Json, kind: string) => (ctx.showEvents ? searchEvents(ctx.transport, refOf(obj, kind)) : Promise.resolve(undefined));
const ns = (obj: Json) => str(obj.metadata?.namespace);
const uid = (obj: Json) => str(obj.metadata?.uid);

/** A list that answers undefined when the server does not serve the resource (404), as describeNamespace tolerates. */
async function listIfServed(ctx: DescribeContext, path: string): Promise<Json[] | undefined> {
  try { return await listAll(ctx.transport, path); } catch (e) {
    if (e instanceof ApiError && e.code === 404) return undefined;
    throw e;
  }
}

const DESCRIBERS: Record<string, Describer> = {
  "/Pod": async (ctx, pod) => describePod(pod, ctx.showEvents ? await podEvents(ctx.transport, pod) : undefined, ctx.now()),
  "/Node": async (ctx, node) => describeNode(node, await fetchNodeExtras(ctx.transport, node, ctx.showEvents), ctx.now()),
  "/Namespace": async (ctx, n) => {
    const name = str(n.metadata?.name);
    const quotas = await listIfServed(ctx, collectionPath("", "v1", "resourcequotas", name));
    const limits = await listIfServed(ctx, collectionPath("", "v1", "limitranges", name));
    return describeNamespace(n, quotas, limits);
  },
  "/Service": async (ctx, svc) => {
    let slices: Json[] = [];
    try {
      const res = await ctx.transport.request("GET", `${collectionPath("discovery.k8s.io", "v1", "endpointslices", ns(svc))}?labelSelector=${
        encodeURIComponent(`kubernetes.io/service-name=${str(svc.metadata?.name)}`)}`, { headers: { accept: "application/json" } });
      if (res.ok) slices = ((await res.json()) as Json).items ?? [];
    } catch { slices = []; }
    return describeService(svc, slices, await ev(ctx, svc, "Service"), ctx.now());
  },
  "/Endpoints": async (ctx, ep) => describeEndpoints(ep, await ev(ctx, ep, "Endpoints"), ctx.now()),
  "/ConfigMap": async (ctx, cm) => {
    let events: Json[] | undefined;
    if (ctx.showEvents) {
      const sel = `involvedObject.name=${str(cm.metadata?.name)},involvedObject.namespace=${ns(cm)},involvedObject.kind=ConfigMap,involvedObject.uid=${uid(cm)}`;
      events = await listAll(ctx.transport, collectionPath("", "v1", "events", ns(cm)), { fieldSelector: sel });
    }
    return describeConfigMap(cm, events, ctx.now());
  },
  "/Secret": async (_ctx, s) => describeSecret(s),
  "/ServiceAccount": async (ctx, sa) => {
    let secrets: Json[] | undefined;
    try { secrets = await listAll(ctx.transport, collectionPath("", "v1", "secrets", ns(sa))); } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
    const { tokens, missing } = serviceAccountSecrets(sa, secrets);
    return describeServiceAccount(sa, tokens, missing, await ev(ctx, sa, "ServiceAccount"), ctx.now());
  },
  "apps/ReplicaSet": async (ctx, rs) => {
    let counts: Awaited<ReturnType<typeof podStatusForController>> | string;
    try { counts = await podStatusForController(ctx.transport, ns(rs), rs.spec?.selector, uid(rs)); } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      counts = e.message;
    }
    return describeReplicaSet(rs, await ev(ctx, rs, "ReplicaSet"), counts, ctx.now());
  },
  "apps/Deployment": async (ctx, d) => {
    const events = await ev(ctx, d, "Deployment");
    let rsets: { old: Json[]; new: Json[] } | undefined;
    try {
      const sel = labelSelectorString(d.spec?.selector) ?? "";
      const all = await listAll(ctx.transport, collectionPath("apps", "v1", "replicasets", ns(d)), sel ? { labelSelector: sel } : {});
      rsets = findReplicaSets(d, all);
    } catch (e) { if (!(e instanceof ApiError)) throw e; }
    return describeDeployment(d, rsets, events, ctx.now());
  },
  "apps/DaemonSet": async (ctx, ds) => {
    const counts = await podStatusForController(ctx.transport, ns(ds), ds.spec?.selector, uid(ds));
    return describeDaemonSet(ds, await ev(ctx, ds, "DaemonSet"), counts, ctx.now());
  },
  "apps/StatefulSet": async (ctx, ss) => {
    const counts = await podStatusForController(ctx.transport, ns(ss), ss.spec?.selector, uid(ss));
    return describeStatefulSet(ss, await ev(ctx, ss, "StatefulSet"), counts, ctx.now());
  },
  "batch/Job": async (ctx, job) => describeJob(job, await ev(ctx, job, "Job"), ctx.now()),
  "discovery.k8s.io/EndpointSlice": async (ctx, eps) => describeEndpointSlice(eps, await ev(ctx, eps, "EndpointSlice"), ctx.now()),
  "scheduling.k8s.io/PriorityClass": async (ctx, pc) => describePriorityClass(pc, await ev(ctx, pc, "PriorityClass"), ctx.now()),
  "policy/PodDisruptionBudget": async (ctx, pdb) => describePodDisruptionBudget(pdb, await ev(ctx, pdb, "PodDisruptionBudget"), ctx.now()),
  "rbac.authorization.k8s.io/Role": async (_ctx, role) => describeRole(role),
  "rbac.authorization.k8s.io/ClusterRole": async (_ctx, role) => describeRole(role),
  "rbac.authorization.k8s.io/RoleBinding": async (_ctx, binding) => describeRoleBinding(binding),
  "rbac.authorization.k8s.io/ClusterRoleBinding": async (_ctx, binding) => describeRoleBinding(binding),
};

/** The describer for a kind: its own, or the generic one (events searched with the object's kind). */
export function describerFor(ri: ResourceInfo): Describer {
  return DESCRIBERS[`${ri.group}/${ri.kind}`] ?? (async (ctx, obj) => describeGeneric(obj, await ev(ctx, obj, ri.kind), ctx.now()));
}
