// kubectl get: Tables from the server printed as kubectl's human-readable printer does, or the
// objects through -o printers; lists page with limit=500; --sort-by asks for whole objects;
// errors for missing names come after the output. Mirrors staging/src/k8s.io/kubectl/pkg/cmd/get/get.go.
import { ACCEPT_JSON, ACCEPT_TABLE, type Obj, query, toApiError } from "../client";
import type { Kctx } from "../context";
import { collectionPath, gv, kindPrefix, objectPath, type ApiResource } from "../discovery";
import { ApiError, KubectlError, errorText } from "../errors";
import { type FlagSpec, bool, list, str } from "../flags";
import { objectPrinter } from "../output/printer";
import { TabWriter } from "../output/tabwriter";
import { printTable, type TableOptions } from "../output/table";
import { evalPath } from "../output/jsonpath";
import { resourceTargets, type Target } from "../builder";
import { watchTargets } from "./get-watch";

export const getFlags: FlagSpec[] = [
  { name: "output", short: "o", type: "string" },
  { name: "all-namespaces", short: "A", type: "bool" },
  { name: "selector", short: "l", type: "string" },
  { name: "field-selector", type: "string" },
  { name: "sort-by", type: "string" },
  { name: "show-labels", type: "bool" },
  { name: "label-columns", short: "L", type: "strings" },
  { name: "no-headers", type: "bool" },
  { name: "watch", short: "w", type: "bool" },
  { name: "watch-only", type: "bool" },
  { name: "output-watch-events", type: "bool" },
  { name: "ignore-not-found", type: "bool" },
  { name: "show-kind", type: "bool" },
  { name: "chunk-size", type: "int", def: 500 },
  { name: "template", type: "string" },
  { name: "raw", type: "string" },
  { name: "filename", short: "f", type: "array" },
  { name: "recursive", short: "R", type: "bool" },
  { name: "subresource", type: "string" },
  { name: "allow-missing-template-keys", type: "bool", def: true },
  { name: "show-managed-fields", type: "bool" },
];

