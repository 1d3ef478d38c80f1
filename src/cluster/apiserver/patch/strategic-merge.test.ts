import { describe, expect, it } from "vitest";
import { StatusError } from "../status";
import { applyPatch } from "./index";
import { podLookup } from "./test-lookup";

const SMP = "application/strategic-merge-patch+json";
const smp = (orig: unknown, patch: unknown) => applyPatch(SMP, orig as object, JSON.stringify(patch), podLookup) as any;
const err = (f: () => unknown): StatusError => { try { f(); } catch (e) { return e as StatusError; } throw new Error("no error"); };
const LAST = "kubectl.kubernetes.io/last-applied-configuration";

const livePod = () => ({
  apiVersion: "v1", kind: "Pod",
  metadata: { name: "nginx", namespace: "default", annotations: { [LAST]: "{}\n" }, finalizers: ["a", "b"] },
  spec: {
    containers: [
      { name: "nginx", image: "nginx", imagePullPolicy: "Always", ports: [{ containerPort: 80, protocol: "TCP" }], env: [{ name: "A", value: "1" }] },
      { name: "sidecar", image: "busybox" },
    ],
    tolerations: [{ key: "x", operator: "Exists" }],
  },
  status: { conditions: [{ type: "PodScheduled", status: "True" }, { type: "Ready", status: "False" }] },
});

describe("strategic merge patch", () => {
  it("applies kubectl apply's patch (KUBECTL_REQUESTS.md §3.11): containers merge by name, $setElementOrder honoured", () => {
    const body = `{"metadata":{"annotations":{"${LAST}":"{\\"new\\":1}\\n"}},"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"image":"nginx:1.27","name":"nginx"}]}}`;
    const out = applyPatch(SMP, livePod(), body, podLookup) as any;
    expect(out.metadata.annotations[LAST]).toBe('{"new":1}\n');
    expect(out.spec.containers[0]).toEqual({ name: "nginx", image: "nginx:1.27", imagePullPolicy: "Always", ports: [{ containerPort: 80, protocol: "TCP" }], env: [{ name: "A", value: "1" }] });
    expect(out.spec.containers[1]).toEqual({ name: "sidecar", image: "busybox" });
    expect(JSON.stringify(out)).not.toContain("$setElementOrder");
  });

  it("orders a merged list by $setElementOrder", () => {
    const out = smp(livePod(), { spec: { "$setElementOrder/containers": [{ name: "sidecar" }, { name: "new" }, { name: "nginx" }], containers: [{ name: "new", image: "redis" }] } });
    expect(out.spec.containers.map((c: any) => c.name)).toEqual(["sidecar", "new", "nginx"]);
  });

  it("merges nested lists by their own keys; new items come before server-only ones (mergeSortedSlice)", () => {
    const out = smp(livePod(), { spec: { containers: [{ name: "nginx", ports: [{ containerPort: 443 }], env: [{ name: "A", value: "2" }, { name: "B", value: "3" }] }] } });
    const c = out.spec.containers[0];
    expect(c.ports).toEqual([{ containerPort: 443 }, { containerPort: 80, protocol: "TCP" }]);
    expect(c.env).toEqual([{ name: "A", value: "2" }, { name: "B", value: "3" }]);
    expect(out.spec.containers).toHaveLength(2);
  });

  it("$patch: delete removes a list item, $patch: replace replaces the list or a map", () => {
    expect(smp(livePod(), { spec: { containers: [{ name: "sidecar", $patch: "delete" }] } }).spec.containers.map((c: any) => c.name)).toEqual(["nginx"]);
    expect(smp(livePod(), { spec: { containers: [{ name: "only" }, { $patch: "replace" }] } }).spec.containers).toEqual([{ name: "only" }]);
    expect(smp(livePod(), { metadata: { annotations: { $patch: "replace", b: "2" } } }).metadata.annotations).toEqual({ b: "2" });
    expect(smp(livePod(), { status: { $patch: "delete" } }).status).toEqual({});
  });

  it("lists without merge strategy are replaced (tolerations)", () => {
    expect(smp(livePod(), { spec: { tolerations: [{ key: "y" }] } }).spec.tolerations).toEqual([{ key: "y" }]);
  });

  it("merges primitive lists as sets and deletes with $deleteFromPrimitiveList (finalizers)", () => {
    expect(smp(livePod(), { metadata: { finalizers: ["c", "a"] } }).metadata.finalizers).toEqual(["c", "a", "b"]);
    expect(smp(livePod(), { metadata: { "$deleteFromPrimitiveList/finalizers": ["a"] } }).metadata.finalizers).toEqual(["b"]);
  });

  it("null deletes fields and map keys; maps merge recursively", () => {
    const out = smp(livePod(), { metadata: { annotations: { [LAST]: null, x: "y" } }, spec: { tolerations: null } });
    expect(out.metadata.annotations).toEqual({ x: "y" });
    expect(out.spec.tolerations).toBeUndefined();
  });

  it("merges status conditions by type (kubelet-style status patch)", () => {
    const out = smp(livePod(), { status: { conditions: [{ type: "Ready", status: "True" }] } });
    expect(out.status.conditions).toEqual([{ type: "PodScheduled", status: "True" }, { type: "Ready", status: "True" }]);
  });

  it("$retainKeys clears the keys not listed", () => {
    const orig = { spec: { volumes: [{ name: "v", hostPath: { path: "/x" } }] } };
    const out = smp(orig, { spec: { volumes: [{ name: "v", emptyDir: {}, $retainKeys: ["emptyDir", "name"] }] } });
    expect(out.spec.volumes).toEqual([{ name: "v", emptyDir: {} }]);
    expect(err(() => smp(orig, { spec: { volumes: [{ name: "v", emptyDir: {}, $retainKeys: ["name"] }] } })).toStatus())
      .toMatchObject({ code: 400, reason: "BadRequest", message: "invalid patch format of retainKeys" });
  });

  it("a list item without its merge key is an error worded as upstream", () => {
    const e = err(() => smp(livePod(), { spec: { containers: [{ image: "x" }] } }));
    expect(e.code).toBe(500);
    expect(e.message).toBe("map: map[image:x] does not contain declared merge key: name");
  });

  it("a bad $setElementOrder key and a non-object body are 400", () => {
    expect(err(() => smp(livePod(), { spec: { $setElementOrder: [] } })).message).toBe("invalid patch format of setElementOrder list");
    expect(err(() => applyPatch(SMP, livePod(), "[]", podLookup)).message).toBe("json: cannot unmarshal array into Go value of type map[string]interface {}");
  });
});
