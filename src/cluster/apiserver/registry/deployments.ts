// Deployments (pkg/registry/apps/deployment/strategy.go): generation also bumps on annotation changes.
import { appsStrategy } from "./workload";
import { defaultDeployment } from "./defaults/workloads";

export const deploymentStrategy = appsStrategy("Deployment", defaultDeployment);
