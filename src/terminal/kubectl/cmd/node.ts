// kubectl cordon / uncordon (spec.unschedulable, "node/x cordoned" or "already cordoned"), drain
// (cordon, then evict what the pod filters allow, as pkg/drain/{drain.go,filters.go}) and
// kubectl taint (KEY[=VALUE]:EFFECT to add, KEY[:EFFECT]- to remove; "tainted", "untainted" or
// "modified"). Mirrors staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go (RunCordonOrUncordon),
// pkg/drain/cordon.go and pkg/cmd/taint/{taint.go,utils.go}.
import { type Obj, query } from "../client";
import type { Kctx } from "../context";
import { kindPrefix, objectPath } from "../discovery";
import { KubectlError, errorText, fail, usage } from "../errors";
import { type FlagSpec, bool, num, str } from "../flags";
import { goJsonCompact } from "../output/json";
import { type DryRun, dryRun, dryRunFlags, dryRunSuffix } from "../mutate";
import { resourceTargets } from "../builder";

export const cordonFlags: FlagSpec[] = [...dryRunFlags, { name: "selector", short: "l", type: "string" }];

/** cordon (unschedulable) or uncordon. */
export function cordonCommand(unschedulable: boolean) {
  const cmd = unschedulable ? "kubectl cordon" : "kubectl uncordon";
  return async (k: Kctx): Promise<number> => {
    if (!k.flags.args.length) throw usage("USAGE: " + (unschedulable ? "cordon NODE [flags]" : "uncordon NODE [flags]"), cmd);
    await setUnschedulable(k, await nodes(k, k.flags.args), unschedulable, dryRun(k));
    return 0;
  };
}

/** RunCordonOrUncordon: each node made (un)schedulable, or "already" so. */
async function setUnschedulable(k: Kctx, list: Obj[], unschedulable: boolean, mode: DryRun): Promise<void> {
  const verb = unschedulable ? "cordoned" : "uncordoned";
  for (const node of list) {
    const name = `node/${node.metadata.name}`;
    if (!!node.spec?.unschedulable === unschedulable) { await k.out(`${name} already ${verb}${dryRunSuffix(mode)}\n`); continue; }
    if (mode !== "client") {
      await k.client.json("PATCH", `/api/v1/nodes/${node.metadata.name}` + query(mode === "server" ? { dryRun: "All" } : {}), {
        body: goJsonCompact({ spec: { unschedulable: unschedulable ? true : null } }), contentType: "application/strategic-merge-patch+json",
      });
    }
    await k.out(`${name} ${verb}${dryRunSuffix(mode)}\n`);
  }
}

