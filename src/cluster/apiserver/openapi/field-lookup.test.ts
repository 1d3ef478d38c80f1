// Tests of the strategic-merge-patch metadata lookup (patchStrategy/patchMergeKey per field path).
import { describe, expect, it } from "vitest";
import { fieldInfo, patchMetaLookup } from "./index.js";

describe("patchMetaLookup", () => {
  const pod = patchMetaLookup("", "v1", "Pod");
  const deploy = patchMetaLookup("apps", "v1", "Deployment");

  it("answers merge keys of the pod's lists", () => {
    expect(pod(["spec", "containers"])).toEqual({ patchStrategy: "merge", patchMergeKey: "name" });
    expect(pod(["spec", "initContainers"])).toEqual({ patchStrategy: "merge", patchMergeKey: "name" });
    expect(pod(["spec", "containers", "ports"])).toEqual({ patchStrategy: "merge", patchMergeKey: "containerPort" });
    expect(pod(["spec", "containers", "env"])).toEqual({ patchStrategy: "merge", patchMergeKey: "name" });
    expect(pod(["spec", "containers", "volumeMounts"])).toEqual({ patchStrategy: "merge", patchMergeKey: "mountPath" });
    expect(pod(["spec", "volumes"])).toEqual({ patchStrategy: "merge,retainKeys", patchMergeKey: "name" });
    expect(pod(["status", "conditions"])).toEqual({ patchStrategy: "merge", patchMergeKey: "type" });
    expect(pod(["status", "podIPs"])).toEqual({ patchStrategy: "merge", patchMergeKey: "ip" });
  });

  it("answers metadata's finalizers and ownerReferences", () => {
    expect(pod(["metadata", "finalizers"])).toEqual({ patchStrategy: "merge" });
    expect(pod(["metadata", "ownerReferences"])).toEqual({ patchStrategy: "merge", patchMergeKey: "uid" });
    expect(deploy(["metadata", "ownerReferences"])).toEqual({ patchStrategy: "merge", patchMergeKey: "uid" });
  });

  it("answers an empty object for known fields without a strategy (tolerations, args, labels)", () => {
    expect(pod(["spec", "tolerations"])).toEqual({});
    expect(pod(["spec", "containers", "args"])).toEqual({});
    expect(pod(["metadata", "labels"])).toEqual({});
    expect(pod(["metadata", "labels", "app"])).toEqual({});
    expect(pod(["spec", "containers", "resources", "limits", "cpu"])).toEqual({});
  });

  it("follows the pod template of workloads", () => {
    expect(deploy(["spec", "template", "spec", "containers"])).toEqual({ patchStrategy: "merge", patchMergeKey: "name" });
    expect(deploy(["spec", "template", "spec", "containers", "env"])).toEqual({ patchStrategy: "merge", patchMergeKey: "name" });
    expect(deploy(["spec", "strategy"])).toEqual({ patchStrategy: "retainKeys" });
    expect(deploy(["status", "conditions"])).toEqual({ patchStrategy: "merge", patchMergeKey: "type" });
    expect(patchMetaLookup("batch", "v1", "Job")(["spec", "template", "spec", "tolerations"])).toEqual({});
    expect(patchMetaLookup("", "v1", "Node")(["status", "conditions"])).toEqual({ patchStrategy: "merge", patchMergeKey: "type" });
    expect(patchMetaLookup("", "v1", "Node")(["spec", "taints"])).toEqual({});
    expect(patchMetaLookup("", "v1", "Service")(["spec", "ports"])).toEqual({ patchStrategy: "merge", patchMergeKey: "port" });
  });

  it("answers undefined for unknown fields and kinds", () => {
    expect(pod(["spec", "containerz"])).toBeUndefined();
    expect(pod(["spec", "containers", "image", "x"])).toBeUndefined();
    expect(patchMetaLookup("example.com", "v1", "Widget")(["spec"])).toBeUndefined();
  });

  it("Scale is known for the scale subresource", () => {
    expect(patchMetaLookup("autoscaling", "v1", "Scale")(["spec", "replicas"])).toEqual({});
  });
});

describe("fieldInfo", () => {
  it("gives list types and map keys for server-side apply", () => {
    expect(fieldInfo("", "v1", "Pod", ["spec", "containers", "ports"])).toEqual({
      shape: "list", items: "object", patchStrategy: "merge", patchMergeKey: "containerPort", listType: "map", listMapKeys: ["containerPort", "protocol"],
    });
    expect(fieldInfo("", "v1", "Pod", ["metadata", "finalizers"])).toEqual({ shape: "list", items: "scalar", patchStrategy: "merge", listType: "set" });
    expect(fieldInfo("", "v1", "Pod", ["spec", "nodeSelector"])).toEqual({ shape: "map", items: "scalar", mapType: "atomic" });
    expect(fieldInfo("apps", "v1", "Deployment", ["spec", "selector"])).toEqual({ shape: "object" });
    expect(fieldInfo("", "v1", "Pod", ["metadata", "managedFields", "fieldsV1"])).toEqual({ shape: "free" });
  });
});
