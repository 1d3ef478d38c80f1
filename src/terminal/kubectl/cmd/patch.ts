// kubectl patch (-p / --patch-file, --type strategic|merge|json; `patched` or `patched (no
// change)`) and kubectl replace -f (PUT with the live resourceVersion, `replaced`).
// Mirrors kubectl pkg/cmd/patch/patch.go and pkg/cmd/replace/replace.go, and
// cli-runtime resource.Helper.Replace (overwrite: the current resourceVersion is used).
import { parse as parseYaml } from "yaml";
import { type Obj, query } from "../client";
import type { Kctx } from "../context";
import { objectPath } from "../discovery";
import { ApiError, errorText, fail } from "../errors";
import { type FlagSpec, list, str } from "../flags";
import { readManifests } from "../manifest";
import { goJsonCompact } from "../output/json";
import { dryRun, dryRunFlags, mappingOf, objectNamespace, printResult } from "../mutate";
import { resourceTargets } from "../builder";
import { resolvePath } from "../../../shell/fs";

export const patchFlags: FlagSpec[] = [
  ...dryRunFlags,
  { name: "patch", short: "p", type: "string" }, { name: "patch-file", type: "string" },
  { name: "type", type: "string", def: "strategic" }, { name: "filename", short: "f", type: "array" },
  { name: "recursive", short: "R", type: "bool" }, { name: "local", type: "bool" },
  { name: "field-manager", type: "string", def: "kubectl-patch" }, { name: "subresource", type: "string" },
];

const TYPES: Record<string, string> = {
  json: "application/json-patch+json", merge: "application/merge-patch+json", strategic: "application/strategic-merge-patch+json",
};

export const NO_RESOURCES = `You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`;

export async function runPatch(k: Kctx): Promise<number> {
  const f = k.flags;
  const p = str(f, "patch"), file = str(f, "patch-file");
  if (p && file) throw fail("cannot specify --patch and --patch-file together");
  if (!p && !file) throw fail("must specify --patch or --patch-file containing the contents of the patch");
  const type = str(f, "type").toLowerCase();
  const contentType = TYPES[type];
  if (!contentType) throw fail(`--type must be one of [json merge strategic], not ${JSON.stringify(str(f, "type"))}`);
  let text = p;
  if (file) {
    const r = k.sh.fs.readFile(resolvePath(k.sh.cwd, file));
    if (!r.ok) throw fail(`unable to read patch file: open ${file}: no such file or directory`);
    text = r.value;
  }
  let body: unknown;
  try { body = parseYaml(text); } catch (e) { throw fail(`unable to parse ${JSON.stringify(text)}: yaml: ${(e as Error).message.split("\n")[0]}`); }
  const mode = dryRun(k);
  const items: { path: string }[] = [];
  if (list(f, "filename").length) {
    for (const m of await readManifests(k, list(f, "filename"))) { const r = await mappingOf(k, m.obj); items.push({ path: objectPath(r, objectNamespace(k, r, m.obj), m.obj.metadata.name) }); }
  } else {
    if (!f.args.length) throw fail(NO_RESOURCES);
    for (const t of await resourceTargets(k, f.args)) {
      if (!t.names.length) throw fail(`resource(s) were provided, but no name was specified`);
      for (const n of t.names) items.push({ path: objectPath(t.resource, k.namespace, n) });
    }
  }
  let status = 0;
  for (const it of items) {
    try {
      const before = await k.client.get(it.path);
      if (mode === "client") { await printResult(k, before, "patched", mode); continue; }
      const sub = str(f, "subresource");
      const after = await k.client.json("PATCH", it.path + (sub ? `/${sub}` : "") + query({ ...(mode === "server" ? { dryRun: "All" } : {}), fieldManager: str(f, "field-manager") }),
        { body: goJsonCompact(body), contentType }).catch((e) => {
        if (e instanceof ApiError && e.code === 415) throw fail(`${contentType} is not supported by ${before.apiVersion.includes("/") ? before.apiVersion : `/${before.apiVersion}`}, Kind=${before.kind}: ${e.status.message}`);
        throw e;
      });
      const changed = goJsonCompact(before) !== goJsonCompact(after);
      await printResult(k, { ...after, apiVersion: before.apiVersion, kind: before.kind }, changed ? "patched" : "patched (no change)", mode);
    } catch (e) { await k.err(errorText(e)); status = 1; }
  }
  return status;
}

export const replaceFlags: FlagSpec[] = [
  ...dryRunFlags,
  { name: "filename", short: "f", type: "array" }, { name: "recursive", short: "R", type: "bool" },
  { name: "force", type: "bool" }, { name: "grace-period", type: "int", def: -1 }, { name: "cascade", type: "string", def: "background" },
  { name: "timeout", type: "string" }, { name: "wait", type: "bool" }, { name: "save-config", type: "bool" },
  { name: "validate", type: "string", def: "strict", noOptDef: "strict" }, { name: "field-manager", type: "string", def: "kubectl-replace" },
  { name: "raw", type: "string" }, { name: "subresource", type: "string" },
];

export async function runReplace(k: Kctx): Promise<number> {
  const f = k.flags;
  if (f.changed.has("grace-period") && !f.changed.has("force")) throw fail("--grace-period must have --force specified");
  if (f.changed.has("timeout") && !f.changed.has("force")) throw fail("--timeout must have --force specified");
  if (!list(f, "filename").length) throw fail("must specify --filename to replace");
  if (f.flags.force === true) throw fail("replace --force is not supported in this terminal; delete the object and create it again");
  const mode = dryRun(k);
  let status = 0;
  for (const m of await readManifests(k, list(f, "filename"))) {
    try {
      const r = await mappingOf(k, m.obj);
      const ns = objectNamespace(k, r, m.obj);
      const obj: Obj = { ...m.obj, metadata: { ...m.obj.metadata, ...(r.namespaced ? { namespace: ns } : {}) } };
      if (mode === "client") { await printResult(k, obj, "replaced", mode); continue; }
      const wrap = (e: unknown) => { throw e instanceof ApiError ? e.wrap(`error when replacing "${m.source}": `) : e; };
      const path = objectPath(r, ns, obj.metadata.name);
      if (!obj.metadata.resourceVersion) {
        const cur = await k.client.get(path).catch(wrap);
        obj.metadata.resourceVersion = cur.metadata?.resourceVersion;
      }
      const res = await k.client.json("PUT", path + query({ ...(mode === "server" ? { dryRun: "All" } : {}), fieldManager: str(f, "field-manager"), fieldValidation: "Strict" }), { body: goJsonCompact(obj) }).catch(wrap);
      await printResult(k, { ...res, apiVersion: obj.apiVersion, kind: obj.kind }, "replaced", mode);
    } catch (e) { await k.err(errorText(e)); status = 1; }
  }
  return status;
}