async function nodes(k: Kctx, args: string[]): Promise<Obj[]> {
  const names = args.map((a) => a.replace(/^(no|node|nodes)\//, ""));
  const out: Obj[] = [];
  for (const n of names) out.push(await k.client.get(`/api/v1/nodes/${n}`));
  return out;
}

export const taintFlags: FlagSpec[] = [
  ...dryRunFlags, { name: "overwrite", type: "bool" }, { name: "all", type: "bool" },
  { name: "selector", short: "l", type: "string" }, { name: "field-manager", type: "string", def: "kubectl-taint" },
];

interface Taint { key: string; value?: string; effect?: string }
const EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];
const show = (t: Taint) => (t.effect ? `${t.key}:${t.effect}` : t.key);
const sameTaint = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;

/** ParseTaints: KEY[=VALUE]:EFFECT to add, KEY[:EFFECT]- to remove. */
function parseTaints(specs: string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = [], remove: Taint[] = [];
  for (const spec of specs) {
    if (spec.endsWith("-")) {
      // KEY[=VALUE][:EFFECT]-: a removal matches by key and effect; a value is ignored.
      const [kv, effect] = spec.slice(0, -1).split(":");
      if (effect !== undefined && !EFFECTS.includes(effect)) throw usage(`invalid taint effect: ${effect}, unsupported taint effect`, "kubectl taint");
      remove.push({ key: kv!.split("=")[0]!, ...(effect ? { effect } : {}) });
      continue;
    }
    const colon = spec.lastIndexOf(":");
    if (colon < 0) throw usage(`invalid taint spec: ${spec}`, "kubectl taint");
    const kv = spec.slice(0, colon), effect = spec.slice(colon + 1);
    if (!EFFECTS.includes(effect)) throw usage(`invalid taint effect: ${effect}, unsupported taint effect`, "kubectl taint");
    const eq = kv.indexOf("=");
    add.push(eq < 0 ? { key: kv, effect } : { key: kv.slice(0, eq), value: kv.slice(eq + 1), effect });
  }
  return { add, remove };
}

export async function runTaint(k: Kctx): Promise<number> {
  const args = k.flags.args;
  const specAt = args.findIndex((a) => /[:=]|-$/.test(a) && !a.startsWith("node/") && !a.startsWith("nodes/") && !a.startsWith("no/"));
  const targets = specAt < 0 ? args : args.slice(0, specAt);
  const specs = specAt < 0 ? [] : args.slice(specAt);
  if (!targets.length) throw usage("USAGE: taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]", "kubectl taint");
  if (!specs.length) throw usage("at least one taint update is required", "kubectl taint");
  const { add, remove } = parseTaints(specs);
  const mode = dryRun(k);
  const overwrite = bool(k.flags, "overwrite");
  let status = 0;
  for (const t of await resourceTargets(k, targets)) {
    if (t.resource.kind !== "Node") throw fail(`invalid resource type ${t.resource.resource}, only node types are supported`);
    for (const name of t.names) {
      try {
        const node = await k.client.get(objectPath(t.resource, "", name));
        const old: Taint[] = node.spec?.taints ?? [];
        if (!overwrite) {
          const exists = add.filter((a) => old.some((o) => sameTaint(o, a))).map((a) => `${a.key}`);
          if (exists.length) throw fail(`node ${name} already has ${exists.join(", ")} taint(s) with same effect(s) and --overwrite is false`);
        }
        // reorganizeTaints: the new taints, the old ones not replaced, minus the removed ones.
        const next: Taint[] = add.map((a) => ({ ...a }));
        for (const o of old) if (!next.some((n) => sameTaint(n, o))) next.push(o);
        const added = next.length !== old.length;
        const missing: string[] = [];
        let deleted = false;
        for (const r of remove) {
          const before = next.length;
          for (let i = next.length - 1; i >= 0; i--) if (next[i]!.key === r.key && (!r.effect || next[i]!.effect === r.effect)) next.splice(i, 1);
          if (next.length === before) missing.push(`taint ${JSON.stringify(show(r))} not found`);
          else deleted = true;
        }
        if (missing.length) throw fail(missing.join(", "));
        const operation = (added && deleted) || overwrite ? "modified" : added ? "tainted" : "untainted";
        if (mode !== "client") {
          await k.client.json("PATCH", objectPath(t.resource, "", name) + query({ fieldManager: str(k.flags, "field-manager"), ...(mode === "server" ? { dryRun: "All" } : {}) }), {
            body: goJsonCompact({ spec: { taints: next.length ? next : null } }), contentType: "application/strategic-merge-patch+json",
          });
        }
        await k.out(`${kindPrefix(t.resource)}/${name} ${operation}${dryRunSuffix(mode)}\n`);
      } catch (e) {
        if (e instanceof KubectlError) throw e;
        await k.err(errorText(e)); status = 1;
      }
    }
  }
  return status;
}

export const drainFlags: FlagSpec[] = [
  ...dryRunFlags, { name: "ignore-daemonsets", type: "bool" }, { name: "delete-emptydir-data", type: "bool" },
  { name: "force", type: "bool" }, { name: "grace-period", type: "int", def: -1 }, { name: "timeout", type: "string", def: "0s" },
  { name: "selector", short: "l", type: "string" }, { name: "pod-selector", type: "string" }, { name: "disable-eviction", type: "bool" },
  { name: "skip-wait-for-delete-timeout", type: "int", def: 0 },
];

/** drain's pod filters (pkg/drain/filters.go), in their order: what each pod is, and what to do. */
function podVerdict(pod: Obj, f: { daemonsets: boolean; emptyDir: boolean; force: boolean; skipDeletedAfterMs: number; now: number }): { skip?: boolean; error?: string; warning?: string } {
  // skipDeletedFilter: a pod already being deleted is skipped only past --skip-wait-for-delete-timeout.
  const deleting = pod.metadata?.deletionTimestamp ? Date.parse(pod.metadata.deletionTimestamp) : undefined;
  if (f.skipDeletedAfterMs > 0 && deleting !== undefined && f.now - deleting > f.skipDeletedAfterMs) return { skip: true };
  const owner = ((pod.metadata?.ownerReferences ?? []) as Obj[]).find((o) => o.controller);
  if (owner?.kind === "DaemonSet") {
    return f.daemonsets ? { skip: true, warning: "ignoring DaemonSet-managed Pods" } : { error: "cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)" };
  }
  if (pod.metadata?.annotations?.["kubernetes.io/config.mirror"] !== undefined) return { skip: true };
  const finished = pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
  if (!finished && ((pod.spec?.volumes ?? []) as Obj[]).some((v) => v.emptyDir)) {
    if (!f.emptyDir) return { error: "cannot delete Pods with local storage (use --delete-emptydir-data to override)" };
    return { warning: "deleting Pods with local storage" };
  }
  if (!finished && !owner) {
    // filters.go prefixes its "cannot delete …" constant with "cannot delete " once more.
    return f.force ? { warning: "deleting Pods that declare no controller" } : { error: "cannot delete cannot delete Pods that declare no controller (use --force to override)" };
  }
  return {};
}

/** Messages grouped as drain's podDeleteList does: each message once, its pods in list order. */
function grouped(entries: { msg: string; pod: string }[]): [string, string[]][] {
  const out = new Map<string, string[]>();
  for (const e of entries) out.set(e.msg, [...(out.get(e.msg) ?? []), e.pod]);
  return [...out.entries()];
}

/** kubectl drain: cordon, then evict the node's pods that the filters allow (drain.go RunDrain). */
export async function runDrain(k: Kctx): Promise<number> {
  const f = k.flags;
  if (!f.args.length) throw usage("USAGE: drain NODE [flags]", "kubectl drain");
  const mode = dryRun(k);
  const suffix = dryRunSuffix(mode);
  const list = await nodes(k, f.args);
  await setUnschedulable(k, list, true, mode);
  let failed = false;
  for (const node of list) {
    const name = node.metadata.name as string;
    const pods = await k.client.get(`/api/v1/pods` + query({ fieldSelector: `spec.nodeName=${name}` }));
    const opts = {
      daemonsets: bool(f, "ignore-daemonsets"), emptyDir: bool(f, "delete-emptydir-data"), force: bool(f, "force"),
      skipDeletedAfterMs: num(f, "skip-wait-for-delete-timeout") * 1000, now: k.env.now().getTime(),
    };
    const evict: Obj[] = [];
    const errors: { msg: string; pod: string }[] = [], warnings: { msg: string; pod: string }[] = [];
    for (const pod of (pods.items ?? []) as Obj[]) {
      const v = podVerdict(pod, opts);
      const id = `${pod.metadata.namespace}/${pod.metadata.name}`;
      if (v.error) errors.push({ msg: v.error, pod: id });
      if (v.warning) warnings.push({ msg: v.warning, pod: id });
      if (!v.skip && !v.error) evict.push(pod);
    }
    if (errors.length) {
      const parts = grouped(errors).map(([msg, pods]) => `${msg}: ${pods.join(", ")}`);
      const all = parts.length > 1 ? `[${parts.join(", ")}]` : parts[0];
      await k.err(`error: unable to drain node ${JSON.stringify(name)} due to error: ${all}, continuing command...\n` +
        `There are pending nodes to be drained:\n ${name}\n${parts.map((p) => p + "\n").join("")}`);
      failed = true;
      continue;
    }
    if (warnings.length) await k.err(`Warning: ${grouped(warnings).map(([msg, pods]) => `${msg}: ${pods.join(", ")}`).join("; ")}\n`);
    for (const pod of evict) await k.out(`evicting pod ${pod.metadata.namespace}/${pod.metadata.name}${suffix}\n`);
    if (mode === "none") {
      const grace = num(f, "grace-period");
      for (const pod of evict) {
        await k.client.json("POST", `/api/v1/namespaces/${pod.metadata.namespace}/pods/${pod.metadata.name}/eviction`, {
          body: { apiVersion: "policy/v1", kind: "Eviction", metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace }, ...(grace >= 0 ? { deleteOptions: { gracePeriodSeconds: grace } } : {}) },
        });
      }
      for (const pod of evict) {
        await waitGone(k, pod);
        await k.out(`pod/${pod.metadata.name} evicted\n`);
      }
    }
    await k.out(`node/${name} drained${suffix}\n`);
  }
  return failed ? 1 : 0;
}

/** Until the pod is gone or replaced by another of the same name (waitForDelete). */
async function waitGone(k: Kctx, pod: Obj): Promise<void> {
  for (;;) {
    try {
      const now = await k.client.get(`/api/v1/namespaces/${pod.metadata.namespace}/pods/${pod.metadata.name}`);
      if (now.metadata?.uid !== pod.metadata.uid) return;
    } catch (e) {
      if ((e as { code?: number }).code === 404) return;
      throw e;
    }
    await k.sh.sleep(1000);
  }
}
