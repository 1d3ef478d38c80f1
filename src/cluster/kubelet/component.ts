// The kubelets of every node as one engine component: it watches pods bound to any node (and the
// ConfigMaps/Secrets their volumes wait for), syncs each pod with the pod worker under the node's
// own identity (system:node:<node>, field manager "kubelet"), and asks to be woken when the pod's
// next transition is due. Nodes added later are served without re-wiring.
// Upstream: pkg/kubelet/kubelet.go syncLoop / HandlePodAdditions, config/apiserver.go.
import type { Component, ComponentContext } from "../engine/component";
import { ApiClient } from "../engine/client";
import type { TimingProfile } from "../sim/profiles/index";
import { defaultProfile } from "../sim/profiles/index";
import { KubeletState } from "./state";
import { runtimeFor } from "./containerd/runtime";
import { syncPod, pods } from "./pod-worker";
import { referencedObjects } from "./volumes";
import type { KObject } from "../apiserver/registry/types";
import { nodeDown } from "../controllers/node-lifecycle";

export interface KubeletOptions {
  sql: SqlStorage;
  profile?: TimingProfile;
  /** The API client a node's kubelet uses (user system:node:<node>); default: the component's own. */
  clientFor?(node: string): ApiClient;
}

const configmaps = ApiClient.resource("", "configmaps");
const secrets = ApiClient.resource("", "secrets");

export function kubeletComponent(opts: KubeletOptions): Component {
  const state = new KubeletState(opts.sql);
  const runtime = runtimeFor(opts.sql);
  const inflight = new Map<string, Promise<number | undefined>>();
  const profile = opts.profile ?? defaultProfile;
  const clients = new Map<string, ApiClient>();
  const waitingOn = (kind: "configMaps" | "secrets") => (obj: KObject) => {
    const ns = obj.metadata.namespace ?? "default";
    return state.podsInNamespace(ns).filter((r) => r.mount.readyAt === undefined).map((r) => `${r.ns}/${r.name}`)
      .filter(() => kind === "configMaps" || kind === "secrets");
  };
  return {
    name: "kubelet",
    watches: [
      {
        resource: pods,
        keys: (o, e) => {
          if (e?.type === "MODIFIED" && e.prevObject && !differSemantically(o, e.prevObject as KObject)) return [];
          return o.spec?.nodeName || state.podByName(o.metadata.namespace ?? "default", o.metadata.name) ? [`${o.metadata.namespace}/${o.metadata.name}`] : [];
        },
      },
      { resource: configmaps, keys: waitingOn("configMaps") },
      { resource: secrets, keys: waitingOn("secrets") },
    ],
    async sync(key: string, ctx: ComponentContext) {
      const [ns, name] = key.split("/") as [string, string];
      const pod = ctx.api.get(pods, ns, name);
      const node = pod?.spec?.nodeName as string | undefined;
      let api = ctx.api;
      if (node && opts.clientFor) {
        if (!clients.has(node)) clients.set(node, opts.clientFor(node));
        api = clients.get(node)!;
      }
      // A node whose kubelet is down (failure injection) does nothing.
      if (node && nodeDown(opts.sql, node)) return;
      // One sync of a pod at a time: another run of the engine (the alarm, a clock step) may
      // reach the same key while this one awaits its containers' virtual time.
      const prev = inflight.get(key);
      const run = (async () => {
        if (prev) await prev.catch(() => undefined);
        return syncPod({ api, state, runtime, profile, now: ctx.now().getTime(), random: ctx.random }, ns, name);
      })();
      inflight.set(key, run);
      let next: number | undefined;
      try { next = await run; } finally { if (inflight.get(key) === run) inflight.delete(key); }
      if (next === undefined) return;
      // Relative to the clock as it is now: it may have moved while the sync awaited.
      return { requeueAfterMs: Math.max(0, next - ctx.now().getTime()) };
    },
  };
}

/**
 * The kubelet's config source ignores status-only updates (pkg/kubelet/config/config.go
 * podsDifferSemantically): its own status writes do not trigger a sync.
 */
function differSemantically(a: KObject, b: KObject): boolean {
  const pick = (p: KObject) => JSON.stringify([p.spec, p.metadata.labels, p.metadata.annotations, p.metadata.deletionTimestamp, p.metadata.deletionGracePeriodSeconds, p.metadata.uid]);
  return pick(a) !== pick(b);
}

export { referencedObjects };
