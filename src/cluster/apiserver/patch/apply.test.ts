import { describe, expect, it } from "vitest";
import { StatusError } from "../status";
import { applyPatch, updateManagedFields } from "./index";
import { podLookup } from "./test-lookup";

const SSA = "application/apply-patch+yaml";
const T1 = new Date("2025-01-02T03:04:05.678Z");
const T2 = new Date("2025-01-02T03:05:00Z");
const err = (f: () => unknown): StatusError => { try { f(); } catch (e) { return e as StatusError; } throw new Error("no error"); };
// kubectl apply --server-side's body (KUBECTL_REQUESTS.md §3.12): JSON under the YAML content type.
const KUBECTL_BODY = '{"apiVersion":"v1","kind":"Pod","metadata":{"labels":{"run":"nginx"},"name":"nginx","namespace":"default"},"spec":{"containers":[{"image":"nginx","name":"nginx"}]}}';
const apply = (orig: object | undefined, body: string, now = T1, manager = "kubectl", force = false) =>
  applyPatch(SSA, orig, body, podLookup, { fieldManager: manager, now, force }) as any;

describe("server-side apply", () => {
  it("creates the object when absent and records the Apply entry in FieldsV1 form", () => {
    const out = apply(undefined, KUBECTL_BODY);
    expect(out.spec.containers).toEqual([{ image: "nginx", name: "nginx" }]);
    expect(out.metadata.managedFields).toEqual([{
      manager: "kubectl", operation: "Apply", apiVersion: "v1", time: "2025-01-02T03:04:05Z", fieldsType: "FieldsV1",
      fieldsV1: {
        "f:metadata": { "f:labels": { "f:run": {} } },
        "f:spec": { "f:containers": { 'k:{"name":"nginx"}': { ".": {}, "f:image": {}, "f:name": {} } } },
      },
    }]);
  });

  it("accepts YAML bodies and merges into the live object, keeping fields others set", () => {
    const live = { ...apply(undefined, KUBECTL_BODY), status: { phase: "Running" } };
    live.spec.containers[0].imagePullPolicy = "Always";
    const out = apply(live, "apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\n  labels:\n    run: nginx\n    tier: web\nspec:\n  containers:\n  - name: nginx\n    image: nginx:1.27\n", T2);
    expect(out.metadata.labels).toEqual({ run: "nginx", tier: "web" });
    expect(out.spec.containers).toEqual([{ image: "nginx:1.27", name: "nginx", imagePullPolicy: "Always" }]);
    expect(out.status).toEqual({ phase: "Running" });
    expect(out.metadata.managedFields[0].time).toBe("2025-01-02T03:05:00Z");
  });

  it("removes fields the same manager applied before and dropped now", () => {
    const two = KUBECTL_BODY.replace('[{"image":"nginx","name":"nginx"}]', '[{"image":"nginx","name":"nginx"},{"image":"busybox","name":"sidecar"}]');
    const live = apply(undefined, two);
    const out = apply(live, KUBECTL_BODY.replace('"labels":{"run":"nginx"},', ""), T2);
    expect(out.spec.containers.map((c: any) => c.name)).toEqual(["nginx"]);
    expect(out.metadata.labels).toBeUndefined();
    expect(out.metadata.managedFields[0].fieldsV1).toEqual({ "f:spec": { "f:containers": { 'k:{"name":"nginx"}': { ".": {}, "f:image": {}, "f:name": {} } } } });
  });

  it("keeps a dropped field another manager also owns", () => {
    const live = apply(undefined, KUBECTL_BODY);
    const withOther = apply(live, '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"nginx","labels":{"run":"nginx"}}}', T1, "other");
    const out = apply(withOther, KUBECTL_BODY.replace('"labels":{"run":"nginx"},', ""), T2);
    expect(out.metadata.labels).toEqual({ run: "nginx" });
  });

  it("a change to a field another manager owns is a 409 conflict unless forced", () => {
    const created: any = { apiVersion: "v1", kind: "Pod", metadata: { name: "nginx", labels: { run: "nginx" } }, spec: { containers: [{ name: "nginx", image: "nginx" }] } };
    updateManagedFields(created, undefined, "kubectl-run", "Update", "v1", T1, { lookup: podLookup });
    const e = err(() => apply(created, KUBECTL_BODY.replace('"image":"nginx"', '"image":"nginx:1.27"'), T2));
    expect(e.toStatus()).toMatchObject({
      code: 409, reason: "Conflict",
      message: 'Apply failed with 1 conflict: conflict with "kubectl-run" using v1: .spec.containers[name="nginx"].image',
      details: { causes: [{ reason: "FieldManagerConflict", message: 'conflict with "kubectl-run" using v1', field: '.spec.containers[name="nginx"].image' }] },
    });
    const forced = apply(created, KUBECTL_BODY.replace('"image":"nginx"', '"image":"nginx:1.27"'), T2, "kubectl", true);
    expect(forced.spec.containers[0].image).toBe("nginx:1.27");
    const run = forced.metadata.managedFields.find((m: any) => m.manager === "kubectl-run");
    expect(run.fieldsV1["f:spec"]["f:containers"]['k:{"name":"nginx"}']).toEqual({ ".": {}, "f:name": {} });
  });

  it("an undecodable body is 400", () => {
    expect(err(() => apply(undefined, "- a\n- b")).message).toBe("error decoding YAML: json: cannot unmarshal array into Go value of type map[string]interface {}");
  });
});

