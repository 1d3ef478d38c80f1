// kubectl rollout status|restart|pause|resume (history and undo in rollout-history.ts): the
// status viewers' lines printed for the listed object and every watch event until done, the
// restartedAt annotation patch, and the paused flag. Mirrors kubectl pkg/cmd/rollout/*.go and
// pkg/polymorphichelpers (rollout_status.go, objectrestarter.go, objectpauser.go, objectresumer.go).
import { type Obj, query, readLines } from "../client";
import { Kctx } from "../context";
import { collectionPath, kindPrefix, objectPath, type ApiResource } from "../discovery";
import { ApiError, KubectlError, errorText, fail, usage } from "../errors";
import { type FlagSpec, bool, num, parseFlags, str } from "../flags";
import { resourceTargets } from "../builder";
import { goJsonCompact } from "../output/json";
import { listAll } from "./get";
import { runHistory, runUndo, historyFlags, undoFlags } from "./rollout-history";

const common: FlagSpec[] = [
  { name: "filename", short: "f", type: "array" }, { name: "recursive", short: "R", type: "bool" },
  { name: "selector", short: "l", type: "string" }, { name: "output", short: "o", type: "string" },
  { name: "field-manager", type: "string" },
];
const statusFlags: FlagSpec[] = [...common, { name: "watch", short: "w", type: "bool", def: true }, { name: "revision", type: "int", def: 0 }, { name: "timeout", type: "string", def: "0s" }];

const SUBS: Record<string, { flags: FlagSpec[]; run: (k: Kctx) => Promise<number> }> = {
  status: { flags: statusFlags, run: runStatus },
  history: { flags: [...common, ...historyFlags], run: runHistory },
  undo: { flags: [...common, ...undoFlags], run: runUndo },
  restart: { flags: common, run: (k) => patchEach(k, restartPatch, "restarted") },
  pause: { flags: common, run: (k) => patchEach(k, pausePatch(true), "paused") },
  resume: { flags: common, run: (k) => patchEach(k, pausePatch(false), "resumed") },
};

export async function runRollout(k: Kctx): Promise<number> {
  const [sub, ...rest] = k.flags.args;
  const s = sub === undefined ? undefined : SUBS[sub];
  if (!s) {
    if (sub === undefined || sub.startsWith("-")) throw usage("Required resource not specified.", "kubectl rollout");
    throw new KubectlError(`error: unknown command "${sub}" for "kubectl rollout"\n`);
  }
  const path = `kubectl rollout ${sub}`;
  return s.run(new Kctx(k.env, k.sh, path, parseFlags(rest, s.flags, path)));
}

/** The objects a rollout subcommand works on (names, TYPE/NAME, or -l over a type). */
export async function rolloutObjects(k: Kctx): Promise<{ r: ApiResource; obj: Obj }[]> {
  if (!k.flags.args.length) throw fail("required resource not specified");
  const out: { r: ApiResource; obj: Obj }[] = [];
  for (const t of await resourceTargets(k, k.flags.args)) {
    if (t.names.length) for (const n of t.names) out.push({ r: t.resource, obj: await k.client.get(objectPath(t.resource, k.namespace, n)) });
    else for (const o of await listAll(k, t.resource, "application/json")) out.push({ r: t.resource, obj: o });
  }
  return out;
}

const gk = (r: ApiResource) => (r.group ? `${r.kind}.${r.group}` : r.kind);

