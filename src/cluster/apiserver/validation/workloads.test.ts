import { describe, expect, it } from "vitest";
import { fieldErrorString } from "../field-errors";
import { strategyFor } from "../registry/strategies";
import type { KObject } from "../registry/types";

const now = new Date("2025-01-01T00:00:00Z");
const ctx = { now, namespace: "default" };

function created(group: string, resource: string, obj: KObject): KObject {
  const s = strategyFor(group, resource);
  const o = structuredClone(obj);
  o.metadata.namespace ??= "default";
  s.defaults?.(o);
  o.metadata.uid = "11111111-2222-4333-8444-555555555555";
  s.prepareForCreate?.(o, ctx);
  return o;
}
const errors = (group: string, resource: string, obj: KObject) =>
  (strategyFor(group, resource).validate?.(obj, ctx) ?? []).map(fieldErrorString);

const deployment = (labels: Record<string, string>, selector: Record<string, string>) => ({
  metadata: { name: "web" },
  spec: { selector: { matchLabels: selector }, template: { metadata: { labels }, spec: { containers: [{ name: "nginx", image: "nginx" }] } } },
}) as KObject;

describe("apps/v1", () => {
  it("defaults a deployment as a v1.32 cluster stores it", () => {
    const d = created("apps", "deployments", deployment({ app: "web" }, { app: "web" }));
    expect(d.metadata.generation).toBe(1);
    expect(d.status).toEqual({});
    expect({ ...d.spec, template: undefined }).toEqual({
      replicas: 1, revisionHistoryLimit: 10, progressDeadlineSeconds: 600, selector: { matchLabels: { app: "web" } },
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } }, template: undefined,
    });
    expect(d.spec.template.metadata).toEqual({ creationTimestamp: null, labels: { app: "web" } });
    expect(d.spec.template.spec.enableServiceLinks).toBeUndefined();
    expect(errors("apps", "deployments", d)).toEqual([]);
  });

  it("selector must match the template labels; replicas ≥ 0", () => {
    const d = created("apps", "deployments", deployment({ app: "web" }, { app: "api" }));
    d.spec.replicas = -1;
    expect(errors("apps", "deployments", d)).toEqual([
      "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    ]);
  });

  it("selector is immutable; generation follows spec and annotation changes", () => {
    const s = strategyFor("apps", "deployments");
    const old = created("apps", "deployments", deployment({ app: "web" }, { app: "web" }));
    old.metadata.resourceVersion = "3";
    const next = structuredClone(old);
    next.spec.replicas = 3;
    next.status = { replicas: 9 };
    s.prepareForUpdate!(next, old, ctx);
    expect(next.metadata.generation).toBe(2);
    expect(next.status).toEqual({});
    const same = structuredClone(old);
    s.prepareForUpdate!(same, old, ctx);
    expect(same.metadata.generation).toBe(1);
    const sel = structuredClone(old);
    sel.spec.selector = { matchLabels: { app: "web2" } };
    sel.spec.template.metadata.labels = { app: "web2" };
    expect(s.validateUpdate!(sel, old, ctx).map(fieldErrorString)).toContain(
      'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"web2"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable',
    );
  });
});

describe("batch/v1 jobs", () => {
  const job = { metadata: { name: "pi" }, spec: { template: { spec: { containers: [{ name: "pi", image: "perl" }], restartPolicy: "Never" } } } } as KObject;

  it("generates the selector and labels as the job strategy does", () => {
    const j = created("batch", "jobs", job);
    const uid = j.metadata.uid;
    expect(j.spec.selector).toEqual({ matchLabels: { "batch.kubernetes.io/controller-uid": uid } });
    expect(j.spec.template.metadata.labels).toEqual({
      "batch.kubernetes.io/controller-uid": uid, "batch.kubernetes.io/job-name": "pi", "controller-uid": uid, "job-name": "pi",
    });
    expect(j.metadata.labels).toEqual(j.spec.template.metadata.labels);
    expect({ ...j.spec, selector: undefined, template: undefined }).toEqual({
      backoffLimit: 6, completionMode: "NonIndexed", completions: 1, manualSelector: false, parallelism: 1,
      podReplacementPolicy: "TerminatingOrFailed", suspend: false, selector: undefined, template: undefined,
    });
    expect(errors("batch", "jobs", j)).toEqual([]);
    expect(strategyFor("batch", "jobs").fields!({ ...j, status: { succeeded: 1 } })).toEqual({ "status.successful": "1" });
  });

  it("restartPolicy Always is refused", () => {
    const j = created("batch", "jobs", { ...job, spec: { template: { spec: { containers: [{ name: "pi", image: "perl" }] } } } } as KObject);
    expect(errors("batch", "jobs", j)).toEqual(["spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\""]);
  });
});