describe("managedFields for Update operations", () => {
  it("records what kubectl run set, as kubectl get -o yaml --show-managed-fields shows it", () => {
    const pod: any = {
      apiVersion: "v1", kind: "Pod",
      metadata: { name: "nginx", namespace: "default", uid: "u", creationTimestamp: "t", labels: { run: "nginx" } },
      spec: { containers: [{ name: "nginx", image: "nginx", resources: {}, ports: [{ containerPort: 80, protocol: "TCP" }] }], dnsPolicy: "ClusterFirst", securityContext: {} },
      status: { phase: "Pending" },
    };
    updateManagedFields(pod, undefined, "kubectl-run", "Update", "v1", T1, { lookup: podLookup });
    expect(pod.metadata.managedFields).toEqual([{
      manager: "kubectl-run", operation: "Update", apiVersion: "v1", time: "2025-01-02T03:04:05Z", fieldsType: "FieldsV1",
      fieldsV1: {
        "f:metadata": { "f:labels": { ".": {}, "f:run": {} } },
        "f:spec": {
          "f:containers": { 'k:{"name":"nginx"}': {
            ".": {}, "f:image": {}, "f:name": {},
            "f:ports": { ".": {}, 'k:{"containerPort":80,"protocol":"TCP"}': { ".": {}, "f:containerPort": {}, "f:protocol": {} } },
            "f:resources": {},
          } },
          "f:dnsPolicy": {}, "f:securityContext": {},
        },
      },
    }]);
  });

  it("a later Update by another manager takes the changed fields and keeps the first entry's time", () => {
    const pod: any = { apiVersion: "v1", kind: "Pod", metadata: { name: "p", labels: { a: "1" } }, spec: { containers: [{ name: "c", image: "x" }] } };
    updateManagedFields(pod, undefined, "kubectl-create", "Update", "v1", T1, { lookup: podLookup });
    const next = structuredClone(pod);
    next.metadata.labels.a = "2";
    next.metadata.labels.edited = "yes";
    updateManagedFields(next, pod, "kubectl-edit", "Update", "v1", T2, { lookup: podLookup });
    const [create, edit] = next.metadata.managedFields;
    expect(create.manager).toBe("kubectl-create");
    expect(create.time).toBe("2025-01-02T03:04:05Z");
    expect(create.fieldsV1["f:metadata"]).toEqual({ "f:labels": {} }); // a member without children
    expect(edit).toMatchObject({ manager: "kubectl-edit", time: "2025-01-02T03:05:00Z", fieldsV1: { "f:metadata": { "f:labels": { "f:a": {}, "f:edited": {} } } } });
  });

  it("records a status write with subresource status and never spec", () => {
    const old: any = { apiVersion: "v1", kind: "Pod", metadata: { name: "p" }, spec: { nodeName: "n" }, status: { phase: "Pending" } };
    const next = { ...structuredClone(old), status: { phase: "Running", conditions: [{ type: "Ready", status: "True" }] } };
    updateManagedFields(next, old, "kubelet", "Update", "v1", T1, { subresource: "status", lookup: podLookup });
    expect(next.metadata.managedFields).toEqual([{
      manager: "kubelet", operation: "Update", apiVersion: "v1", time: "2025-01-02T03:04:05Z", fieldsType: "FieldsV1",
      fieldsV1: { "f:status": { "f:conditions": { ".": {}, 'k:{"type":"Ready"}': { ".": {}, "f:status": {}, "f:type": {} } }, "f:phase": {} } },
      subresource: "status",
    }]);
  });
});
