// Shared pieces of the commands that write: the object's resource and namespace, kubectl's
// `kind.group/name verb` lines, dry-run handling and printing an object with -o.
// Mirrors kubectl's cmd/util (PrintFlagsWithDryRunStrategy, GetDryRunStrategy) and
// cli-runtime's NamePrinter ("%s/%s %s").
import { goJsonInOrder } from "./output/json";
import { inStructOrder } from "./output/struct-order";
import type { Obj } from "./client";
import type { Kctx } from "./context";
import { type ApiResource, kindPrefix, resourceForKind } from "./discovery";
import { fail } from "./errors";
import { type FlagSpec, str } from "./flags";
import { nameOf, objectPrinter } from "./output/printer";

export const dryRunFlags: FlagSpec[] = [
  { name: "dry-run", type: "string", def: "none", noOptDef: "unchanged" },
  { name: "output", short: "o", type: "string" },
  { name: "template", type: "string" },
  { name: "show-managed-fields", type: "bool" },
];

export type DryRun = "none" | "client" | "server";

export function dryRun(k: Kctx): DryRun {
  const v = str(k.flags, "dry-run");
  if (v === "none" || v === "" || v === "false") return "none";
  if (v === "client" || v === "true" || v === "unchanged") return "client";
  if (v === "server") return "server";
  throw fail(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

/** What kubectl appends to an operation's word under --dry-run. */
export function dryRunSuffix(mode: DryRun): string {
  return mode === "client" ? " (dry run)" : mode === "server" ? " (server dry run)" : "";
}

/**
 * Print `kind.group/name verb` (with the dry-run suffix), or the object with -o. `typed`: the
 * object is a typed one (a generator's), so -o json writes its keys in Go struct order.
 */
export async function printResult(k: Kctx, obj: Obj, verb: string, mode: DryRun = "none", typed = false): Promise<void> {
  if (typed && str(k.flags, "output") === "json") { await k.out(goJsonInOrder(inStructOrder(obj)) + "\n"); return; }
  const printer = objectPrinter(str(k.flags, "output"), false, str(k.flags, "template"));
  if (printer && str(k.flags, "output") !== "name") { await k.out(printer(obj)); return; }
  await k.out(`${nameOf(obj)} ${verb}${dryRunSuffix(mode)}\n`);
}

export async function mappingOf(k: Kctx, obj: Obj): Promise<ApiResource> {
  return resourceForKind(await k.discovery(), String(obj.apiVersion), String(obj.kind));
}

/** The namespace an object goes to: its own, else -n / the context's; a mismatch with -n fails. */
export function objectNamespace(k: Kctx, r: ApiResource, obj: Obj): string {
  if (!r.namespaced) return "";
  const own = obj.metadata?.namespace;
  if (own && k.explicitNamespace && own !== k.namespace) {
    throw fail(`the namespace from the provided object "${own}" does not match the namespace "${k.namespace}". You must pass '--namespace=${own}' to perform this operation.`);
  }
  return own || k.namespace;
}

export const prefixOf = kindPrefix;

/** Query parameters of a write: dryRun=All on the server, the field manager, validation. */
export function writeQuery(mode: DryRun, extra: Record<string, string | undefined>): Record<string, string | undefined> {
  return { ...(mode === "server" ? { dryRun: "All" } : {}), ...extra };
}
