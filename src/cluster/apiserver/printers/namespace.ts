// Namespace printer: the columns and printNamespace of pkg/printers/internalversion/printers.go.
import type { KObject } from "../registry/types";
import { ageColumn, column, nameColumn } from "./columns";
import { age } from "./format";
import type { Printer } from "./types";

export const namespacePrinter: Printer = {
  columns: [nameColumn(), column("Status", "string", "The status of the namespace"), ageColumn()],
  cells: (ns: KObject, now: Date) => [ns.metadata.name, ns.status?.phase ?? "", age(ns, now)],
};
