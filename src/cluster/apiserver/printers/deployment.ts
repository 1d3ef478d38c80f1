// Deployment printer: the columns and printDeployment of pkg/printers/internalversion/printers.go
// (READY as ready/desired, UP-TO-DATE, AVAILABLE, wide CONTAINERS, IMAGES, SELECTOR).
import type { KObject } from "../registry/types";
import { extensionsV1beta1 } from "./descriptions";
import { ageColumn, column, containersColumn, imagesColumn, nameColumn } from "./columns";
import { age, int, labelSelectorString, layoutContainerCells } from "./format";
import type { Printer } from "./types";

const columns = [
  nameColumn(),
  column("Ready", "string", "Number of the pod with ready state"),
  column("Up-to-date", "string", extensionsV1beta1.DeploymentStatus.updatedReplicas),
  column("Available", "string", extensionsV1beta1.DeploymentStatus.availableReplicas),
  ageColumn(),
  containersColumn(),
  imagesColumn(),
  column("Selector", "string", extensionsV1beta1.DeploymentSpec.selector, { priority: 1 }),
];

function deploymentCells(d: KObject, now: Date): unknown[] {
  const [names, images] = layoutContainerCells(d.spec?.template?.spec?.containers);
  // printDeployment prints LabelSelectorAsSelector(...).String(), not FormatLabelSelector.
  const selector = labelSelectorString(d.spec?.selector) ?? "<invalid>";
  return [
    d.metadata.name, `${int(d.status?.readyReplicas)}/${int(d.spec?.replicas)}`,
    int(d.status?.updatedReplicas), int(d.status?.availableReplicas), age(d, now), names, images, selector,
  ];
}

export const deploymentPrinter: Printer = { columns, cells: deploymentCells };
