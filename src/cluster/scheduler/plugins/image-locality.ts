// ImageLocality: favours nodes that already have the pod's images, by size scaled by how many nodes
// have them. Names are compared as given, with ":latest" added to untagged ones (normalizedImageName).
// Mirrors pkg/scheduler/framework/plugins/imagelocality/image_locality.go.
import type { KObject } from "../../apiserver/registry/types";
import { MAX_NODE_SCORE, type CycleState, type NodeInfo, type Plugin } from "../framework/types";

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

export function normalizedImageName(name: string): string {
  return name.lastIndexOf(":") <= name.lastIndexOf("/") ? `${name}:latest` : name;
}

const IMAGES_KEY = "ImageLocalityNormalizedImages";

/** The pod's (init) container images, normalized once per cycle. */
function podImages(state: CycleState, pod: KObject): string[] {
  let images = state.read<string[]>(IMAGES_KEY);
  if (!images) {
    const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
    images = containers.map((c) => normalizedImageName(String(c.image ?? "")));
    state.write(IMAGES_KEY, images);
  }
  return images;
}

function sumImageScores(ni: NodeInfo, images: string[], totalNumNodes: number): number {
  let sum = 0;
  if (ni.imageStates.size === 0) return 0;
  for (const image of images) {
    const st = ni.imageStates.get(image);
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
    const images = podImages(state, pod);
    return calculatePriority(sumImageScores(nodeInfo, images, total), images.length);
  },
  events: [],
};