/** The status viewers: the line to print and whether the rollout is done. */
export function rolloutStatus(r: ApiResource, o: Obj): { text: string; done: boolean } {
  const name = JSON.stringify(o.metadata?.name ?? "");
  const st = o.status ?? {};
  const gen = o.metadata?.generation ?? 0, observed = st.observedGeneration ?? 0;
  if (r.group === "apps" && r.kind === "Deployment") {
    if (gen > observed) return { text: "Waiting for deployment spec update to be observed...\n", done: false };
    const progressing = (st.conditions ?? []).find((c: Obj) => c.type === "Progressing");
    if (progressing?.reason === "ProgressDeadlineExceeded") throw fail(`deployment ${name} exceeded its progress deadline`);
    const want = o.spec?.replicas, upd = st.updatedReplicas ?? 0;
    if (want !== undefined && upd < want) return { text: `Waiting for deployment ${name} rollout to finish: ${upd} out of ${want} new replicas have been updated...\n`, done: false };
    if ((st.replicas ?? 0) > upd) return { text: `Waiting for deployment ${name} rollout to finish: ${(st.replicas ?? 0) - upd} old replicas are pending termination...\n`, done: false };
    if ((st.availableReplicas ?? 0) < upd) return { text: `Waiting for deployment ${name} rollout to finish: ${st.availableReplicas ?? 0} of ${upd} updated replicas are available...\n`, done: false };
    return { text: `deployment ${name} successfully rolled out\n`, done: true };
  }
  if (r.group === "apps" && r.kind === "DaemonSet") {
    if (o.spec?.updateStrategy?.type !== "RollingUpdate") throw fail("rollout status is only available for RollingUpdate strategy type");
    if (gen > observed) return { text: "Waiting for daemon set spec update to be observed...\n", done: false };
    const desired = st.desiredNumberScheduled ?? 0;
    if ((st.updatedNumberScheduled ?? 0) < desired) return { text: `Waiting for daemon set ${name} rollout to finish: ${st.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`, done: false };
    if ((st.numberAvailable ?? 0) < desired) return { text: `Waiting for daemon set ${name} rollout to finish: ${st.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, done: false };
    return { text: `daemon set ${name} successfully rolled out\n`, done: true };
  }
  if (r.group === "apps" && r.kind === "StatefulSet") {
    const us = o.spec?.updateStrategy;
    if (us?.type !== "RollingUpdate") throw fail("rollout status is only available for RollingUpdate strategy type");
    if (!observed || gen > observed) return { text: "Waiting for statefulset spec update to be observed...\n", done: false };
    const want = o.spec?.replicas;
    if (want !== undefined && (st.readyReplicas ?? 0) < want) return { text: `Waiting for ${want - (st.readyReplicas ?? 0)} pods to be ready...\n`, done: false };
    if (us.rollingUpdate) {
      const part = us.rollingUpdate.partition;
      if (want !== undefined && part !== undefined && (st.updatedReplicas ?? 0) < want - part) {
        return { text: `Waiting for partitioned roll out to finish: ${st.updatedReplicas ?? 0} out of ${want - part} new pods have been updated...\n`, done: false };
      }
      return { text: `partitioned roll out complete: ${st.updatedReplicas ?? 0} new pods have been updated...\n`, done: true };
    }
    if (st.updateRevision !== st.currentRevision) return { text: `waiting for statefulset rolling update to complete ${st.updatedReplicas ?? 0} pods at revision ${st.updateRevision ?? ""}...\n`, done: false };
    return { text: `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision ?? ""}...\n`, done: true };
  }
  throw fail(`no status viewer has been implemented for ${gk(r)}`);
}

/** Go duration text ("30s", "5m", "1h30m") in milliseconds; 0 for none. */
export function durationMs(s: string, flag: string): number {
  if (s === "" || s === "0") return 0;
  const m = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+)ms)?$/.exec(s);
  if (!m || !/\d/.test(s)) throw fail(`invalid argument "${s}" for "${flag}" flag: time: invalid duration "${s}"`);
  return Number(m[1] ?? 0) * 3_600_000 + Number(m[2] ?? 0) * 60_000 + Number(m[3] ?? 0) * 1000 + Number(m[4] ?? 0);
}

async function runStatus(k: Kctx): Promise<number> {
  const timeout = durationMs(str(k.flags, "timeout"), "--timeout");
  const objs = await rolloutObjects(k);
  if (!objs.length) { await k.err(`No resources found in ${k.namespace} namespace.\n`); return 0; }
  for (const { r, obj } of objs) await watchStatus(k, r, obj.metadata.namespace ?? k.namespace, obj.metadata.name, timeout);
  return 0;
}

/** UntilWithSync: list the one object, print its status, then print again on every event until done. */
async function watchStatus(k: Kctx, r: ApiResource, ns: string, name: string, timeout: number): Promise<void> {
  const base = collectionPath(r, r.namespaced ? ns : undefined);
  const sel = `metadata.name=${name}`;
  const l = await k.client.get(base + query({ fieldSelector: sel, limit: "500" }));
  for (const o of (l.items ?? []) as Obj[]) {
    const s = rolloutStatus(r, o);
    await k.out(s.text);
    if (s.done || !bool(k.flags, "watch")) return;
  }
  let timedOut = false;
  await k.interruptible(async (signal) => {
    const ac = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const expired = new Promise<void>((resolve) => { if (timeout) timer = setTimeout(() => { timedOut = true; resolve(); }, timeout); });
    const aborted = new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve()));
    const watching = (async () => {
      const res = await k.client.raw("GET", base + query({ allowWatchBookmarks: "true", fieldSelector: sel, resourceVersion: l.metadata?.resourceVersion, timeoutSeconds: "325", watch: "true" }), { signal: ac.signal });
      await readLines(res, async (line) => {
        if (ac.signal.aborted) return false;
        const ev = JSON.parse(line) as Obj;
        if (ev.type === "DELETED") throw fail("object has been deleted");
        if (ev.type !== "ADDED" && ev.type !== "MODIFIED") return true;
        const s = rolloutStatus(r, ev.object);
        await k.out(s.text);
        return !s.done;
      });
    })();
    try { await Promise.race([watching, expired, aborted]); } finally { if (timer !== undefined) clearTimeout(timer); ac.abort(); watching.catch(() => {}); }
  });
  if (timedOut) throw fail("timed out waiting for the condition");
}

type Patcher = (k: Kctx, r: ApiResource, o: Obj) => Obj | "noop";

const restartPatch: Patcher = (k, r, o) => {
  if (!(r.group === "apps" && ["Deployment", "DaemonSet", "StatefulSet", "ReplicaSet"].includes(r.kind))) throw new Error("restarting is not supported");
  if (r.kind === "Deployment" && o.spec?.paused) throw new Error("can't restart paused deployment (run rollout resume first)");
  return { spec: { template: { metadata: { annotations: { "kubectl.kubernetes.io/restartedAt": rfc3339(k.env.now()) } } } } };
};

const pausePatch = (pause: boolean): Patcher => (_k, r, o) => {
  if (!(r.group === "apps" && r.kind === "Deployment")) throw new Error(pause ? `pausing is not supported` : `resuming is not supported`);
  if (!!o.spec?.paused === pause) throw new Error(pause ? "is already paused" : "is not paused");
  return { spec: { paused: pause ? true : null } };
};

/** set.CalculatePatches then a strategic merge patch per object, `kind/name <operation>` or the error. */
async function patchEach(k: Kctx, make: Patcher, operation: string): Promise<number> {
  const objs = await rolloutObjects(k);
  if (!objs.length) { await k.err(`No resources found in ${k.namespace} namespace.\n`); return 0; }
  const errors: string[] = [];
  for (const { r, obj } of objs) {
    let patch: Obj | "noop";
    try { patch = make(k, r, obj); } catch (e) {
      const resourceString = r.group ? `${r.resource}.${r.group}` : r.resource;
      errors.push(`error: ${resourceString} ${JSON.stringify(obj.metadata.name)} ${(e as Error).message}`);
      continue;
    }
    try {
      await k.client.json("PATCH", objectPath(r, obj.metadata.namespace ?? k.namespace, obj.metadata.name) + query({ fieldManager: str(k.flags, "field-manager") || "kubectl-rollout" }),
        { body: goJsonCompact(patch), contentType: "application/strategic-merge-patch+json" });
      await k.out(`${kindPrefix(r)}/${obj.metadata.name} ${operation}\n`);
    } catch (e) { errors.push(`failed to patch: ${e instanceof ApiError ? e.status.message ?? "" : errorText(e).replace(/^error: /, "").trimEnd()}`); }
  }
  return reportAll(k, errors);
}

/** Go's time.RFC3339 in UTC ("2025-01-02T15:04:05Z"), as the terminal's clock is UTC. */
export function rfc3339(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export const rolloutRevision = (k: Kctx) => num(k.flags, "revision");

/** CheckErr of an aggregate: one error gets the "error: " prefix, several are listed as they are. */
export async function reportAll(k: Kctx, errors: string[]): Promise<number> {
  if (errors.length === 1) await k.err(`${errors[0]!.startsWith("error: ") ? "" : "error: "}${errors[0]}\n`);
  else for (const e of errors) await k.err(`${e}\n`);
  return errors.length ? 1 : 0;
}
