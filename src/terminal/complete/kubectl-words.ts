// What kubectl's shell completion offers (kubectl completion bash, driven by cobra's __complete):
// its commands, the subcommands of create/rollout/config, and resource types as the resource
// table names them (plural, singular, short names). The names themselves are listed from the
// cluster by the completer. Mirrors staging/src/k8s.io/kubectl/pkg/cmd/cmd.go's command groups.
import { RESOURCES, groupVersion, type ResourceInfo } from "../../cluster/apiserver/resources";

export const KUBECTL_COMMANDS = [
  "annotate", "api-resources", "api-versions", "apply", "attach", "auth", "autoscale", "certificate", "cluster-info",
  "completion", "config", "cordon", "cp", "create", "debug", "delete", "describe", "diff", "drain", "edit", "events",
  "exec", "explain", "expose", "get", "help", "kustomize", "label", "logs", "options", "patch", "plugin", "port-forward",
  "proxy", "replace", "rollout", "run", "scale", "set", "taint", "top", "uncordon", "version", "wait",
];

export const KUBECTL_SUBCOMMANDS: Record<string, string[]> = {
  create: ["clusterrole", "clusterrolebinding", "configmap", "cronjob", "deployment", "ingress", "job", "namespace",
    "poddisruptionbudget", "priorityclass", "quota", "role", "rolebinding", "secret", "service", "serviceaccount", "token"],
  rollout: ["history", "pause", "restart", "resume", "status", "undo"],
  config: ["current-context", "delete-cluster", "delete-context", "delete-user", "get-clusters", "get-contexts", "get-users",
    "rename-context", "set", "set-cluster", "set-context", "set-credentials", "unset", "use-context", "view"],
  set: ["env", "image", "resources", "selector", "serviceaccount", "subject"],
  top: ["node", "pod"],
  auth: ["can-i", "reconcile", "whoami"],
};

/** Verbs whose first argument is a resource type and later ones names of it. */
export const TYPE_THEN_NAMES = new Set(["get", "describe", "delete", "edit", "label", "annotate", "patch", "scale", "explain", "wait", "autoscale", "expose", "cordon", "uncordon", "drain", "taint"]);
/** Verbs whose argument is a pod name. */
export const POD_VERBS = new Set(["logs", "exec", "attach", "port-forward", "cp", "debug"]);
/** Verbs whose argument is a node name. */
export const NODE_VERBS = new Set(["cordon", "uncordon", "drain"]);

const served = RESOURCES.filter((r) => r.verbs.includes("list"));

/** Resource type words kubectl accepts: plural names (what completion offers), singular and short names. */
export function resourceWords(): string[] {
  return [...new Set(served.map((r) => r.resource))].sort();
}

export function findResourceWord(word: string): ResourceInfo | undefined {
  const w = word.toLowerCase().split(".")[0]!;
  return served.find((r) => r.resource === w || r.singular === w || r.shortNames.includes(w) || r.kind.toLowerCase() === w);
}

/** The list path of a resource in a namespace (or cluster-wide). */
export function listPath(r: ResourceInfo, namespace: string): string {
  const base = r.group ? `/apis/${groupVersion(r)}` : "/api/v1";
  return r.namespaced ? `${base}/namespaces/${namespace}/${r.resource}` : `${base}/${r.resource}`;
}
