// The scheduler's per-cycle snapshot kept between cycles and refreshed by the cache's UpdateSnapshot:
// a map of NodeInfo copies whose identity never changes (updates are written into the same object),
// the node list in the cache's node order, and the lists of nodes hosting pods with affinity.
// Mirrors pkg/scheduler/backend/cache/snapshot.go (Snapshot, NodeInfos().List/HavePodsWith...List).
import type { KObject } from "../../apiserver/registry/types";
import { namespaceLabelsOf, type ClusterObjects } from "../framework/node-info";
import type { NodeInfo, Snapshot } from "../framework/types";

/** What the plugins read besides nodes and pods (the scheduler's listers). */
export type ListedObjects = Omit<ClusterObjects, "nodes" | "pods">;

export class CacheSnapshot implements Snapshot {
  readonly nodeInfoMap = new Map<string, NodeInfo>();
  nodeInfos: NodeInfo[] = [];
  havePodsWithAffinityNodeInfoList: NodeInfo[] = [];
  havePodsWithRequiredAntiAffinityNodeInfoList: NodeInfo[] = [];
  /** The newest NodeInfo generation copied in. */
  generation = 0;
  namespaceLabels: (ns: string) => Record<string, string> = namespaceLabelsOf([]);
  services: KObject[] = [];
  replicaSets: KObject[] = [];
  statefulSets: KObject[] = [];
  replicationControllers: KObject[] = [];

  readonly get = (name: string): NodeInfo | undefined => this.nodeInfoMap.get(name);

  /** Sets what the listers hold this cycle. */
  setListedObjects(objs: ListedObjects): void {
    this.namespaceLabels = namespaceLabelsOf(objs.namespaces);
    this.services = objs.services ?? [];
    this.replicaSets = objs.replicaSets ?? [];
    this.statefulSets = objs.statefulSets ?? [];
    this.replicationControllers = objs.replicationControllers ?? [];
  }
}
