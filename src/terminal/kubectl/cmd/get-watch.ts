// kubectl get -w / --watch-only: print the list (unless --watch-only), then one row per watch
// event with the header's column widths remembered; a named object watches its collection with a
// metadata.name field selector from resourceVersion 0 and drops the synthetic first event.
// Streams until the server closes or the shell interrupts the command.
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/get/get.go (watch).
import { ACCEPT_JSON, ACCEPT_TABLE, type Obj, query, readLines } from "../client";
import type { Kctx } from "../context";
import { objectPath } from "../discovery";
import { fail } from "../errors";
import { bool, str } from "../flags";
import { objectPrinter } from "../output/printer";
import { TabWriter } from "../output/tabwriter";
import { headerLine, rowLines } from "../output/table";
import type { Target } from "../builder";
import { listParams, listPath, tableOptions } from "./get";

export async function watchTargets(k: Kctx, targets: Target[]): Promise<number> {
  if (targets.length !== 1 || targets[0]!.names.length > 1) throw fail("watch is only supported on individual resources and resource collections, but 2 resources were found");
  const t = targets[0]!;
  const printer = objectPrinter(str(k.flags, "output"), bool(k.flags, "no-headers"), str(k.flags, "template"));
  const accept = printer ? ACCEPT_JSON : ACCEPT_TABLE;
  const name = t.names[0];
  const opts = tableOptions(k, t.resource, false);
  const w = new TabWriter();
  let columns: Obj[] | undefined;
  let headerPrinted = !!opts.noHeaders;

  const printTableRows = async (table: Obj) => {
    if (table.columnDefinitions?.length) columns ??= table.columnDefinitions;
    if (!table.rows?.length) return;
    if (!headerPrinted) { w.write(headerLine({ ...table, columnDefinitions: columns }, opts)); headerPrinted = true; }
    w.write(rowLines(table, opts, columns));
    await k.out(w.flush());
  };
  const printObject = async (obj: Obj) => {
    if (printer) await k.out(printer(obj));
    else await printTableRows(obj);
  };

  let rv: string;
  const params = listParams(k);
  if (name) {
    const obj = await k.client.get(objectPath(t.resource, k.namespace, name), accept);
    if (!bool(k.flags, "watch-only")) await printObject(obj);
    rv = "0";
    params.fieldSelector = `metadata.name=${name}`;
  } else {
    const list = await k.client.get(listPath(k, t.resource) + query({ ...params, limit: "500" }), accept);
    rv = list.metadata?.resourceVersion ?? "0";
    if (!bool(k.flags, "watch-only")) {
      if (printer) for (const it of list.items ?? []) await printObject(it);
      else if (list.rows?.length) await printTableRows(list);
      else if (list.columnDefinitions) columns = list.columnDefinitions;
      if (!(list.rows ?? list.items ?? []).length) {
        await k.err(!k.allNamespaces && t.resource.namespaced ? `No resources found in ${k.namespace} namespace.\n` : "No resources found\n");
      }
    }
  }
  let skipFirst = !!name;
  await k.interruptible(async (signal) => {
    const res = await k.client.raw("GET", listPath(k, t.resource) + query({ ...params, resourceVersion: rv, watch: "true" }), { accept, signal });
    const aborted = new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve()));
    await Promise.race([aborted, readLines(res, async (line) => {
      if (signal.aborted) return false;
      const ev = JSON.parse(line) as { type: string; object: Obj };
      if (ev.type === "BOOKMARK") return;
      if (ev.type === "ERROR") { await k.err(`error: ${ev.object?.message ?? "watch error"}\n`); return; }
      if (skipFirst) { skipFirst = false; return; }
      await printObject(ev.object);
    })]);
  });
  return 0;
}
