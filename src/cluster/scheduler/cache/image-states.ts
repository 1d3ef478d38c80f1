// The cache's image states: for each image name, its size and the nodes that have it, shared by
// every NodeInfo listing the image, so a node gaining or losing an image changes the node count
// ImageLocality reads on all of them. Mirrors addNodeImageStates / removeNodeImageStates of
// pkg/scheduler/backend/cache/cache.go.
import type { KObject } from "../../apiserver/registry/types";
import type { ImageStateSummary } from "../framework/types";

export class ImageStates {
  private readonly states = new Map<string, { summary: ImageStateSummary; nodes: Set<string> }>();

  /** Counts the node's images; returns the node's NodeInfo.imageStates (summaries shared by name). */
  addNode(node: KObject): Map<string, ImageStateSummary> {
    const summaries = new Map<string, ImageStateSummary>();
    for (const img of node.status?.images ?? []) {
      for (const name of img.names ?? []) {
        let state = this.states.get(name);
        if (!state) {
          state = { summary: { size: img.sizeBytes ?? 0, numNodes: 0 }, nodes: new Set() };
          this.states.set(name, state);
        }
        state.nodes.add(node.metadata.name);
        state.summary.numNodes = state.nodes.size;
        if (!summaries.has(name)) summaries.set(name, state.summary);
      }
    }
    return summaries;
  }

  /** Uncounts the images of the node's version the cache held. */
  removeNode(node: KObject): void {
    for (const img of node.status?.images ?? []) {
      for (const name of img.names ?? []) {
        const state = this.states.get(name);
        if (!state) continue;
        state.nodes.delete(node.metadata.name);
        state.summary.numNodes = state.nodes.size;
        if (state.nodes.size === 0) this.states.delete(name);
      }
    }
  }
}
