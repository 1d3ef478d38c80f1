// kubectl rollout history and undo for Deployments: revisions from the ReplicaSets the
// deployment controls (deployment.kubernetes.io/revision), the REVISION / CHANGE-CAUSE table or
// one revision's pod template, and the rollback as a JSON patch of spec.template and the
// annotations. Mirrors kubectl pkg/cmd/rollout/rollout_history.go, rollout_undo.go and
// pkg/polymorphichelpers/history.go, rollback.go.
import { type Obj, query } from "../client";
import type { Kctx } from "../context";
import { kindPrefix, objectPath, type ApiResource } from "../discovery";
import { ApiError, fail } from "../errors";
import { type FlagSpec, num } from "../flags";
import { goJsonCompact } from "../output/json";
import { tabwrite } from "../describe/tabwriter";
import { PrefixWriter, escapeTerminal } from "../describe/prefix-writer";
import { describePodTemplate } from "../describe/workloads";
import { findReplicaSets } from "../describe/deployment-util";
import { dryRun } from "../mutate";
import { rolloutObjects } from "./rollout";

export const historyFlags: FlagSpec[] = [{ name: "revision", type: "int", def: 0 }];
export const undoFlags: FlagSpec[] = [{ name: "to-revision", type: "int", def: 0 }, { name: "dry-run", type: "string", def: "none", noOptDef: "unchanged" }];

const REVISION = "deployment.kubernetes.io/revision";
const CHANGE_CAUSE = "kubernetes.io/change-cause";
const SKIP = new Set(["kubectl.kubernetes.io/last-applied-configuration", REVISION, "deployment.kubernetes.io/revision-history",
  "deployment.kubernetes.io/desired-replicas", "deployment.kubernetes.io/max-replicas", "deprecated.deployment.rollback.to"]);

/** describe.NewPrefixWriter on a plain buffer: the tabs stay as they are (no alignment). */
class RawWriter extends PrefixWriter {
  private buf = "";
  override write(level: number, text: string): void { this.buf += escapeTerminal("  ".repeat(level) + text); }
  override writeLine(...a: string[]): void { this.buf += escapeTerminal(a.join(" ") + "\n"); }
  override flush(): void { /* unbuffered */ }
  override toString(): string { return this.buf; }
}

function ensureDeployment(r: ApiResource): void {
  if (!(r.group === "apps" && r.kind === "Deployment")) throw fail(`no history viewer has been implemented for ${JSON.stringify(r.group ? `${r.kind}.${r.group}` : r.kind)}`);
}

/** The deployment's ReplicaSets with their revision numbers (deploymentutil.GetAllReplicaSets). */
async function revisions(k: Kctx, d: Obj): Promise<Map<number, Obj>> {
  const ns = d.metadata.namespace;
  const sel = Object.entries((d.spec?.selector?.matchLabels ?? {}) as Record<string, string>).map(([a, b]) => `${a}=${b}`).join(",");
  const l = await k.client.get(`/apis/apps/v1/namespaces/${ns}/replicasets` + query({ labelSelector: sel }));
  const { old, new: fresh } = findReplicaSets(d, l.items ?? []);
  const out = new Map<number, Obj>();
  for (const rs of [...old, ...fresh]) {
    const v = Number(rs.metadata?.annotations?.[REVISION]);
    if (Number.isInteger(v) && rs.metadata?.annotations?.[REVISION] !== "") out.set(v, rs);
  }
  return out;
}

