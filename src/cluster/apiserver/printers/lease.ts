// Lease printer: the columns and printLease of pkg/printers/internalversion/printers.go (HOLDER).
import type { KObject } from "../registry/types";
import { coordinationV1 } from "./descriptions";
import { ageColumn, column, nameColumn } from "./columns";
import { age } from "./format";
import type { Printer } from "./types";

export const leasePrinter: Printer = {
  columns: [nameColumn(), column("Holder", "string", coordinationV1.LeaseSpec.holderIdentity), ageColumn()],
  cells: (l: KObject, now: Date) => [l.metadata.name, l.spec?.holderIdentity ?? "", age(l, now)],
};
