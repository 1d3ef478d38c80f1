// The ReplicaSets `describe deployment` shows: deploymentutil.GetAllReplicaSetsInChunks of
// kubectl's pkg/util/deployment (the ReplicaSets the deployment controls; the new one is the
// oldest whose pod template equals the deployment's, ignoring the pod-template-hash label).
import { str, type Json } from "./go-format";

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Json)[k])}`).join(",")}}`;
  }
  return JSON.stringify(v ?? null);
}

function withoutHash(template: Json | undefined): string {
  const t = structuredClone(template ?? {}) as Json;
  if (t.metadata?.labels) {
    delete t.metadata.labels["pod-template-hash"];
    if (Object.keys(t.metadata.labels).length === 0) delete t.metadata.labels;
  }
  return canonical(t);
}

export function findReplicaSets(d: Json, all: Json[]): { old: Json[]; new: Json[] } {
  const owned = all.filter((rs) => ((rs.metadata?.ownerReferences ?? []) as Json[]).some((r) => r.controller === true && r.uid === d.metadata?.uid));
  const want = withoutHash(d.spec?.template);
  const byAge = [...owned].sort((a, b) => {
    const x = str(a.metadata?.creationTimestamp), y = str(b.metadata?.creationTimestamp);
    return x < y ? -1 : x > y ? 1 : str(a.metadata?.name) < str(b.metadata?.name) ? -1 : 1;
  });
  const newRS = byAge.find((rs) => withoutHash(rs.spec?.template) === want);
  return { old: owned.filter((rs) => rs !== newRS), new: newRS ? [newRS] : [] };
}
