// PodDisruptionBudget printer: the columns and printPodDisruptionBudget of
// pkg/printers/internalversion/printers.go (MIN AVAILABLE / MAX UNAVAILABLE or N/A,
// ALLOWED DISRUPTIONS).
import type { KObject } from "../registry/types";
import { ageColumn, column, nameColumn } from "./columns";
import { age, int, intOrString } from "./format";
import type { Printer } from "./types";

const orNA = (v: number | string | undefined | null) => (v === undefined || v === null ? "N/A" : intOrString(v));

export const podDisruptionBudgetPrinter: Printer = {
  columns: [
    nameColumn(),
    column("Min Available", "string", "The minimum number of pods that must be available."),
    column("Max Unavailable", "string", "The maximum number of pods that may be unavailable."),
    column("Allowed Disruptions", "integer", "Calculated number of pods that may be disrupted at this time."),
    ageColumn(),
  ],
  cells: (p: KObject, now: Date) => [
    p.metadata.name, orNA(p.spec?.minAvailable), orNA(p.spec?.maxUnavailable), int(p.status?.disruptionsAllowed), age(p, now),
  ],
};
