// Running a profile's plugins at each extension point: PreFilter (Skip disables that plugin's
// Filter), Filter stopping at the first rejection, Filter with nominated pods of equal or higher
// priority added, PreScore/Score/NormalizeScore with weights.
// Mirrors pkg/scheduler/framework/runtime/framework.go.
import type { KObject } from "../../apiserver/registry/types";
import type { ProfilePlugin } from "../plugins/registry";
import { cloneNodeInfo, updateNodeInfoPod } from "./node-info";
import { podPriority } from "./resources";
import { isSuccess, type Code, type CycleState, type NodeInfo, type NodeScore, type Status } from "./types";

/** One plugin's verdict at one extension point (for the trace). */
export interface PluginResult {
  plugin: string;
  code: Code;
  reasons: string[];
}

export interface NodeScoreTrace {
  node: string;
  plugins: { plugin: string; score: number; weight: number }[];
  total: number;
}

function result(plugin: string, st: Status | undefined): PluginResult {
  return { plugin, code: st?.code ?? "Success", reasons: st?.reasons ?? [] };
}

/** RunPreFilterPlugins: the first status that is neither Success nor Skip ends the run. */
export function runPreFilterPlugins(profile: ProfilePlugin[], state: CycleState, pod: KObject): { status?: Status; trace: PluginResult[] } {
  const trace: PluginResult[] = [];
  for (const { plugin } of profile) {
    if (!plugin.preFilter) continue;
    const st = plugin.preFilter(state, pod);
    trace.push(result(plugin.name, st));
    if (st?.code === "Skip") {
      state.skipFilterPlugins.add(plugin.name);
    } else if (!isSuccess(st)) {
      return { status: { ...st!, plugin: plugin.name }, trace };
    }
  }
  return { trace };
}

/** RunFilterPlugins: stops at the first plugin that does not return Success. */
export function runFilterPlugins(profile: ProfilePlugin[], state: CycleState, pod: KObject, ni: NodeInfo): { status?: Status; trace: PluginResult[] } {
  const trace: PluginResult[] = [];
  for (const { plugin } of profile) {
    if (!plugin.filter || state.skipFilterPlugins.has(plugin.name)) continue;
    const st = plugin.filter(state, pod, ni);
    trace.push(result(plugin.name, st));
    if (!isSuccess(st)) return { status: { ...st!, plugin: plugin.name }, trace };
  }
  return { trace };
}

/**
 * RunFilterPluginsWithNominatedPods: first with the nominated pods of equal or higher priority
 * added to the node (so they keep their room), then, if any were added and that passed, without them.
 */
export function runFilterPluginsWithNominatedPods(
  profile: ProfilePlugin[],
  state: CycleState,
  pod: KObject,
  ni: NodeInfo,
  nominated: KObject[],
): { status?: Status; trace: PluginResult[] } {
  const prio = podPriority(pod);
  const added = nominated.filter((p) => p.metadata.uid !== pod.metadata.uid && podPriority(p) >= prio);
  if (added.length === 0) return runFilterPlugins(profile, state, pod, ni);
  const withNominated = cloneNodeInfo(ni);
  for (const p of added) updateNodeInfoPod(withNominated, p, 1);
  const first = runFilterPlugins(profile, state, pod, withNominated);
  if (!isSuccess(first.status)) return first;
  return runFilterPlugins(profile, state, pod, ni);
}

/** RunPreScorePlugins + RunScorePlugins + NormalizeScore + weights: the total per node. */
export function prioritizeNodes(
  profile: ProfilePlugin[],
  state: CycleState,
  pod: KObject,
  nodes: NodeInfo[],
): { preScore: PluginResult[]; scores: NodeScoreTrace[] } {
  const preScore: PluginResult[] = [];
  const scorers = profile.filter((p) => p.plugin.score && p.weight > 0);
  for (const { plugin } of scorers) {
    if (!plugin.preScore) continue;
    const st = plugin.preScore(state, pod, nodes);
    preScore.push(result(plugin.name, st));
    if (st?.code === "Skip") state.skipScorePlugins.add(plugin.name);
  }
  const traces: NodeScoreTrace[] = nodes.map((ni) => ({ node: ni.name, plugins: [], total: 0 }));
  for (const { plugin, weight } of scorers) {
    if (state.skipScorePlugins.has(plugin.name)) continue;
    const scores: NodeScore[] = nodes.map((ni) => ({ name: ni.name, score: plugin.score!(state, pod, ni) }));
    plugin.normalizeScore?.(state, pod, scores);
    scores.forEach((s, i) => {
      traces[i]!.plugins.push({ plugin: plugin.name, score: s.score, weight });
      traces[i]!.total += s.score * weight;
    });
  }
  return { preScore, scores: traces };
}
