// ConfigMap printer: the columns and printConfigMap of pkg/printers/internalversion/printers.go
// (DATA counts data and binaryData keys).
import type { KObject } from "../registry/types";
import { coreV1 } from "./descriptions";
import { ageColumn, column, nameColumn } from "./columns";
import { age } from "./format";
import type { Printer } from "./types";

const keys = (m: unknown) => (m && typeof m === "object" ? Object.keys(m).length : 0);

export const configMapPrinter: Printer = {
  columns: [nameColumn(), column("Data", "string", coreV1.ConfigMap.data), ageColumn()],
  cells: (cm: KObject, now: Date) => [cm.metadata.name, keys(cm.data) + keys(cm.binaryData), age(cm, now)],
};
