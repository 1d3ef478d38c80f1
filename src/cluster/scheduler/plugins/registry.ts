// The default profile's plugins in upstream order with their score weights (v1 MultiPoint defaults:
// TaintToleration 3, NodeAffinity 2, NodeResourcesFit 1, PodTopologySpread 2, InterPodAffinity 2,
// NodeResourcesBalancedAllocation 1, ImageLocality 1).
// Mirrors pkg/scheduler/apis/config/v1/default_plugins.go.
import type { Plugin } from "../framework/types";
import { balancedAllocation } from "./balanced-allocation";
import { imageLocality } from "./image-locality";
import { interPodAffinity } from "./inter-pod-affinity";
import { nodeAffinity } from "./node-affinity";
import { nodeName } from "./node-name";
import { nodePorts } from "./node-ports";
import { nodeResourcesFit } from "./node-resources-fit";
import { nodeUnschedulable } from "./node-unschedulable";
import { podTopologySpread } from "./pod-topology-spread";
import { taintToleration } from "./taint-toleration";
import { volumeRestrictions } from "./volume-restrictions";

export interface ProfilePlugin {
  plugin: Plugin;
  /** Score weight; 0 for plugins without a Score extension. */
  weight: number;
}

export const defaultProfile: ProfilePlugin[] = [
  { plugin: nodeUnschedulable, weight: 0 },
  { plugin: nodeName, weight: 0 },
  { plugin: taintToleration, weight: 3 },
  { plugin: nodeAffinity, weight: 2 },
  { plugin: nodePorts, weight: 0 },
  { plugin: nodeResourcesFit, weight: 1 },
  { plugin: volumeRestrictions, weight: 0 },
  { plugin: podTopologySpread, weight: 2 },
  { plugin: interPodAffinity, weight: 2 },
  { plugin: balancedAllocation, weight: 1 },
  { plugin: imageLocality, weight: 1 },
];

/** Profile name used in events (source.component of FailedScheduling / Scheduled). */
export const DEFAULT_SCHEDULER_NAME = "default-scheduler";
