// The controllers of kube-controller-manager that a cluster runs (cmd/kube-controller-manager
// app/controllermanager.go NewControllerDescriptors), apart from the namespace controller; and the
// apiextensions API server's CRD naming and establishing controllers.
import type { Component } from "../engine/component";
import { deploymentController } from "./deployment/controller";
import { replicaSetController } from "./replicaset";
import { daemonSetController } from "./daemonset";
import { statefulSetController } from "./statefulset";
import { jobController } from "./job";
import { endpointsController } from "./endpoints";
import { endpointSliceController } from "./endpointslice";
import { garbageCollector } from "./garbage-collector";
import { podGCController } from "./podgc";
import { serviceAccountController } from "./serviceaccount";
import { rootCACertPublisher } from "./root-ca-cert-publisher";
import { crdNamingController } from "./crd-naming";
import { crdEstablishingController } from "./crd-establishing";
import { nodeUnschedulableTaint } from "./node-unschedulable-taint";

export const controllers: Component[] = [
  deploymentController,
  replicaSetController,
  daemonSetController,
  statefulSetController,
  jobController,
  endpointsController,
  endpointSliceController,
  garbageCollector,
  podGCController,
  serviceAccountController,
  rootCACertPublisher,
  crdNamingController,
  crdEstablishingController,
  nodeUnschedulableTaint,
];
