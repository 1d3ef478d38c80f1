// The kubectl command tree: subcommand name → flags and implementation.
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/cmd.go (NewKubectlCommand's command groups).
import type { Subcommand } from "./index";
import { fail } from "./errors";
import { getFlags, runGet } from "./cmd/get";
import { runFlags, runRun } from "./cmd/run";
import { runCreate } from "./cmd/create";
import { applyFlags, runApply } from "./cmd/apply";
import { deleteFlags, runDelete } from "./cmd/delete";
import { logsFlags, runLogs } from "./cmd/logs";
import { labelCommand, labelFlags } from "./cmd/label";
import { apiResourcesFlags, runApiResources, runApiVersions, runClusterInfo, runScale, runVersion, scaleFlags, versionFlags } from "./cmd/info";
import { runConfig } from "./cmd/config";

const notYet = (what: string): Subcommand => ({ flags: [], raw: true, run: async () => { throw fail(`${what} is not available yet`); } });

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
  describe: notYet("describe"),
  explain: notYet("explain"),
};
