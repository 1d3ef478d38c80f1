// kubectl apply -f: client-side apply (create with the last-applied annotation, or the three-way
// strategic merge patch: configured / unchanged) and --server-side (apply patch as field manager
// "kubectl"). Mirrors kubectl pkg/cmd/apply/apply.go and patcher.go, and
// pkg/util/apply.go (GetModifiedConfiguration).
import { patchMetaLookup } from "../../../cluster/apiserver/openapi/index";
import { type Obj, query } from "../client";
import type { Kctx } from "../context";
import { collectionPath, objectPath } from "../discovery";
import { ApiError, errorText, fail, isNotFound } from "../errors";
import { type FlagSpec, bool, list, str } from "../flags";
import { readManifests } from "../manifest";
import { goJsonCompact } from "../output/json";
import { dryRun, dryRunFlags, mappingOf, objectNamespace, printResult } from "../mutate";
import { threeWayMergePatch } from "../three-way";

export const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

export const applyFlags: FlagSpec[] = [
  ...dryRunFlags,
  { name: "filename", short: "f", type: "array" },
  { name: "recursive", short: "R", type: "bool" },
  { name: "server-side", type: "bool" },
  { name: "force-conflicts", type: "bool" },
  { name: "field-manager", type: "string" },
  { name: "validate", type: "string", def: "strict", noOptDef: "strict" },
  { name: "prune", type: "bool" },
  { name: "selector", short: "l", type: "string" },
  { name: "overwrite", type: "bool", def: true },
  { name: "force", type: "bool" },
  { name: "grace-period", type: "int", def: -1 },
  { name: "wait", type: "bool" },
];

export async function runApply(k: Kctx): Promise<number> {
  const files = list(k.flags, "filename");
  if (!files.length) throw fail("must specify one of -f and -k");
  const mode = dryRun(k);
  let status = 0;
  for (const m of await readManifests(k, files)) {
    try {
      const r = await mappingOf(k, m.obj);
      const ns = objectNamespace(k, r, m.obj);
      const obj: Obj = { ...m.obj, metadata: { ...m.obj.metadata, ...(r.namespaced ? { namespace: ns } : {}) } };
      const name = obj.metadata?.name;
      const wrap = (verb: string) => (e: unknown) => { throw e instanceof ApiError ? e.wrap(`error when ${verb} "${m.source}": `) : e; };
      if (bool(k.flags, "server-side")) {
        const res = await k.client.json("PATCH", objectPath(r, ns, name) + query({ ...(mode === "server" ? { dryRun: "All" } : {}), fieldManager: str(k.flags, "field-manager") || "kubectl", fieldValidation: "Strict", force: String(bool(k.flags, "force-conflicts")) }),
          { body: goJsonCompact(obj), contentType: "application/apply-patch+yaml" }).catch(wrap("patching"));
        await printResult(k, { ...res, apiVersion: obj.apiVersion, kind: obj.kind }, "serverside-applied", mode);
        continue;
      }
      const modified = withLastApplied(obj);
      let current: Obj | undefined;
      try { current = await k.client.get(objectPath(r, ns, name)); } catch (e) { if (!isNotFound(e)) throw wrap("retrieving current configuration of")(e); }
      if (!current) {
        if (mode === "client") { await printResult(k, modified, "created", mode); continue; }
        const created = await k.client.json("POST", collectionPath(r, ns) + query({ ...(mode === "server" ? { dryRun: "All" } : {}), fieldManager: "kubectl-client-side-apply", fieldValidation: "Strict" }), { body: modified }).catch(wrap("creating"));
        await printResult(k, { ...created, apiVersion: obj.apiVersion, kind: obj.kind }, "created", mode);
        continue;
      }
      const lastText = current.metadata?.annotations?.[LAST_APPLIED];
      const original = lastText ? JSON.parse(lastText) : undefined;
      const [group, version] = String(obj.apiVersion).includes("/") ? String(obj.apiVersion).split("/") : ["", String(obj.apiVersion)];
      const patch = threeWayMergePatch(original, modified, current, patchMetaLookup(group!, version!, String(obj.kind)));
      if (!Object.keys(patch).length) { await printResult(k, { ...current, apiVersion: obj.apiVersion, kind: obj.kind }, "unchanged", mode); continue; }
      if (mode === "client") { await printResult(k, { ...current, apiVersion: obj.apiVersion, kind: obj.kind }, "configured", mode); continue; }
      const res = await k.client.json("PATCH", objectPath(r, ns, name) + query({ ...(mode === "server" ? { dryRun: "All" } : {}), fieldManager: "kubectl-client-side-apply", fieldValidation: "Strict" }),
        { body: goJsonCompact(patch), contentType: "application/strategic-merge-patch+json" }).catch(wrap("patching"));
      await printResult(k, { ...res, apiVersion: obj.apiVersion, kind: obj.kind }, "configured", mode);
    } catch (e) {
      await k.err(errorText(e));
      status = 1;
    }
  }
  return status;
}

/** The object with the last-applied annotation: its own compact JSON (annotation removed) plus "\n". */
export function withLastApplied(obj: Obj): Obj {
  const annotations = { ...(obj.metadata?.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  const original = { ...obj, metadata: { ...obj.metadata, annotations } };
  const text = goJsonCompact(original) + "\n";
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...annotations, [LAST_APPLIED]: text } } };
}
