// Cluster events that can make a rejected pod schedulable, and how a plugin's registered events
// match an incoming one; node and pod updates are classified into action types as upstream does.
// Mirrors pkg/scheduler/framework/types.go (ClusterEvent.Match, ActionType) and
// pkg/scheduler/framework/events.go (NodeSchedulingPropertiesChange, PodSchedulingPropertiesChange).
import type { KObject } from "../apiserver/registry/types";
import { podRequests } from "./framework/resources";
import type { ActionType, ClusterEvent } from "./framework/types";

export const NodeAdd: ClusterEvent = { resource: "Node", actionType: ["Add"], label: "NodeAdd" };
export const NodeDelete: ClusterEvent = { resource: "Node", actionType: ["Delete"], label: "NodeDelete" };
export const AssignedPodAdd: ClusterEvent = { resource: "Pod", actionType: ["Add"], label: "AssignedPodAdd" };
export const AssignedPodDelete: ClusterEvent = { resource: "Pod", actionType: ["Delete"], label: "AssignedPodDelete" };
export const UnschedulableTimeout: ClusterEvent = { resource: "*", actionType: ["All"], label: "UnschedulableTimeout" };
export const ForceActivate: ClusterEvent = { resource: "*", actionType: ["All"], label: "ForceActivate" };

function sameResource(registered: string, incoming: string): boolean {
  if (registered === "*" || incoming === "*") return true;
  const base = (r: string) => (r === "AssignedPod" || r === "UnscheduledPod" ? "Pod" : r);
  return registered === incoming || (registered === "Pod" && base(incoming) === "Pod");
}

/** ClusterEvent.Match: same resource (wildcards match all) and overlapping action types. */
export function eventMatches(registered: ClusterEvent, incoming: ClusterEvent): boolean {
  if (!sameResource(registered.resource, incoming.resource)) return false;
  if (registered.actionType.includes("All") || incoming.actionType.includes("All")) return true;
  return registered.actionType.some((a) => incoming.actionType.includes(a));
}

const json = (v: unknown) => JSON.stringify(v ?? null);

/** NodeSchedulingPropertiesChange: which scheduling-relevant parts of a node changed. */
export function nodeUpdateEvent(oldNode: KObject, newNode: KObject): ClusterEvent | undefined {
  const a: ActionType[] = [];
  if (json(oldNode.status?.allocatable) !== json(newNode.status?.allocatable)) a.push("UpdateNodeAllocatable");
  if (json(oldNode.metadata.labels) !== json(newNode.metadata.labels)) a.push("UpdateNodeLabel");
  if (json(oldNode.spec?.taints) !== json(newNode.spec?.taints) || !!oldNode.spec?.unschedulable !== !!newNode.spec?.unschedulable) {
    a.push("UpdateNodeTaint");
  }
  if (json(oldNode.status?.conditions) !== json(newNode.status?.conditions)) a.push("UpdateNodeCondition");
  if (json(oldNode.metadata.annotations) !== json(newNode.metadata.annotations)) a.push("UpdateNodeAnnotation");
  return a.length ? { resource: "Node", actionType: a, label: `Node${a.join("|")}` } : undefined;
}

/** PodSchedulingPropertiesChange for an assigned pod: label changes and request scale-downs. */
export function assignedPodUpdateEvent(oldPod: KObject, newPod: KObject): ClusterEvent | undefined {
  const a: ActionType[] = [];
  if (json(oldPod.metadata.labels) !== json(newPod.metadata.labels)) a.push("UpdatePodLabel");
  const before = podRequests(oldPod);
  const after = podRequests(newPod);
  if (Object.keys(before).some((k) => (after[k] ?? 0) < before[k]!)) a.push("UpdatePodScaleDown");
  return a.length ? { resource: "Pod", actionType: a, label: `AssignedPod${a.join("|")}` } : undefined;
}
