// Secret printer: the columns and printSecret of pkg/printers/internalversion/printers.go
// (TYPE, DATA as the number of keys).
import type { KObject } from "../registry/types";
import { coreV1 } from "./descriptions";
import { ageColumn, column, nameColumn } from "./columns";
import { age } from "./format";
import type { Printer } from "./types";

export const secretPrinter: Printer = {
  columns: [nameColumn(), column("Type", "string", coreV1.Secret.type), column("Data", "string", coreV1.Secret.data), ageColumn()],
  cells: (s: KObject, now: Date) => [
    s.metadata.name, s.type ?? "", s.data && typeof s.data === "object" ? Object.keys(s.data).length : 0, age(s, now),
  ],
};
