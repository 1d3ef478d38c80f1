// The scheduler cache: one NodeInfo per node kept up to date as nodes and assigned pods come and go
// (and as pods are assumed on a node before their binding is seen), each change bumping the
// NodeInfo's generation and moving it to the head of a most-recently-updated list, so UpdateSnapshot
// copies only the nodes changed since the last cycle. Image states are shared per image name.
// Nodes keep the order they were added in (upstream's nodeTree interleaves zones; this one does not).
// Mirrors pkg/scheduler/backend/cache/cache.go (cacheImpl).
import type { KObject } from "../../apiserver/registry/types";
import { addPodInfo, affinityLists, cloneNodeInfo, newNodeInfo, newPodInfo, podKey, removePodInfo, setNode } from "../framework/node-info";
import type { NodeInfo } from "../framework/types";
import { ImageStates } from "./image-states";
import type { CacheSnapshot } from "./snapshot";

interface NodeInfoListItem {
  info: NodeInfo;
  next?: NodeInfoListItem;
  prev?: NodeInfoListItem;
}

interface PodState {
  pod: KObject;
  assumed: boolean;
}

export class SchedulerCache {
  private readonly nodes = new Map<string, NodeInfoListItem>();
  /** The most recently updated NodeInfo. */
  private headNode?: NodeInfoListItem;
  /** Names of the nodes that exist (a NodeInfo may outlive its node while pods remain), in add order. */
  private readonly nodeTree = new Set<string>();
  private readonly podStates = new Map<string, PodState>();
  private readonly imageStates = new ImageStates();
  private generation = 0;

  private nextGeneration(): number {
    return ++this.generation;
  }

  private moveNodeInfoToHead(item: NodeInfoListItem): void {
    item.info.generation = this.nextGeneration();
    if (item === this.headNode) return;
    if (item.prev) item.prev.next = item.next;
    if (item.next) item.next.prev = item.prev;
    if (this.headNode) this.headNode.prev = item;
    item.next = this.headNode;
    item.prev = undefined;
    this.headNode = item;
  }

  private removeNodeInfoFromList(name: string): void {
    const item = this.nodes.get(name);
    if (!item) return;
    if (item.prev) item.prev.next = item.next;
    if (item.next) item.next.prev = item.prev;
    if (item === this.headNode) this.headNode = item.next;
    this.nodes.delete(name);
  }

  /** The NodeInfo of a node, created without a node object when a pod arrives first. */
  private itemFor(name: string): NodeInfoListItem {
    let item = this.nodes.get(name);
    if (!item) {
      item = { info: newNodeInfo({ metadata: { name } }) };
      this.nodes.set(name, item);
    }
    return item;
  }

  // ---- nodes ----

  /** AddNode / UpdateNode: the node's new version; its pods stay. */
  addNode(node: KObject): void {
    const name = node.metadata.name;
    const item = this.itemFor(name);
    if (this.nodeTree.has(name)) this.imageStates.removeNode(item.info.node);
    setNode(item.info, node);
    this.nodeTree.add(name);
    item.info.imageStates = this.imageStates.addNode(node);
    this.moveNodeInfoToHead(item);
  }

  updateNode(node: KObject): void {
    this.addNode(node);
  }

  /** RemoveNode: the NodeInfo stays while pods are still on it (their deletions may come later). */
  removeNode(name: string): void {
    const item = this.nodes.get(name);
    if (!item || !this.nodeTree.has(name)) return;
    this.nodeTree.delete(name);
    this.imageStates.removeNode(item.info.node);
    item.info.imageStates = new Map();
    if (item.info.pods.length === 0) this.removeNodeInfoFromList(name);
    else this.moveNodeInfoToHead(item);
  }

  // ---- pods ----

  private addPodToNode(pod: KObject): void {
    const item = this.itemFor(pod.spec.nodeName);
    addPodInfo(item.info, newPodInfo(pod));
    this.moveNodeInfoToHead(item);
  }

  private removePodFromNode(pod: KObject): void {
    const name = pod.spec.nodeName;
    const item = this.nodes.get(name);
    if (!item) return;
    removePodInfo(item.info, podKey(pod));
    if (item.info.pods.length === 0 && !this.nodeTree.has(name)) this.removeNodeInfoFromList(name);
    else this.moveNodeInfoToHead(item);
  }