export async function runHistory(k: Kctx): Promise<number> {
  const revision = num(k.flags, "revision");
  for (const { r, obj } of await rolloutObjects(k)) {
    ensureDeployment(r);
    const revs = await revisions(k, obj);
    let text: string;
    if (!revs.size) text = "No rollout history found.";
    else if (revision > 0) {
      const rs = revs.get(revision);
      if (!rs) throw fail("unable to find the specified revision");
      const w = new RawWriter();
      describePodTemplate(withChangeCause(rs), w);
      text = w.toString();
    } else {
      const rows = [...revs.keys()].sort((a, b) => a - b).map((v) => `${v}\t${revs.get(v)!.metadata?.annotations?.[CHANGE_CAUSE] || "<none>"}\n`);
      text = tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join("")}`, 2);
    }
    await k.out(`${kindPrefix(r)}/${obj.metadata.name} ${revision > 0 ? `with revision #${revision}` : ""}\n${text}\n`);
  }
  return 0;
}

function withChangeCause(rs: Obj): Obj {
  const t = structuredClone(rs.spec?.template ?? {});
  const cause = rs.metadata?.annotations?.[CHANGE_CAUSE];
  t.metadata ??= {};
  t.metadata.annotations ??= {};
  if (cause) t.metadata.annotations[CHANGE_CAUSE] = cause;
  return t;
}

/** Semantic equality of two pod templates, the pod-template-hash label ignored (equalIgnoreHash). */
function sameTemplate(a: Obj, b: Obj): boolean {
  const strip = (t: Obj) => {
    const c = structuredClone(t ?? {});
    if (c.metadata?.labels) { delete c.metadata.labels["pod-template-hash"]; if (!Object.keys(c.metadata.labels).length) delete c.metadata.labels; }
    return canonical(c);
  };
  return strip(a) === strip(b);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") return `{${Object.keys(v).sort().map((x) => `${JSON.stringify(x)}:${canonical((v as Obj)[x])}`).join(",")}}`;
  return JSON.stringify(v ?? null);
}

export async function runUndo(k: Kctx): Promise<number> {
  const to = num(k.flags, "to-revision");
  const mode = dryRun(k);
  for (const { r, obj } of await rolloutObjects(k)) {
    ensureRollbacker(r);
    if (to < 0) throw fail(`unable to find specified revision ${to} in history`);
    const name = obj.metadata.name;
    const d = await k.client.get(objectPath(r, obj.metadata.namespace, name)).catch((e) => {
      throw fail(`failed to retrieve Deployment ${name}: ${e instanceof ApiError ? e.status.message : String(e)}`);
    });
    const rs = pickRevision(await revisions(k, d), to, name);
    if (mode === "client") {
      const w = new RawWriter();
      describePodTemplate(rs.spec?.template, w);
      await k.out(`${kindPrefix(r)}/${name} ${w.toString()}\n`);
      continue;
    }
    if (d.spec?.paused) throw fail("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
    if (sameTemplate(rs.spec?.template, d.spec?.template)) {
      await k.out(`${kindPrefix(r)}/${name} skipped rollback (current template already matches revision ${to})\n`);
      continue;
    }
    const template = structuredClone(rs.spec.template);
    if (template.metadata?.labels) delete template.metadata.labels["pod-template-hash"];
    const annotations: Record<string, string> = {};
    for (const key of SKIP) { const v = d.metadata?.annotations?.[key]; if (v !== undefined) annotations[key] = v; }
    for (const [key, v] of Object.entries((rs.metadata?.annotations ?? {}) as Record<string, string>)) if (!SKIP.has(key)) annotations[key] = v;
    const patch = [{ op: "replace", path: "/spec/template", value: template }, { op: "replace", path: "/metadata/annotations", value: annotations }];
    try {
      await k.client.json("PATCH", objectPath(r, d.metadata.namespace, name) + (mode === "server" ? query({ dryRun: "All" }) : ""),
        { body: goJsonCompact(patch), contentType: "application/json-patch+json" });
    } catch (e) { throw fail(`failed restoring revision ${to}: ${e instanceof ApiError ? e.status.message : String(e)}`); }
    await k.out(`${kindPrefix(r)}/${name} rolled back${mode === "server" ? " (server dry run)" : ""}\n`);
  }
  return 0;
}

function ensureRollbacker(r: ApiResource): void {
  if (!(r.group === "apps" && r.kind === "Deployment")) throw fail(`no rollbacker has been implemented for ${JSON.stringify(r.group ? `${r.kind}.${r.group}` : r.kind)}`);
}

/** deploymentRevision: the named revision, or the second newest for 0. */
function pickRevision(revs: Map<number, Obj>, to: number, name: string): Obj {
  if (to > 0) {
    const rs = revs.get(to);
    if (!rs) throw fail(`unable to find specified revision ${to} in history`);
    return rs;
  }
  const sorted = [...revs.keys()].sort((a, b) => b - a);
  if (sorted.length < 2) throw fail(`no rollout history found for deployment ${JSON.stringify(name)}`);
  return revs.get(sorted[1]!)!;
}
