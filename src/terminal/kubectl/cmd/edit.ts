// kubectl edit: the objects (one, or a List of several) as YAML behind kubectl's header comment,
// opened in the terminal's editor; an unchanged or empty file cancels, otherwise each changed
// object gets a merge patch of the edited fields and `pod/nginx edited`. A syntax error or an
// Invalid answer reopens the file with the reasons in the header; other failures keep the file
// and stop. Without an editor on the environment the command fails.
// Mirrors kubectl pkg/cmd/edit/edit.go and pkg/cmd/util/editor/editoptions.go (Run, visitToPatch,
// editResults.addError).
import { parseAllDocuments } from "yaml";
import { patchMetaLookup } from "../../../cluster/apiserver/openapi/index";
import { type Obj, query } from "../client";
import { threeWayMergePatch } from "../three-way";
import type { Kctx } from "../context";
import { kindPrefix, objectPath, type ApiResource } from "../discovery";
import { ApiError, fail } from "../errors";
import { type FlagSpec, str } from "../flags";
import { resourceTargets } from "../builder";
import { goJsonCompact } from "../output/json";
import { toYaml } from "../output/yaml";
import { NO_RESOURCES } from "./patch";
import { type EditReason, editFileName, editHeader, hasLines, manualStrip, stripComments } from "../../editor/edit-file";

export const editFlags: FlagSpec[] = [
  { name: "output", short: "o", type: "string", def: "yaml" }, { name: "filename", short: "f", type: "array" },
  { name: "recursive", short: "R", type: "bool" }, { name: "windows-line-endings", type: "bool" },
  { name: "save-config", type: "bool" }, { name: "validate", type: "string", def: "strict", noOptDef: "strict" },
  { name: "field-manager", type: "string", def: "kubectl-edit" }, { name: "subresource", type: "string" },
  { name: "show-managed-fields", type: "bool" },
];

/** JSON merge patch turning `a` into `b` (jsonmergepatch.CreateThreeWayJSONMergePatch with no deletions lost). */
function mergePatch(a: unknown, b: unknown): unknown {
  if (!a || !b || typeof a !== "object" || typeof b !== "object" || Array.isArray(a) || Array.isArray(b)) return b;
  const out: Obj = {};
  for (const key of Object.keys(a)) if (!(key in (b as Obj))) out[key] = null;
  for (const [key, v] of Object.entries(b as Obj)) {
    const old = (a as Obj)[key];
    if (goJsonCompact(old) === goJsonCompact(v)) continue;
    out[key] = old && typeof old === "object" && !Array.isArray(old) && v && typeof v === "object" && !Array.isArray(v) ? mergePatch(old, v) : v;
  }
  return out;
}

function stripManaged(o: Obj): Obj {
  if (!o.metadata?.managedFields) return o;
  const { managedFields: _m, ...metadata } = o.metadata;
  return { ...o, metadata };
}

/** What one save did (editResults): objects to edit again, and failures that end the command. */
interface EditResults { reasons: EditReason[]; edit: number; retryable: number; notfound: number }

/** The objects of the saved file: documents, Lists flattened (the builder's Stream + Flatten). */
function editedObjects(file: string): Obj[] {
  const out: Obj[] = [];
  for (const doc of parseAllDocuments(file)) {
    if ("errors" in doc && doc.errors.length) {
      const e = doc.errors[0]!;
      throw new Error(`error converting YAML to JSON: yaml: line ${e.linePos?.[0]?.line ?? 0}: ${e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`);
    }
    const o = doc.toJS() as Obj | null;
    if (!o) continue;
    if (typeof o !== "object" || Array.isArray(o)) throw new Error("error converting YAML to JSON: the edited file is not an object");
    if (String(o.kind).endsWith("List") && Array.isArray(o.items)) out.push(...(o.items as Obj[]));
    else out.push(o);
  }
  return out;
}

