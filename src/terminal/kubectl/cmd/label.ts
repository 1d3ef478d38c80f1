// kubectl label / annotate: KEY=VALUE to set (refusing to change a value without --overwrite),
// KEY- to remove, sent as a JSON merge patch; `pod/nginx labeled`, `unlabeled` or `not labeled`.
// Mirrors kubectl pkg/cmd/label/label.go and pkg/cmd/annotate/annotate.go.
import { type Obj, query } from "../client";
import type { Kctx } from "../context";
import { objectPath } from "../discovery";
import { errorText, fail, usage } from "../errors";
import { type FlagSpec, bool, list, str } from "../flags";
import { goJsonCompact } from "../output/json";
import { nameOf } from "../output/printer";
import { resourceTargets } from "../builder";
import { readManifests } from "../manifest";
import { mappingOf, objectNamespace } from "../mutate";
import { listAll } from "./get";

export const labelFlags: FlagSpec[] = [
  { name: "overwrite", type: "bool" }, { name: "all", type: "bool" }, { name: "selector", short: "l", type: "string" },
  { name: "field-selector", type: "string" }, { name: "filename", short: "f", type: "array" }, { name: "list", type: "bool" },
  { name: "local", type: "bool" }, { name: "resource-version", type: "string" }, { name: "output", short: "o", type: "string" },
  { name: "dry-run", type: "string", def: "none", noOptDef: "unchanged" }, { name: "all-namespaces", short: "A", type: "bool" },
  { name: "recursive", short: "R", type: "bool" }, { name: "field-manager", type: "string" },
];

export function labelCommand(field: "labels" | "annotations") {
  const verb = field === "labels" ? "labeled" : "annotated";
  const cmd = field === "labels" ? "label" : "annotate";
  return async (k: Kctx): Promise<number> => {
    const f = k.flags;
    const changes = f.args.filter((a) => a.includes("=") || a.endsWith("-"));
    const resArgs = f.args.filter((a) => !changes.includes(a));
    if (!changes.length) throw usage(`at least one ${field === "labels" ? "label" : "annotation"} update is required`, `kubectl ${cmd}`);
    const objs: { path: string; obj?: Obj }[] = [];
    if (list(f, "filename").length) {
      for (const m of await readManifests(k, list(f, "filename"))) { const r = await mappingOf(k, m.obj); objs.push({ path: objectPath(r, objectNamespace(k, r, m.obj), m.obj.metadata.name) }); }
    } else {
      if (!resArgs.length) throw usage("one or more resources must be specified as <resource> <name> or <resource>/<name>", `kubectl ${cmd}`);
      for (const t of await resourceTargets(k, resArgs)) {
        if (t.names.length) for (const n of t.names) objs.push({ path: objectPath(t.resource, k.namespace, n) });
        else for (const o of await listAll(k, t.resource, "application/json")) objs.push({ path: objectPath(t.resource, o.metadata.namespace ?? "", o.metadata.name), obj: o });
      }
    }
    let status = 0;
    for (const { path, obj: listed } of objs) {
      try {
        const obj = listed ?? await k.client.get(path);
        const cur: Record<string, string> = obj.metadata?.[field] ?? {};
        const patch: Record<string, string | null> = {};
        for (const c of changes) {
          if (c.endsWith("-") && !c.includes("=")) {
            const key = c.slice(0, -1);
            if (key in cur) patch[key] = null;
            else if (cmd === "label") await k.out(`label ${JSON.stringify(key)} not found.\n`);
            continue;
          }
          const i = c.indexOf("=");
          const key = c.slice(0, i), value = c.slice(i + 1);
          if (key in cur && cur[key] !== value && !bool(f, "overwrite")) throw fail(`'${key}' already has a value (${cur[key]}), and --overwrite is false`);
          if (cur[key] !== value) patch[key] = value;
        }
        const name = nameOf({ ...obj, apiVersion: obj.apiVersion, kind: obj.kind });
        // annotate always says "annotated"; label says what changed (label.go updateDataChangeMsg:
        // "not labeled" when nothing did, "unlabeled" when the object got shorter without --overwrite).
        if (!Object.keys(patch).length) { await k.out(cmd === "label" ? `${name} not ${verb}\n` : `${name} ${verb}\n`); continue; }
        await k.client.json("PATCH", path + query({ fieldManager: str(f, "field-manager") || `kubectl-${cmd}` }), { body: goJsonCompact({ metadata: { [field]: patch } }), contentType: "application/merge-patch+json" });
        const after: Record<string, string> = { ...cur };
        for (const [key, v] of Object.entries(patch)) if (v === null) delete after[key]; else after[key] = v;
        const shorter = goJsonCompact(after).length < goJsonCompact(cur).length;
        await k.out(`${name} ${cmd === "label" && shorter && !bool(f, "overwrite") ? "unlabeled" : verb}\n`);
      } catch (e) { await k.err(errorText(e)); status = 1; }
    }
    return status;
  };
}
