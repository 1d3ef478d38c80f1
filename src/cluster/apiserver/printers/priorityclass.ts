// PriorityClass printer: the columns and printPriorityClass of
// pkg/printers/internalversion/printers.go (VALUE, GLOBAL-DEFAULT, wide PREEMPTIONPOLICY).
import type { KObject } from "../registry/types";
import { schedulingV1 } from "./descriptions";
import { ageColumn, column, nameColumn } from "./columns";
import { age, int } from "./format";
import type { Printer } from "./types";

const pc = schedulingV1.PriorityClass;

export const priorityClassPrinter: Printer = {
  columns: [
    nameColumn(),
    column("Value", "integer", pc.value),
    column("Global-Default", "boolean", pc.globalDefault),
    ageColumn(),
    column("PreemptionPolicy", "string", pc.preemptionPolicy),
  ],
  cells: (p: KObject, now: Date) => [p.metadata.name, int(p.value), p.globalDefault === true, age(p, now), p.preemptionPolicy ?? ""],
};
