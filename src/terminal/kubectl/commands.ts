// The kubectl command tree: subcommand name → flags and implementation.
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/cmd.go (NewKubectlCommand's command groups).
import type { Subcommand } from "./index";
import { getFlags, runGet } from "./cmd/get";
import { runFlags, runRun } from "./cmd/run";
import { runCreate } from "./cmd/create";
import { applyFlags, runApply } from "./cmd/apply";
import { deleteFlags, runDelete } from "./cmd/delete";
import { logsFlags, runLogs } from "./cmd/logs";
import { labelCommand, labelFlags } from "./cmd/label";
import { apiResourcesFlags, runApiResources, runApiVersions, runClusterInfo, runScale, runVersion, scaleFlags, versionFlags } from "./cmd/info";
import { runConfig } from "./cmd/config";
import { describeFlags, eventsFlags, explainFlags, runDescribe, runEvents, runExplain } from "./cmd/describe";
import { runRollout } from "./cmd/rollout";
import { patchFlags, replaceFlags, runPatch, runReplace } from "./cmd/patch";
import { exposeFlags, runExpose } from "./cmd/expose";
import { runSet } from "./cmd/set";
import { runWait, waitFlags } from "./cmd/wait";
import { runTop, topFlags } from "./cmd/top";
import { execFlags, runExec } from "./cmd/exec";
import { editFlags, runEdit } from "./cmd/edit";
import { debugFlags, runDebug } from "./cmd/debug";
import { cordonCommand, cordonFlags, drainFlags, runDrain, runTaint, taintFlags } from "./cmd/node";
import { autoscaleFlags, runAutoscale } from "./cmd/autoscale";

export const SUBCOMMANDS: Record<string, Subcommand> = {
  get: { flags: getFlags, run: runGet },
  run: { flags: runFlags, run: runRun },
  create: { flags: [], raw: true, run: runCreate },
  apply: { flags: applyFlags, run: runApply },
  delete: { flags: deleteFlags, run: runDelete },
  logs: { flags: logsFlags, run: runLogs },
  label: { flags: labelFlags, run: labelCommand("labels") },
  annotate: { flags: labelFlags, run: labelCommand("annotations") },
  scale: { flags: scaleFlags, run: runScale },
  version: { flags: versionFlags, run: runVersion },
  "api-resources": { flags: apiResourcesFlags, run: runApiResources },
  "api-versions": { flags: [], run: runApiVersions },
  "cluster-info": { flags: [], run: runClusterInfo },
  config: { flags: [], raw: true, run: runConfig },
  describe: { flags: describeFlags, run: runDescribe },
  explain: { flags: explainFlags, run: runExplain },
  events: { flags: eventsFlags, run: runEvents },
  rollout: { flags: [], raw: true, run: runRollout },
  patch: { flags: patchFlags, run: runPatch },
  replace: { flags: replaceFlags, run: runReplace },
  expose: { flags: exposeFlags, run: runExpose },
  set: { flags: [], raw: true, run: runSet },
  wait: { flags: waitFlags, run: runWait },
  top: { flags: topFlags, run: runTop },
  exec: { flags: execFlags, run: runExec },
  edit: { flags: editFlags, run: runEdit },
  cordon: { flags: cordonFlags, run: cordonCommand(true) },
  uncordon: { flags: cordonFlags, run: cordonCommand(false) },
  taint: { flags: taintFlags, run: runTaint },
  drain: { flags: drainFlags, run: runDrain },
  autoscale: { flags: autoscaleFlags, run: runAutoscale },
  debug: { flags: debugFlags, run: runDebug },
};
