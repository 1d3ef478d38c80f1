import { describe, expect, it } from "vitest";
import { runAdmission, admissionPlugins } from "./chain";
import { fakeReader } from "./fake-reader";
import { findResource } from "../resources";
import { StatusError } from "../status";
import type { AdmissionAttributes, ObjectReader } from "./types";
import type { KObject } from "../registry/types";

const now = new Date("2025-01-01T00:00:00Z");
const user = { username: "kubernetes-admin", groups: ["system:masters"] };
const world = (extra: { group?: string; resource: string; obj: KObject }[] = []) => fakeReader([
  { resource: "namespaces", obj: { metadata: { name: "default" }, status: { phase: "Active" } } },
  { resource: "namespaces", obj: { metadata: { name: "old" }, status: { phase: "Terminating" } } },
  { resource: "serviceaccounts", obj: { metadata: { name: "default", namespace: "default" } } },
  ...extra,
]);

function attrs(resource: string, op: AdmissionAttributes["operation"], namespace: string | undefined, name: string, object: KObject | undefined, reader: ObjectReader, group = ""): AdmissionAttributes {
  return { operation: op, resource: findResource(group, "v1", resource)!, namespace, name, object, user, dryRun: false, reader, now };
}

function thrown(f: () => void): StatusError {
  try { f(); } catch (e) { if (e instanceof StatusError) return e; throw e; }
  throw new Error("expected a StatusError");
}

const pod = (spec: KObject["spec"] = { containers: [{ name: "a", image: "busybox" }] }): KObject => ({ metadata: { name: "p" }, spec });

describe("admission chain", () => {
  it("runs in upstream order", () => {
    expect(admissionPlugins.map((p) => p.name)).toEqual(["NamespaceLifecycle", "ServiceAccount", "TaintNodesByCondition", "Priority", "DefaultTolerationSeconds"]);
  });

  it("NamespaceLifecycle: missing, terminating and immortal namespaces", () => {
    const r = world();
    const missing = thrown(() => runAdmission(attrs("pods", "CREATE", "nope", "p", pod(), r)));
    expect([missing.code, missing.message]).toEqual([404, "namespaces \"nope\" not found"]);
    const term = thrown(() => runAdmission(attrs("pods", "CREATE", "old", "p", pod(), r)));
    expect([term.code, term.message]).toEqual([403, "pods \"p\" is forbidden: unable to create new content in namespace old because it is being terminated"]);
    expect(term.details?.causes).toEqual([{ reason: "NamespaceTerminating", message: "namespace old is being terminated", field: "metadata.namespace" }]);
    const del = thrown(() => runAdmission(attrs("namespaces", "DELETE", undefined, "default", undefined, r)));
    expect([del.code, del.message]).toEqual([403, "namespaces \"default\" is forbidden: this namespace may not be deleted"]);
    runAdmission(attrs("pods", "DELETE", "old", "p", undefined, r));
  });

  it("ServiceAccount: the service account must exist; automount can be turned off", () => {
    const r = world();
    const e = thrown(() => runAdmission(attrs("pods", "CREATE", "default", "p", pod({ serviceAccountName: "robot", containers: [{ name: "a", image: "x" }] }), r)));
    expect(e.message).toBe("pods \"p\" is forbidden: error looking up service account default/robot: serviceaccount \"robot\" not found");
    const off = pod({ automountServiceAccountToken: false, containers: [{ name: "a", image: "x" }] });
    runAdmission(attrs("pods", "CREATE", "default", "p", off, r));
    expect(off.spec.volumes).toBeUndefined();
    expect(off.spec.serviceAccountName).toBe("default");
  });

  it("Priority: default 0, class value, unknown class", () => {
    const r = world([{ group: "scheduling.k8s.io", resource: "priorityclasses", obj: { metadata: { name: "high" }, value: 1000, preemptionPolicy: "Never" } }]);
    const p = pod({ priorityClassName: "high", containers: [{ name: "a", image: "x" }] });
    runAdmission(attrs("pods", "CREATE", "default", "p", p, r));
    expect([p.spec.priority, p.spec.preemptionPolicy]).toEqual([1000, "Never"]);
    const e = thrown(() => runAdmission(attrs("pods", "CREATE", "default", "p", pod({ priorityClassName: "gold", containers: [{ name: "a", image: "x" }] }), r)));
    expect([e.code, e.message]).toEqual([403, "pods \"p\" is forbidden: no PriorityClass with name gold was found"]);
  });

  it("DefaultTolerationSeconds keeps an existing toleration", () => {
    const p = pod({ containers: [{ name: "a", image: "x" }], tolerations: [{ key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 10 }] });
    runAdmission(attrs("pods", "CREATE", "default", "p", p, world()));
    expect(p.spec.tolerations).toEqual([
      { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 10 },
      { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 },
    ]);
  });

  it("TaintNodesByCondition taints new nodes not-ready:NoSchedule", () => {
    const node = { metadata: { name: "node01" } } as KObject;
    runAdmission(attrs("nodes", "CREATE", undefined, "node01", node, world()));
    expect(node.spec.taints).toEqual([{ key: "node.kubernetes.io/not-ready", effect: "NoSchedule" }]);
  });
});
