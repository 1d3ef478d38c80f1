// Printing the server's Table the way kubectl's human-readable printer does: upper-case headers,
// priority-1 columns only with -o wide, a NAMESPACE column with -A, `kind/` name prefixes when
// several types print, -L label columns and --show-labels. Mirrors
// k8s.io/cli-runtime/pkg/printers/tableprinter.go (printTable, printRows, decorateTable).
import type { Obj } from "../client";
import type { TabWriter } from "./tabwriter";

export interface TableOptions {
  wide?: boolean;
  noHeaders?: boolean;
  withNamespace?: boolean;
  /** `deployment.apps`: printed before each name as `deployment.apps/name`. */
  kindPrefix?: string;
  showLabels?: boolean;
  labelColumns?: string[];
}

export function visibleColumns(table: Obj, wide: boolean): number[] {
  const cols: Obj[] = table.columnDefinitions ?? [];
  return cols.map((c, i) => (wide || !c.priority ? i : -1)).filter((i) => i >= 0);
}

export function headerLine(table: Obj, o: TableOptions): string {
  const cols: Obj[] = table.columnDefinitions ?? [];
  const names = visibleColumns(table, !!o.wide).map((i) => String(cols[i]!.name).toUpperCase());
  if (o.withNamespace) names.unshift("NAMESPACE");
  for (const l of o.labelColumns ?? []) names.push(l.split("/").pop()!.toUpperCase());
  if (o.showLabels) names.push("LABELS");
  return names.join("\t") + "\n";
}

export function rowLines(table: Obj, o: TableOptions, columns = table.columnDefinitions as Obj[] | undefined): string {
  const cols = columns ?? [];
  let out = "";
  for (const row of (table.rows ?? []) as Obj[]) {
    const cells: string[] = [];
    const meta = row.object?.metadata ?? {};
    if (o.withNamespace) cells.push(meta.namespace ?? "");
    (row.cells as unknown[]).forEach((cell, i) => {
      const col = cols[i];
      if (!col || (col.priority && !o.wide)) return;
      let text = cellText(cell);
      if (col.format === "name" && o.kindPrefix) text = `${o.kindPrefix}/${text}`;
      cells.push(text);
    });
    const labels: Record<string, string> = meta.labels ?? {};
    for (const l of o.labelColumns ?? []) cells.push(labels[l] ?? "");
    if (o.showLabels) cells.push(formatLabels(labels));
    out += cells.join("\t") + "\n";
  }
  return out;
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") {
    const cut = cell.search(/[\f\n\r]/);
    return cut >= 0 ? cell.slice(0, cut) + "..." : cell;
  }
  if (typeof cell === "object") return JSON.stringify(cell);
  return String(cell);
}

export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (!keys.length) return "<none>";
  return keys.map((k) => `${k}=${labels![k]}`).join(",");
}

/** Print one Table (header unless suppressed or empty) into the tab writer. */
export function printTable(w: TabWriter, table: Obj, o: TableOptions): void {
  if (!(table.rows ?? []).length) return;
  if (!o.noHeaders) w.write(headerLine(table, o));
  w.write(rowLines(table, o));
}
