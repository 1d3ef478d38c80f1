// ReplicaSet printer: the columns and printReplicaSet of pkg/printers/internalversion/printers.go
// (DESIRED, CURRENT, READY, wide CONTAINERS, IMAGES, SELECTOR).
import type { KObject } from "../registry/types";
import { extensionsV1beta1 } from "./descriptions";
import { ageColumn, column, containersColumn, imagesColumn, nameColumn } from "./columns";
import { age, formatLabelSelector, int, layoutContainerCells } from "./format";
import type { Printer } from "./types";

const columns = [
  nameColumn(),
  column("Desired", "integer", extensionsV1beta1.ReplicaSetSpec.replicas),
  column("Current", "integer", extensionsV1beta1.ReplicaSetStatus.replicas),
  column("Ready", "integer", extensionsV1beta1.ReplicaSetStatus.readyReplicas),
  ageColumn(),
  containersColumn(),
  imagesColumn(),
  column("Selector", "string", extensionsV1beta1.ReplicaSetSpec.selector, { priority: 1 }),
];

function replicaSetCells(rs: KObject, now: Date): unknown[] {
  const [names, images] = layoutContainerCells(rs.spec?.template?.spec?.containers);
  return [
    rs.metadata.name, int(rs.spec?.replicas), int(rs.status?.replicas), int(rs.status?.readyReplicas),
    age(rs, now), names, images, formatLabelSelector(rs.spec?.selector),
  ];
}

export const replicaSetPrinter: Printer = { columns, cells: replicaSetCells };