const REQUIRED = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
`;

export async function runGet(k: Kctx): Promise<number> {
  const f = k.flags;
  if (f.changed.has("raw")) return rawGet(k);
  if (!f.args.length) throw new KubectlError(REQUIRED);
  const targets = await resourceTargets(k, f.args);
  if (bool(f, "watch") || bool(f, "watch-only")) return watchTargets(k, targets);
  const output = str(f, "output");
  const printer = objectPrinter(output, bool(f, "no-headers"), str(f, "template"));
  const errors: unknown[] = [];
  let written = 0;

  if (printer) {
    const items: Obj[] = [];
    const single = targets.length === 1 && targets[0]!.names.length === 1;
    for (const t of targets) {
      if (t.names.length) {
        for (const name of t.names) {
          try { items.push(stripManaged(k, await k.client.get(objectPath(t.resource, k.namespace, name)))); } catch (e) { errors.push(e); }
        }
      } else {
        try { items.push(...(await listAll(k, t.resource, ACCEPT_JSON)).map((o) => stripManaged(k, o))); } catch (e) { errors.push(e); }
      }
    }
    if (str(f, "sort-by")) sortObjects(items, str(f, "sort-by"));
    const text = single && items.length === 1 ? printer(items[0]!) : (items.length || !errors.length) ? printer({ apiVersion: "v1", items, kind: "List", metadata: { resourceVersion: "" } }) : "";
    written += text.length;
    await k.out(text);
  } else {
    const w = new TabWriter();
    const withKind = targets.length > 1 || bool(f, "show-kind");
    let printedTable = false;
    for (const t of targets) {
      const table = await tableFor(k, t, errors);
      if (!table) continue;
      if (str(f, "sort-by")) table.rows = sortRows(table.rows ?? [], str(f, "sort-by"));
      if (!table.rows?.length) continue;
      let text = w.flush();
      w.resetWidths();
      if (printedTable && !bool(f, "no-headers")) text += "\n";
      if (text) await k.out(text);
      printTable(w, table, tableOptions(k, t.resource, withKind));
      printedTable = true;
    }
    const text = w.flush();
    written += text.length + (printedTable ? 1 : 0);
    await k.out(text);
  }
  const realErrors = errors.filter((e) => !(bool(f, "ignore-not-found") && e instanceof ApiError && e.reason === "NotFound"));
  if (!written && !realErrors.length && !bool(f, "ignore-not-found")) {
    const namespaced = !k.allNamespaces && targets.every((t) => t.resource.namespaced);
    await k.err(namespaced ? `No resources found in ${k.namespace} namespace.\n` : "No resources found\n");
  }
  for (const e of realErrors) await k.err(errorText(e));
  return realErrors.length ? 1 : 0;
}

export function tableOptions(k: Kctx, r: ApiResource, withKind: boolean): TableOptions {
  return {
    wide: str(k.flags, "output") === "wide",
    noHeaders: bool(k.flags, "no-headers"),
    withNamespace: k.allNamespaces && r.namespaced,
    kindPrefix: withKind ? kindPrefix(r) : undefined,
    showLabels: bool(k.flags, "show-labels"),
    labelColumns: list(k.flags, "label-columns"),
  };
}

/** One Table for a target: the list, or the named objects' rows merged. */
async function tableFor(k: Kctx, t: Target, errors: unknown[]): Promise<Obj | undefined> {
  const sortBy = !!str(k.flags, "sort-by");
  if (!t.names.length) {
    try {
      return await listTable(k, t.resource, sortBy);
    } catch (e) { errors.push(e); return undefined; }
  }
  let merged: Obj | undefined;
  for (const name of t.names) {
    try {
      const tbl = await k.client.get(objectPath(t.resource, k.namespace, name) + (sortBy ? "?includeObject=Object" : ""), ACCEPT_TABLE);
      if (!merged) merged = tbl;
      else merged.rows = [...merged.rows, ...(tbl.rows ?? [])];
    } catch (e) { errors.push(e); }
  }
  return merged;
}

export function listParams(k: Kctx): Record<string, string | undefined> {
  return { labelSelector: str(k.flags, "selector") || undefined, fieldSelector: str(k.flags, "field-selector") || undefined };
}

export function listPath(k: Kctx, r: ApiResource): string {
  return collectionPath(r, k.allNamespaces ? undefined : k.namespace);
}

async function listTable(k: Kctx, r: ApiResource, sortBy: boolean): Promise<Obj> {
  const params = { ...listParams(k), ...(sortBy ? { includeObject: "Object" } : { limit: String(k.flags.flags["chunk-size"] ?? 500) }) };
  let table = await k.client.get(listPath(k, r) + query(params), ACCEPT_TABLE);
  while (table.metadata?.continue && !sortBy) {
    const next = await k.client.get(listPath(k, r) + query({ ...params, continue: table.metadata.continue }), ACCEPT_TABLE);
    next.rows = [...(table.rows ?? []), ...(next.rows ?? [])];
    table = next;
  }
  return table;
}

/** Every item of a collection, paging with continue; items carry kind and apiVersion. */
export async function listAll(k: Kctx, r: ApiResource, accept: string): Promise<Obj[]> {
  const items: Obj[] = [];
  let cont: string | undefined;
  do {
    const l = await k.client.get(listPath(k, r) + query({ ...listParams(k), limit: "500", continue: cont }), accept);
    for (const it of l.items ?? []) items.push({ apiVersion: gv(r), kind: r.kind, ...it });
    cont = l.metadata?.continue || undefined;
  } while (cont);
  return items;
}

function stripManaged(k: Kctx, o: Obj): Obj {
  if (bool(k.flags, "show-managed-fields") || !o.metadata?.managedFields) return o;
  const { managedFields: _m, ...meta } = o.metadata;
  return { ...o, metadata: meta };
}

function sortKey(path: string): string {
  const p = path.replace(/^\{|\}$/g, "");
  return p.startsWith(".") ? p : "." + p;
}

function compareValues(a: unknown, b: unknown): number {
  if (a === null) a = undefined;
  if (b === null) b = undefined;
  if (a === undefined) return b === undefined ? 0 : -1;
  if (b === undefined) return 1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  const as = typeof a === "object" ? JSON.stringify(a) : String(a);
  const bs = typeof b === "object" ? JSON.stringify(b) : String(b);
  return as < bs ? -1 : as > bs ? 1 : 0;
}

export function sortRows(rows: Obj[], by: string): Obj[] {
  const p = sortKey(by);
  return [...rows].sort((x, y) => compareValues(evalPath(p, x.object)[0], evalPath(p, y.object)[0]));
}

function sortObjects(items: Obj[], by: string): void {
  const p = sortKey(by);
  items.sort((x, y) => compareValues(evalPath(p, x)[0], evalPath(p, y)[0]));
}

/** get --raw PATH: the server's answer to a GET of PATH, as is (rawhttp.RawGet). */
async function rawGet(k: Kctx): Promise<number> {
  const f = k.flags;
  if (f.args.length) throw new KubectlError("error: arguments may not be passed when --raw is specified\n");
  if (str(f, "output")) throw new KubectlError("error: --raw and --output are mutually exclusive\n");
  const path = str(f, "raw");
  const res = await k.env.transport.request("GET", path.startsWith("/") ? path : `/${path}`, { headers: { accept: "application/json, */*" } });
  if (!res.ok) throw await toApiError(res);
  await k.out(await res.text());
  return 0;
}
