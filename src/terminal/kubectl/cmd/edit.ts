// kubectl edit: the objects as YAML behind kubectl's header comment, handed to the terminal's
// editor; comments stripped, an empty file or no change cancels, otherwise a merge patch of the
// edited fields and `pod/nginx edited`. Without an editor on the environment the command fails.
// Mirrors kubectl pkg/cmd/edit/edit.go and pkg/cmd/util/editor/editoptions.go.
import { parse as parseYaml } from "yaml";
import { type Obj, query } from "../client";
import type { Kctx } from "../context";
import type { KubectlEnv } from "../../types";
import { kindPrefix, objectPath, type ApiResource } from "../discovery";
import { errorText, fail } from "../errors";
import { type FlagSpec, str } from "../flags";
import { resourceTargets } from "../builder";
import { goJsonCompact } from "../output/json";
import { toYaml } from "../output/yaml";
import { NO_RESOURCES } from "./patch";

/** The terminal's in-place editor: resolves with the saved text, or undefined when the user quits. */
export type KubectlEditor = (fileName: string, text: string) => Promise<string | undefined>;
/** KubectlEnv with the optional editor the web session provides (src/terminal/types.ts lacks it). */
export interface KubectlEnvWithEditor extends KubectlEnv { editor?: KubectlEditor }

export const editFlags: FlagSpec[] = [
  { name: "output", short: "o", type: "string", def: "yaml" }, { name: "filename", short: "f", type: "array" },
  { name: "recursive", short: "R", type: "bool" }, { name: "windows-line-endings", type: "bool" },
  { name: "save-config", type: "bool" }, { name: "validate", type: "string", def: "strict", noOptDef: "strict" },
  { name: "field-manager", type: "string", def: "kubectl-edit" }, { name: "subresource", type: "string" },
  { name: "show-managed-fields", type: "bool" },
];

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

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

export async function runEdit(k: Kctx): Promise<number> {
  const editor = (k.env as KubectlEnvWithEditor).editor;
  if (!k.flags.args.length) throw fail(NO_RESOURCES);
  const objs: { r: ApiResource; obj: Obj }[] = [];
  for (const t of await resourceTargets(k, k.flags.args)) {
    if (!t.names.length) throw fail("resource(s) were provided, but no name was specified");
    for (const n of t.names) objs.push({ r: t.resource, obj: await k.client.get(objectPath(t.resource, k.namespace, n)) });
  }
  if (!editor) throw fail("this terminal has no editor yet (EDITOR is not available); change objects with kubectl patch, kubectl set or kubectl apply");
  let status = 0;
  for (const { r, obj } of objs) {
    const original = stripManaged(obj);
    const saved = await editor(`/tmp/kubectl-edit-${obj.metadata.name}.yaml`, HEADER + toYaml(original));
    const text = (saved ?? "").split("\n").filter((l) => !l.startsWith("#")).join("\n");
    if (!text.trim()) { await k.err("Edit cancelled, no valid changes were saved.\n"); continue; }
    let edited: Obj;
    try { edited = parseYaml(text) as Obj; } catch (e) { await k.err(`error: error parsing edited object: ${(e as Error).message.split("\n")[0]}\n`); status = 1; continue; }
    const patch = mergePatch(original, edited) as Obj;
    if (!Object.keys(patch).length) { await k.err("Edit cancelled, no changes made.\n"); continue; }
    try {
      await k.client.json("PATCH", objectPath(r, obj.metadata.namespace ?? k.namespace, obj.metadata.name) + query({ fieldManager: str(k.flags, "field-manager"), fieldValidation: "Strict" }),
        { body: goJsonCompact(patch), contentType: "application/merge-patch+json" });
      await k.out(`${kindPrefix(r)}/${obj.metadata.name} edited\n`);
    } catch (e) { await k.err(errorText(e)); status = 1; }
  }
  return status;
}
