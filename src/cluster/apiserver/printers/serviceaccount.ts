// ServiceAccount printer: the columns and printServiceAccount of
// pkg/printers/internalversion/printers.go (SECRETS as the number of listed secrets).
import type { KObject } from "../registry/types";
import { coreV1 } from "./descriptions";
import { ageColumn, column, nameColumn } from "./columns";
import { age } from "./format";
import type { Printer } from "./types";

export const serviceAccountPrinter: Printer = {
  columns: [nameColumn(), column("Secrets", "string", coreV1.ServiceAccount.secrets), ageColumn()],
  cells: (sa: KObject, now: Date) => [sa.metadata.name, Array.isArray(sa.secrets) ? sa.secrets.length : 0, age(sa, now)],
};
