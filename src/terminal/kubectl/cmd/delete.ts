// kubectl delete: by name, TYPE/NAME, -f, -l or --all; prints `kind "name" deleted` after each
// DELETE, then waits until every deleted object is gone (GET, then a watch for DELETED).
// --force with --grace-period=0 warns first. Mirrors kubectl pkg/cmd/delete/delete.go.
import { type Obj, query, readLines } from "../client";
import type { Kctx } from "../context";
import { collectionPath, kindPrefix, objectPath, type ApiResource } from "../discovery";
import { errorText, fail, isNotFound } from "../errors";
import { type FlagSpec, bool, list, num, str } from "../flags";
import { readManifests } from "../manifest";
import { mappingOf, objectNamespace } from "../mutate";
import { resourceTargets } from "../builder";
import { listAll } from "./get";

export const deleteFlags: FlagSpec[] = [
  { name: "filename", short: "f", type: "array" }, { name: "recursive", short: "R", type: "bool" },
  { name: "selector", short: "l", type: "string" }, { name: "field-selector", type: "string" },
  { name: "all", type: "bool" }, { name: "all-namespaces", short: "A", type: "bool" },
  { name: "grace-period", type: "int", def: -1 }, { name: "force", type: "bool" }, { name: "now", type: "bool" },
  { name: "wait", type: "bool", def: true }, { name: "ignore-not-found", type: "bool" }, { name: "cascade", type: "string", def: "background", noOptDef: "background" },
  { name: "timeout", type: "string" }, { name: "output", short: "o", type: "string" }, { name: "dry-run", type: "string", def: "none", noOptDef: "unchanged" },
  { name: "interactive", short: "i", type: "bool" },
];

const WARNING = "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n";

export async function runDelete(k: Kctx): Promise<number> {
  const f = k.flags;
  let grace = num(f, "grace-period");
  const force = bool(f, "force");
  if (bool(f, "now")) grace = 1;
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  const items: { r: ApiResource; ns: string; name: string }[] = [];
  const errors: unknown[] = [];
  if (list(f, "filename").length) {
    for (const m of await readManifests(k, list(f, "filename"))) {
      const r = await mappingOf(k, m.obj);
      items.push({ r, ns: objectNamespace(k, r, m.obj), name: m.obj.metadata?.name });
    }
  } else {
    if (!f.args.length) throw fail(`You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`);
    const targets = await resourceTargets(k, f.args);
    for (const t of targets) {
      if (t.names.length) { for (const n of t.names) items.push({ r: t.resource, ns: k.namespace, name: n }); continue; }
      if (!bool(f, "all") && !str(f, "selector") && !str(f, "field-selector")) throw fail(`resource(s) were provided, but no name was specified`);
      for (const o of await listAll(k, t.resource, "application/json")) items.push({ r: t.resource, ns: o.metadata.namespace ?? "", name: o.metadata.name });
    }
    if (!items.length) { await k.out("No resources found\n"); return 0; }
  }
  if (force && grace === 0) await k.err(WARNING);
  const deleted: { r: ApiResource; ns: string; name: string; uid?: string }[] = [];
  for (const it of items) {
    try {
      const body: Obj = { propagationPolicy: cascade(str(f, "cascade")) };
      if (grace >= 0) body.gracePeriodSeconds = grace;
      const res = await k.client.json("DELETE", objectPath(it.r, it.ns, it.name), { body });
      await k.out(`${kindPrefix(it.r)} "${it.name}" ${force && grace === 0 ? "force deleted" : "deleted"}\n`);
      deleted.push({ ...it, uid: res.metadata?.uid ?? res.details?.uid });
    } catch (e) {
      if (!(bool(f, "ignore-not-found") && isNotFound(e))) errors.push(e);
    }
  }
  if (bool(f, "wait")) for (const d of deleted) await waitGone(k, d);
  for (const e of errors) await k.err(errorText(e));
  return errors.length ? 1 : 0;
}

function cascade(v: string): string {
  if (v === "background" || v === "true") return "Background";
  if (v === "foreground") return "Foreground";
  if (v === "orphan" || v === "false") return "Orphan";
  throw fail(`invalid cascade value (${v}). Must be "background", "foreground", or "orphan".`);
}

async function waitGone(k: Kctx, d: { r: ApiResource; ns: string; name: string; uid?: string }): Promise<void> {
  try { await k.client.get(objectPath(d.r, d.ns, d.name)); } catch (e) { if (isNotFound(e)) return; throw e; }
  const base = collectionPath(d.r, d.r.namespaced ? d.ns : undefined);
  const sel = `metadata.name=${d.name}`;
  const l = await k.client.get(base + query({ fieldSelector: sel, limit: "500", resourceVersion: "0" }));
  const live = (l.items ?? []).find((o: Obj) => !d.uid || o.metadata.uid === d.uid);
  if (!live) return;
  await k.interruptible(async (signal) => {
    const res = await k.client.raw("GET", base + query({ allowWatchBookmarks: "true", fieldSelector: sel, resourceVersion: l.metadata?.resourceVersion, timeoutSeconds: "325", watch: "true" }), { signal });
    await readLines(res, (line) => JSON.parse(line).type !== "DELETED");
  });
}
