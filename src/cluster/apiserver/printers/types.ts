// The shapes of server-side printing: one Printer per resource gives the Table's column
// definitions and the cells of one row (metav1.TableColumnDefinition / metav1.TableRow of
// staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go, and the handlers registered by
// pkg/printers/internalversion/printers.go). Shared by the API server's Table answers and the
// terminal's kubectl.
import type { KObject } from "../registry/types";

/** metav1.TableColumnDefinition: every field is always serialized (no omitempty upstream). */
export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

/** metav1.TableRowCondition (only `Completed` is defined upstream). */
export interface TableRowCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

export interface Printer {
  /** All columns, priority 1 included: the API server always prints wide (pkg/printers/storage). */
  columns: TableColumnDefinition[];
  /** One cell per column, in column order: strings, integers (numbers) or booleans, as upstream. */
  cells(obj: KObject, now: Date): unknown[];
  /** Row conditions upstream attaches (pods: Completed for Succeeded/Failed); absent when none. */
  conditions?(obj: KObject): TableRowCondition[] | undefined;
}