export async function runEdit(k: Kctx): Promise<number> {
  const editor = k.env.editor;
  if (!k.flags.args.length) throw fail(NO_RESOURCES);
  const objs: { r: ApiResource; obj: Obj }[] = [];
  for (const t of await resourceTargets(k, k.flags.args)) {
    if (!t.names.length) throw fail("resource(s) were provided, but no name was specified");
    for (const n of t.names) objs.push({ r: t.resource, obj: stripManaged(await k.client.get(objectPath(t.resource, k.namespace, n))) });
  }
  if (!objs.length) throw fail("edit cancelled, no objects found");
  if (!editor) throw fail("this terminal has no editor (EDITOR is not available); change objects with kubectl patch, kubectl set or kubectl apply");
  const originalObj = objs.length === 1 ? objs[0]!.obj : { apiVersion: "v1", items: objs.map((o) => o.obj), kind: "List", metadata: {} };
  const file = editFileName(objs.map((o) => o.obj.metadata?.uid ?? o.obj.metadata?.name).join(","));
  const original = editHeader([]) + toYaml(originalObj);
  let edited = "";
  let reasons: EditReason[] = [];
  let containsError = false;
  const preserved = async (msg: string) => {
    await k.err(`A copy of your changes has been stored to "${file}"\n`);
    return fail(msg);
  };
  for (;;) {
    const buf = editHeader(reasons) + (containsError ? manualStrip(edited) : toYaml(originalObj));
    const previous = edited;
    // Quitting without saving leaves the file as it was written.
    edited = (await editor(file, buf)) ?? buf;
    if (containsError && stripComments(previous) === stripComments(edited)) throw await preserved("Edit cancelled, no valid changes were saved.");
    if (stripComments(original) === stripComments(edited)) { await k.err("Edit cancelled, no changes made.\n"); return 0; }
    if (!hasLines(edited)) { await k.err("Edit cancelled, saved file was empty.\n"); return 0; }
    let updated: Obj[];
    try { updated = editedObjects(edited); } catch (e) {
      containsError = true;
      reasons = [{ head: `The edited file had a syntax error: ${(e as Error).message}` }];
      continue;
    }
    containsError = false;
    const results: EditResults = { reasons: [], edit: 0, retryable: 0, notfound: 0 };
    for (const obj of updated) {
      const err = await visitToPatch(k, objs, obj, results);
      if (err) throw await preserved(err);
    }
    if (results.retryable) { await k.err(`You can run \`kubectl replace -f ${file}\` to try this update again.\n`); return 1; }
    if (results.notfound) { await k.err(`The edits you made on deleted resources have been saved to "${file}"\n`); return 1; }
    if (!results.edit) return 0;
    reasons = results.reasons;
    containsError = reasons.length > 0;
  }
}

/** Patch one edited object against its original (matched by uid); returns an error that ends the command. */
async function visitToPatch(k: Kctx, originals: { r: ApiResource; obj: Obj }[], edited: Obj, results: EditResults): Promise<string | undefined> {
  const uid = edited.metadata?.uid;
  const orig = originals.find((o) => o.obj.metadata?.uid === uid);
  if (!orig) return `no original object found for ${edited.kind ?? "object"} "${edited.metadata?.name ?? ""}"`;
  const { r, obj: original } = orig;
  const name = String(original.metadata.name);
  if (goJsonCompact(original) === goJsonCompact(edited)) { await k.out(`${kindPrefix(r)}/${name} skipped\n`); return undefined; }
  if (edited.apiVersion !== original.apiVersion || edited.kind !== original.kind || edited.metadata?.name !== name) return "At least one of apiVersion, kind and name was changed";
  // Built-in kinds get a strategic merge patch (lists merged by their keys), as
  // strategicpatch.CreateTwoWayMergePatch in editoptions.go; kinds without patch metadata a
  // JSON merge patch.
  const [group, version] = String(original.apiVersion).includes("/") ? String(original.apiVersion).split("/") : ["", String(original.apiVersion)];
  const lookup = patchMetaLookup(group!, version!, String(original.kind));
  const strategic = lookup(["metadata"]) !== undefined;
  const patch = strategic ? threeWayMergePatch(original, edited, original, lookup) : mergePatch(original, edited) as Obj;
  try {
    await k.client.json("PATCH", objectPath(r, original.metadata.namespace ?? k.namespace, name) + query({ fieldManager: str(k.flags, "field-manager"), fieldValidation: "Strict" }),
      { body: goJsonCompact(patch), contentType: strategic ? "application/strategic-merge-patch+json" : "application/merge-patch+json" });
  } catch (e) {
    await k.err(addError(e, r, name, results) + "\n");
    return undefined;
  }
  await k.out(`${kindPrefix(r)}/${name} edited\n`);
  return undefined;
}

/** editResults.addError: an Invalid object is edited again with its causes in the header. */
function addError(e: unknown, r: ApiResource, name: string, results: EditResults): string {
  const resource = r.group ? `${r.resource}.${r.group}` : r.resource;
  if (e instanceof ApiError && e.reason === "Invalid") {
    results.edit++;
    results.reasons.push({ head: `${resource} ${JSON.stringify(name)} was not valid`, other: (e.status.details?.causes ?? []).map((c) => `${c.field ?? ""}: ${c.message ?? ""}`) });
    return `error: ${resource} ${JSON.stringify(name)} is invalid`;
  }
  if (e instanceof ApiError && e.reason === "NotFound") {
    results.notfound++;
    return `error: ${resource} ${JSON.stringify(name)} could not be found on the server`;
  }
  results.retryable++;
  return `error: ${resource} ${JSON.stringify(name)} could not be patched: ${e instanceof Error ? e.message : String(e)}`;
}
