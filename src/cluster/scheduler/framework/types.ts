// The scheduling framework's types: Status and its codes, Resource, NodeInfo, CycleState, the
// Plugin interface and cluster events. Mirrors pkg/scheduler/framework/interface.go and types.go
// (NodeInfo, Resource, ImageStateSummary, ClusterEvent) in kubernetes/kubernetes.
import type { KObject } from "../../apiserver/registry/types";

export type Code = "Success" | "Error" | "Unschedulable" | "UnschedulableAndUnresolvable" | "Skip";

/** framework.Status: a code and the reasons shown to users (FitError counts each reason). */
export interface Status {
  code: Code;
  reasons: string[];
  /** The plugin that returned it (set by the runtime). */
  plugin?: string;
}

export function newStatus(code: Code, ...reasons: string[]): Status {
  return { code, reasons };
}

export function isSuccess(s: Status | undefined): boolean {
  return !s || s.code === "Success";
}

/** IsRejected: Unschedulable or UnschedulableAndUnresolvable. */
export function isRejected(s: Status | undefined): boolean {
  return !!s && (s.code === "Unschedulable" || s.code === "UnschedulableAndUnresolvable");
}

export function statusMessage(s: Status | undefined): string {
  return s ? s.reasons.join(", ") : "";
}

/** framework.Resource: cpu in millicores, memory and storage in bytes, scalars (extended resources, hugepages). */
export interface Resource {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  allowedPodNumber: number;
  scalar: Record<string, number>;
}

export function emptyResource(): Resource {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, allowedPodNumber: 0, scalar: {} };
}

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

/** ImageStateSummary: an image's size and on how many nodes it is. */
export interface ImageStateSummary {
  size: number;
  numNodes: number;
}

/** PodInfo: the pod plus what the cache and plugins parse from it once (framework.PodInfo). */
export interface PodInfo {
  pod: KObject;
  /** The cache's identity of the pod: its uid, or namespace/name. */
  key: string;
  /** PodRequests: cpu in millicores, the rest in units (scalars included). */
  requests: Record<string, number>;
  /** The cpu and memory requests with the scheduler's non-zero defaults (GetNonzeroRequests). */
  nonZeroMilliCPU: number;
  nonZeroMemory: number;
  hostPorts: HostPort[];
  /** Any pod (anti-)affinity, and required anti-affinity terms (NodeInfo.PodsWithAffinity lists). */
  hasAffinity: boolean;
  hasRequiredAntiAffinity: boolean;
  /** The four affinity term lists, parsed on first use (plugins/affinity-terms.ts: podInfoAffinity). */
  parsedAffinity?: unknown;
}

/** NodeInfo: a node, the pods assigned to it and what they add up to. */
export interface NodeInfo {
  node: KObject;
  name: string;
  pods: PodInfo[];
  /** Sum of the pods' requests (PodRequests: init-container max rule, sidecars, overhead). */
  requested: Resource;
  /** The same with the scheduler's defaults (100m cpu, 200 MB) for containers without requests. */
  nonZeroRequested: Resource;
  allocatable: Resource;
  usedPorts: HostPort[];
  /** Keyed by every name of each image the node reports in status.images. */
  imageStates: Map<string, ImageStateSummary>;
  /** Pods on this node with required (anti-)affinity, for InterPodAffinity. */
  podsWithAffinity: PodInfo[];
  podsWithRequiredAntiAffinity: PodInfo[];
  /** Bumped on every change in the cache; UpdateSnapshot copies nodes newer than the snapshot. */
  generation: number;
}

/** The cluster as the scheduler sees it during one cycle (the nodeInfoSnapshot). */
export interface Snapshot {
  nodeInfos: NodeInfo[];
  /** Nodes with pods that have any pod (anti-)affinity / required anti-affinity (HavePodsWith...List). */
  havePodsWithAffinityNodeInfoList: NodeInfo[];
  havePodsWithRequiredAntiAffinityNodeInfoList: NodeInfo[];
  get(name: string): NodeInfo | undefined;
  /** Labels of namespaces (for namespaceSelector in pod affinity terms). */
  namespaceLabels(ns: string): Record<string, string>;
  /** Objects the default topology spread reads (services, replicasets, statefulsets, replicationcontrollers). */
  services: KObject[];
  replicaSets: KObject[];
  statefulSets: KObject[];
  replicationControllers: KObject[];
}

/** CycleState: plugin data of one scheduling cycle plus the snapshot. */
export class CycleState {
  private readonly data = new Map<string, unknown>();
  /** Plugins whose PreFilter returned Skip: their Filter is not run. */
  readonly skipFilterPlugins = new Set<string>();
  /** Plugins whose PreScore returned Skip: their Score is not run. */
  readonly skipScorePlugins = new Set<string>();

  constructor(readonly snapshot: Snapshot) {}

  write(key: string, value: unknown): void {
    this.data.set(key, value);
  }

  read<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }
}

/** A cluster event a plugin registers for (framework.ClusterEvent): what may make a rejected pod schedulable. */
export type EventResource = "Pod" | "AssignedPod" | "UnscheduledPod" | "Node" | "PersistentVolumeClaim" | "PersistentVolume" | "StorageClass" | "CSINode" | "*";
export type ActionType =
  | "Add"
  | "Delete"
  | "UpdateNodeAllocatable"
  | "UpdateNodeLabel"
  | "UpdateNodeTaint"
  | "UpdateNodeCondition"
  | "UpdateNodeAnnotation"
  | "UpdatePodLabel"
  | "UpdatePodScaleDown"
  | "UpdatePodTolerations"
  | "UpdatePodSchedulingGatesEliminated"
  | "Update"
  | "All";

export interface ClusterEvent {
  resource: EventResource;
  actionType: ActionType[];
  /** A label for logs and traces, e.g. "NodeAdd". */
  label?: string;
}

export interface NodeScore {
  name: string;
  score: number;
}

/** A scheduler plugin; each extension point is optional (framework/interface.go). */
export interface Plugin {
  name: string;
  preFilter?(state: CycleState, pod: KObject): Status | undefined;
  filter?(state: CycleState, pod: KObject, nodeInfo: NodeInfo): Status | undefined;
  preScore?(state: CycleState, pod: KObject, nodes: NodeInfo[]): Status | undefined;
  score?(state: CycleState, pod: KObject, nodeInfo: NodeInfo): number;
  /** NormalizeScore: rewrites scores in place to 0..100. */
  normalizeScore?(state: CycleState, pod: KObject, scores: NodeScore[]): void;
  /** EventsToRegister. */
  events: ClusterEvent[];
}

export const MAX_NODE_SCORE = 100;
