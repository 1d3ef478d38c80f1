// The default Table for resources without a printer: NAME and CREATED AT (an RFC 3339 UTC
// timestamp), as defaultTableConvertor in staging/src/k8s.io/apiserver/pkg/registry/rest/table.go.
import type { KObject } from "../registry/types";
import { metaV1 } from "./descriptions";
import { column } from "./columns";
import { parseTime } from "./duration";
import type { Printer } from "./types";

/** metav1.Time.UTC().Format(time.RFC3339): whole seconds, "Z"; Go's zero time when unset. */
export function rfc3339(ts: string | undefined | null): string {
  const t = parseTime(ts);
  return t === undefined ? "0001-01-01T00:00:00Z" : new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export const defaultPrinter: Printer = {
  columns: [
    column("Name", "string", metaV1.ObjectMeta.name, { format: "name" }),
    column("Created At", "date", metaV1.ObjectMeta.creationTimestamp),
  ],
  cells: (obj: KObject) => [obj.metadata.name, rfc3339(obj.metadata.creationTimestamp)],
};
