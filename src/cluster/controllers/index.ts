// The controllers of kube-controller-manager that a cluster runs (cmd/kube-controller-manager
// app/controllermanager.go NewControllerDescriptors), apart from the namespace controller.
import type { Component } from "../engine/component";
import { deploymentController } from "./deployment/controller";
import { replicaSetController } from "./replicaset";

export const controllers: Component[] = [
  deploymentController,
  replicaSetController,
];
