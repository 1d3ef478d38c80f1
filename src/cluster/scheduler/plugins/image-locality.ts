// ImageLocality: favours nodes that already have the pod's images, by size scaled by how many nodes
// have them. Names are compared as given, with ":latest" added to untagged ones (normalizedImageName).
// Mirrors pkg/scheduler/framework/plugins/imagelocality/image_locality.go.
import type { KObject } from "../../apiserver/registry/types";
import { MAX_NODE_SCORE, type NodeInfo, type Plugin } from "../framework/types";

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

export function normalizedImageName(name: string): string {
  return name.lastIndexOf(":") <= name.lastIndexOf("/") ? `${name}:latest` : name;
}

function sumImageScores(ni: NodeInfo, pod: KObject, totalNumNodes: number): number {
  let sum = 0;
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  for (const c of containers) {
    const st = ni.imageStates.get(normalizedImageName(String(c.image ?? "")));
    if (st) sum += Math.trunc(st.size * (st.numNodes / totalNumNodes));
  }
  return sum;
}

export function calculatePriority(sumScores: number, numContainers: number): number {
  const maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers;
  const s = Math.min(Math.max(sumScores, MIN_THRESHOLD), maxThreshold);
  return Math.trunc((MAX_NODE_SCORE * (s - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

export const imageLocality: Plugin = {
  name: "ImageLocality",
  score(state, pod, nodeInfo) {
    const total = state.snapshot.nodeInfos.length;
    const n = (pod.spec?.initContainers?.length ?? 0) + (pod.spec?.containers?.length ?? 0);
    return calculatePriority(sumImageScores(nodeInfo, pod, total), n);
  },
  events: [],
};
