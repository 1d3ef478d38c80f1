// StatefulSet printer: the columns and printStatefulSet of pkg/printers/internalversion/printers.go
// (READY as ready/desired, wide CONTAINERS, IMAGES).
import type { KObject } from "../registry/types";
import { ageColumn, column, containersColumn, imagesColumn, nameColumn } from "./columns";
import { age, int, layoutContainerCells } from "./format";
import type { Printer } from "./types";

const columns = [
  nameColumn(),
  column("Ready", "string", "Number of the pod with ready state"),
  ageColumn(),
  containersColumn(),
  imagesColumn(),
];

function statefulSetCells(sts: KObject, now: Date): unknown[] {
  const [names, images] = layoutContainerCells(sts.spec?.template?.spec?.containers);
  return [sts.metadata.name, `${int(sts.status?.readyReplicas)}/${int(sts.spec?.replicas)}`, age(sts, now), names, images];
}

export const statefulSetPrinter: Printer = { columns, cells: statefulSetCells };
