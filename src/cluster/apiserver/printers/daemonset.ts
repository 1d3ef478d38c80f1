// DaemonSet printer: the columns and printDaemonSet of pkg/printers/internalversion/printers.go
// (DESIRED, CURRENT, READY, UP-TO-DATE, AVAILABLE, NODE SELECTOR, wide CONTAINERS, IMAGES, SELECTOR).
import type { KObject } from "../registry/types";
import { coreV1, extensionsV1beta1 } from "./descriptions";
import { ageColumn, column, containersColumn, imagesColumn, nameColumn } from "./columns";
import { age, formatLabelSelector, formatLabels, int, layoutContainerCells } from "./format";
import type { Printer } from "./types";

const status = extensionsV1beta1.DaemonSetStatus;

const columns = [
  nameColumn(),
  column("Desired", "integer", status.desiredNumberScheduled),
  column("Current", "integer", status.currentNumberScheduled),
  column("Ready", "integer", status.numberReady),
  column("Up-to-date", "integer", status.updatedNumberScheduled),
  column("Available", "integer", status.numberAvailable),
  column("Node Selector", "string", coreV1.PodSpec.nodeSelector),
  ageColumn(),
  containersColumn(),
  imagesColumn(),
  column("Selector", "string", extensionsV1beta1.DaemonSetSpec.selector, { priority: 1 }),
];

function daemonSetCells(ds: KObject, now: Date): unknown[] {
  const podSpec = ds.spec?.template?.spec ?? {};
  const [names, images] = layoutContainerCells(podSpec.containers);
  const st = ds.status ?? {};
  return [
    ds.metadata.name, int(st.desiredNumberScheduled), int(st.currentNumberScheduled), int(st.numberReady),
    int(st.updatedNumberScheduled), int(st.numberAvailable), formatLabels(podSpec.nodeSelector), age(ds, now),
    names, images, formatLabelSelector(ds.spec?.selector),
  ];
}

export const daemonSetPrinter: Printer = { columns, cells: daemonSetCells };