describe("core/v1 others", () => {
  it("services: defaults, IP families, name rule, node port range", () => {
    const svc = created("", "services", { metadata: { name: "web" }, spec: { selector: { app: "web" }, ports: [{ port: 80 }] } } as KObject);
    expect(svc.spec).toEqual({
      selector: { app: "web" }, ports: [{ port: 80, protocol: "TCP", targetPort: 80 }], sessionAffinity: "None", type: "ClusterIP",
      internalTrafficPolicy: "Cluster", ipFamilyPolicy: "SingleStack", ipFamilies: ["IPv4"],
    });
    expect(svc.status).toEqual({ loadBalancer: {} });
    const np = created("", "services", { metadata: { name: "1web" }, spec: { type: "NodePort", ports: [{ port: 80, nodePort: 80 }] } } as KObject);
    expect(np.spec.externalTrafficPolicy).toBe("Cluster");
    expect(errors("", "services", np)).toEqual([
      "metadata.name: Invalid value: \"1web\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
      "spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767",
    ]);
  });

  it("configmaps, secrets", () => {
    expect(errors("", "configmaps", created("", "configmaps", { metadata: { name: "c" }, data: { "a b": "1" } } as KObject))).toEqual([
      "data[a b]: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    ]);
    const s = created("", "secrets", { metadata: { name: "s" }, stringData: { user: "admin" } } as KObject);
    expect(s).toMatchObject({ type: "Opaque", data: { user: "YWRtaW4=" } });
    expect(s.stringData).toBeUndefined();
    expect(() => created("", "secrets", { metadata: { name: "s" }, data: { k: "not base64!" } } as KObject)).toThrow(
      "Secret in version \"v1\" cannot be handled as a Secret: illegal base64 data at input byte 3",
    );
    expect(strategyFor("", "secrets").fields!(s)).toEqual({ type: "Opaque" });
  });

  it("namespaces: Active with the kubernetes finalizer and name label; Terminating on delete", () => {
    const s = strategyFor("", "namespaces");
    const ns = created("", "namespaces", { metadata: { name: "dev" } } as KObject);
    delete ns.metadata.namespace;
    expect(ns).toMatchObject({ metadata: { labels: { "kubernetes.io/metadata.name": "dev" } }, spec: { finalizers: ["kubernetes"] }, status: { phase: "Active" } });
    expect(s.validate!(ns, ctx)).toEqual([]);
    s.prepareForDelete!(ns, ctx);
    expect(ns.status.phase).toBe("Terminating");
    expect(s.finalizersPending!(ns)).toBe(true);
    expect(s.fields!(ns)).toEqual({ "status.phase": "Terminating" });
  });

  it("events and nodes field selectors", () => {
    const ev = { metadata: { name: "nginx.1", namespace: "default" }, involvedObject: { kind: "Pod", namespace: "default", name: "nginx", uid: "u1" }, reason: "Scheduled", source: { component: "default-scheduler" }, type: "Normal" } as KObject;
    expect(strategyFor("", "events").fields!(ev)).toMatchObject({ "involvedObject.uid": "u1", "involvedObject.name": "nginx", source: "default-scheduler", reportingComponent: "", reason: "Scheduled" });
    expect(strategyFor("", "nodes").fields!({ metadata: { name: "n" }, spec: { unschedulable: true } } as KObject)).toEqual({ "spec.unschedulable": "true" });
  });

  it("priority classes: reserved prefix and user maximum", () => {
    const pc = created("scheduling.k8s.io", "priorityclasses", { metadata: { name: "system-high" }, value: 5 } as KObject);
    delete pc.metadata.namespace;
    expect(pc.preemptionPolicy).toBe("PreemptLowerPriority");
    expect(errors("scheduling.k8s.io", "priorityclasses", pc)).toEqual([
      "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-high is not a known system priority class",
    ]);
  });
});
