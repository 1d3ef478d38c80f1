// Column definition helpers: the NAME, AGE, CONTAINERS, IMAGES columns that most upstream
// printers repeat (pkg/printers/internalversion/printers.go AddHandlers).
import { metaV1 } from "./descriptions";
import type { TableColumnDefinition } from "./types";

export function column(name: string, type: string, description: string,
  opts: { format?: string; priority?: number } = {}): TableColumnDefinition {
  return { name, type, format: opts.format ?? "", description, priority: opts.priority ?? 0 };
}

/** {Name: "Name", Type: "string", Format: "name", Description: ObjectMeta name}. */
export const nameColumn = (): TableColumnDefinition =>
  column("Name", "string", metaV1.ObjectMeta.name, { format: "name" });

/** {Name: "Age", Type: "string", Description: ObjectMeta creationTimestamp}. */
export const ageColumn = (): TableColumnDefinition =>
  column("Age", "string", metaV1.ObjectMeta.creationTimestamp);

export const containersColumn = (): TableColumnDefinition =>
  column("Containers", "string", "Names of each container in the template.", { priority: 1 });

export const imagesColumn = (): TableColumnDefinition =>
  column("Images", "string", "Images referenced by each container in the template.", { priority: 1 });
