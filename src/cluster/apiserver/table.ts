// Server-side printing: meta.k8s.io/v1 Table responses for `kubectl get`, built from the shared
// printers (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/response.go, rest/table.go).
import type { ResourceInfo } from "./resources";
import type { KObject } from "./registry/types";
import { printerFor } from "./printers";

export type IncludeObject = "None" | "Metadata" | "Object";

/** Whether the Accept header asks for a Table (as=Table;g=meta.k8s.io;v=v1 or v1beta1). */
export function wantsTable(accept: string | null): "v1" | "v1beta1" | undefined {
  if (!accept) return undefined;
  for (const part of accept.split(",")) {
    const p = part.replace(/\s+/g, "");
    if (p.includes("as=Table") && p.includes("g=meta.k8s.io")) return p.includes("v=v1beta1") ? "v1beta1" : "v1";
  }
  return undefined;
}

function rowObject(obj: KObject, include: IncludeObject, gv: string) {
  if (include === "None") return undefined;
  if (include === "Object") return obj;
  return { kind: "PartialObjectMetadata", apiVersion: gv, metadata: obj.metadata };
}

export interface TableMeta { resourceVersion?: string; continue?: string; remainingItemCount?: number }

export function toTable(ri: ResourceInfo, objects: KObject[], now: Date, opts: {
  include: IncludeObject; meta: TableMeta; withColumns?: boolean; version?: "v1" | "v1beta1";
}): Record<string, unknown> {
  const printer = printerFor(ri.group, ri.resource);
  const gv = `meta.k8s.io/${opts.version ?? "v1"}`;
  const metadata: Record<string, unknown> = {};
  if (opts.meta.resourceVersion !== undefined) metadata.resourceVersion = opts.meta.resourceVersion;
  if (opts.meta.continue) metadata.continue = opts.meta.continue;
  if (opts.meta.remainingItemCount !== undefined) metadata.remainingItemCount = opts.meta.remainingItemCount;
  return {
    kind: "Table", apiVersion: gv, metadata,
    columnDefinitions: opts.withColumns === false ? null : printer.columns,
    rows: objects.map((o) => {
      const row: Record<string, unknown> = { cells: printer.cells(o, now) };
      const conditions = printer.conditions?.(o);
      if (conditions?.length) row.conditions = conditions;
      const ro = rowObject(o, opts.include, gv);
      if (ro) row.object = ro;
      return row;
    }),
  };
}

export function parseIncludeObject(v: string | null): IncludeObject {
  return v === "None" || v === "Object" ? v : "Metadata";
}