  hasPod(pod: KObject): boolean {
    return this.podStates.has(podKey(pod));
  }

  isAssumedPod(pod: KObject): boolean {
    return this.podStates.get(podKey(pod))?.assumed ?? false;
  }

  /** AssumePod: counts a pod (spec.nodeName set) on its node before its binding is observed. */
  assumePod(pod: KObject): string | undefined {
    const key = podKey(pod);
    if (this.podStates.has(key)) return `pod ${key}(${pod.metadata.namespace}/${pod.metadata.name}) is in the cache, so can't be assumed`;
    this.addPodToNode(pod);
    this.podStates.set(key, { pod, assumed: true });
    return undefined;
  }

  /** ForgetPod: the binding failed; the assumed pod no longer counts. */
  forgetPod(pod: KObject): void {
    const state = this.podStates.get(podKey(pod));
    if (!state?.assumed) return;
    this.removePodFromNode(state.pod);
    this.podStates.delete(podKey(pod));
  }

  /** AddPod: an assigned pod seen by the watch; confirms an assumed one (moving it if bound elsewhere). */
  addPod(pod: KObject): void {
    const key = podKey(pod);
    const state = this.podStates.get(key);
    if (state && !state.assumed) return this.updatePod(pod);
    if (state) this.removePodFromNode(state.pod);
    this.addPodToNode(pod);
    this.podStates.set(key, { pod, assumed: false });
  }

  /** UpdatePod: the new version replaces the old on its node. */
  updatePod(pod: KObject): void {
    const key = podKey(pod);
    const state = this.podStates.get(key);
    if (!state || state.assumed) return this.addPod(pod);
    this.removePodFromNode(state.pod);
    this.addPodToNode(pod);
    state.pod = pod;
  }

  /** RemovePod: the pod was deleted or finished. */
  removePod(pod: KObject): void {
    const key = podKey(pod);
    const state = this.podStates.get(key);
    if (!state) return;
    this.removePodFromNode(state.pod);
    this.podStates.delete(key);
  }

  // ---- snapshot ----

  /** The cache's NodeInfo of an existing node (for tests and dumps; not to be changed). */
  nodeInfo(name: string): NodeInfo | undefined {
    return this.nodeTree.has(name) ? this.nodes.get(name)?.info : undefined;
  }

  get nodeCount(): number {
    return this.nodeTree.size;
  }

  /** UpdateSnapshot: copies the NodeInfos changed since the snapshot's generation into it. */
  updateSnapshot(snap: CacheSnapshot): void {
    let updateAllLists = false;
    let updateAffinityLists = false;
    for (let item = this.headNode; item; item = item.next) {
      if (item.info.generation <= snap.generation) break;
      const name = item.info.name;
      if (!this.nodeTree.has(name)) continue;
      let existing = snap.nodeInfoMap.get(name);
      if (!existing) {
        updateAllLists = true;
        existing = cloneNodeInfo(item.info);
        snap.nodeInfoMap.set(name, existing);
      }
      const clone = cloneNodeInfo(item.info);
      if ((existing.podsWithAffinity.length > 0) !== (clone.podsWithAffinity.length > 0)) updateAffinityLists = true;
      if ((existing.podsWithRequiredAntiAffinity.length > 0) !== (clone.podsWithRequiredAntiAffinity.length > 0)) updateAffinityLists = true;
      // The NodeInfo object stays the same: the lists hold it.
      Object.assign(existing, clone);
    }
    if (this.headNode) snap.generation = this.headNode.info.generation;
    if (snap.nodeInfoMap.size > this.nodeTree.size) {
      for (const name of [...snap.nodeInfoMap.keys()]) if (!this.nodeTree.has(name)) snap.nodeInfoMap.delete(name);
      updateAllLists = true;
    }
    if (updateAllLists) snap.nodeInfos = [...this.nodeTree].map((n) => snap.nodeInfoMap.get(n)!).filter((ni) => ni);
    if (updateAllLists || updateAffinityLists) Object.assign(snap, affinityLists(snap.nodeInfos));
  }
}
