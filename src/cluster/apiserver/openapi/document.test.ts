// Tests of the OpenAPI v3 index and group-version documents: the shape kubectl apply/create -f/
// edit/replace/explain rely on, for every resource of the resource table.
import { describe, expect, it } from "vitest";
import { groupVersion, RESOURCES } from "../resources.js";
import { openApiV3Document, openApiV3Index } from "./index.js";

type J = Record<string, any>;
const docPathOf = (gv: string) => (gv.includes("/") ? `apis/${gv}` : `api/${gv}`);
const schemaNameOf = (group: string, version: string, kind: string) => group === "apiextensions.k8s.io"
  ? `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.${version}.${kind}`
  : `io.k8s.api.${group === "" ? "core" : group.split(".")[0]}.${version}.${kind}`;

function refsIn(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => refsIn(x, out));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) k === "$ref" ? out.push(x as string) : refsIn(x, out);
  return out;
}

describe("GET /openapi/v3", () => {
  it("lists one document per served group version with an uppercase hex hash", () => {
    const index = openApiV3Index();
    expect(Object.keys(index.paths)).toEqual([
      "api/v1", "apis/apiextensions.k8s.io/v1", "apis/apps/v1", "apis/batch/v1", "apis/coordination.k8s.io/v1", "apis/discovery.k8s.io/v1",
      "apis/events.k8s.io/v1", "apis/policy/v1", "apis/rbac.authorization.k8s.io/v1", "apis/scheduling.k8s.io/v1",
    ]);
    for (const [p, { serverRelativeURL }] of Object.entries(index.paths)) {
      expect(serverRelativeURL).toMatch(new RegExp(`^/openapi/v3/${p.replace(/\./g, "\\.")}\\?hash=[0-9A-F]{32}$`));
    }
  });

  it("is stable: the same hashes and the same cached document on every call", () => {
    expect(openApiV3Index()).toEqual(openApiV3Index());
    expect(openApiV3Document("api/v1")).toBe(openApiV3Document("api/v1"));
    const hashes = Object.values(openApiV3Index().paths).map((p) => p.serverRelativeURL.split("hash=")[1]);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it("answers undefined for a group version that is not served", () => {
    expect(openApiV3Document("apis/apps/v1beta1")).toBeUndefined();
    expect(openApiV3Document("apis/storage.k8s.io/v1")).toBeUndefined();
  });
});

describe("group version documents", () => {
  for (const ri of RESOURCES) {
    const gv = groupVersion(ri);
    it(`${gv} ${ri.resource}: paths, patch operation and kind schema`, () => {
      const doc = openApiV3Document(docPathOf(gv)) as J;
      expect(doc.openapi).toBe("3.0.0");
      const base = ri.group ? `/apis/${gv}` : "/api/v1";
      const coll = ri.namespaced ? `${base}/namespaces/{namespace}/${ri.resource}` : `${base}/${ri.resource}`;
      const gvk = { group: ri.group, version: ri.version, kind: ri.kind };
      const schema = doc.components.schemas[schemaNameOf(ri.group, ri.version, ri.kind)];
      expect(schema["x-kubernetes-group-version-kind"]).toEqual([{ group: ri.group, kind: ri.kind, version: ri.version }]);
      expect(schema.type).toBe("object");
      expect(schema.properties.metadata.allOf).toEqual([{ $ref: "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta" }]);
      expect(schema.properties.apiVersion.type).toBe("string");
      if (ri.kind === "Binding") {
        expect(Object.keys(doc.paths[coll])).toEqual(["post", "parameters"]);
        expect(doc.paths[`${coll}/{name}`]).toBeUndefined();
        return;
      }
      const item = doc.paths[`${coll}/{name}`];
      expect(Object.keys(item).sort()).toEqual(["delete", "get", "parameters", "patch", "put"]);
      expect(item.patch["x-kubernetes-group-version-kind"]).toEqual(gvk);
      expect(item.patch["x-kubernetes-action"]).toBe("patch");
      expect(item.patch.parameters.map((p: J) => p.name)).toEqual(["dryRun", "fieldManager", "fieldValidation", "force"]);
      expect(Object.keys(item.patch.requestBody.content)).toEqual([
        "application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json",
      ]);
      expect(item.get.responses["200"].content["application/json"].schema.$ref).toBe(`#/components/schemas/${schemaNameOf(ri.group, ri.version, ri.kind)}`);
      expect(item.parameters.map((p: J) => p.name)).toEqual(ri.namespaced ? ["name", "namespace", "pretty"] : ["name", "pretty"]);
      expect(doc.paths[coll].get.operationId).toMatch(/^list/);
      expect(doc.paths[coll].post.parameters.map((p: J) => p.name)).toContain("fieldValidation");
      expect(doc.paths[coll].get.responses["200"].content["application/json"].schema.$ref).toBe(`#/components/schemas/${schemaNameOf(ri.group, ri.version, ri.listKind)}`);
    });
  }

  it("every $ref of every document resolves to one of its component schemas", () => {
    for (const p of Object.keys(openApiV3Index().paths)) {
      const doc = openApiV3Document(p) as J;
      for (const ref of refsIn(doc)) {
        expect(doc.components.schemas[ref.replace("#/components/schemas/", "")], `${p}: ${ref}`).toBeDefined();
      }
    }
  });

  it("names operations like upstream", () => {
    const core = openApiV3Document("api/v1") as J;
    const pod = core.paths["/api/v1/namespaces/{namespace}/pods/{name}"];
    expect(pod.patch.operationId).toBe("patchCoreV1NamespacedPod");
    expect(pod.patch.description).toBe("partially update the specified Pod");
    expect(pod.patch.tags).toEqual(["core_v1"]);
    expect(core.paths["/api/v1/nodes/{name}"].get.operationId).toBe("readCoreV1Node");
    expect(core.paths["/api/v1/pods"].get.operationId).toBe("listCoreV1PodForAllNamespaces");
    expect(core.paths["/api/v1/namespaces/{namespace}/pods/{name}/status"].patch.operationId).toBe("patchCoreV1NamespacedPodStatus");
    expect(core.paths["/api/v1/namespaces/{namespace}/pods/{name}/eviction"].post["x-kubernetes-group-version-kind"]).toEqual({ group: "policy", version: "v1", kind: "Eviction" });
    const apps = openApiV3Document("apis/apps/v1") as J;
    const scale = apps.paths["/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale"];
    expect(scale.patch.operationId).toBe("patchAppsV1NamespacedDeploymentScale");
    expect(scale.patch["x-kubernetes-group-version-kind"]).toEqual({ group: "autoscaling", version: "v1", kind: "Scale" });
    expect(apps.components.schemas["io.k8s.api.autoscaling.v1.Scale"]["x-kubernetes-group-version-kind"]).toEqual([{ group: "autoscaling", kind: "Scale", version: "v1" }]);
    const coord = openApiV3Document("apis/coordination.k8s.io/v1") as J;
    expect(coord.paths["/apis/coordination.k8s.io/v1/namespaces/{namespace}/leases"].post.operationId).toBe("createCoordinationV1NamespacedLease");
    expect(coord.paths["/apis/coordination.k8s.io/v1/namespaces/{namespace}/leases"].post.tags).toEqual(["coordination_v1"]);
  });
});

describe("component schemas", () => {
  const schemas = (openApiV3Document("api/v1") as J).components.schemas;

  it("carries the merge keys, strategies and list types of the pod spec", () => {
    const spec = schemas["io.k8s.api.core.v1.PodSpec"];
    expect(spec.required).toEqual(["containers"]);
    expect(spec.properties.containers).toEqual({
      description: expect.any(String),
      items: { $ref: "#/components/schemas/io.k8s.api.core.v1.Container" },
      type: "array",
      "x-kubernetes-list-map-keys": ["name"],
      "x-kubernetes-list-type": "map",
      "x-kubernetes-patch-merge-key": "name",
      "x-kubernetes-patch-strategy": "merge",
    });
    expect(spec.properties.volumes["x-kubernetes-patch-strategy"]).toBe("merge,retainKeys");
    expect(spec.properties.tolerations["x-kubernetes-list-type"]).toBe("atomic");
    expect(spec.properties.tolerations["x-kubernetes-patch-merge-key"]).toBeUndefined();
    expect(spec.properties.restartPolicy.enum).toEqual(["Always", "Never", "OnFailure"]);
    expect(spec.properties.nodeSelector).toMatchObject({ additionalProperties: { type: "string" }, type: "object", "x-kubernetes-map-type": "atomic" });
    const ports = schemas["io.k8s.api.core.v1.Container"].properties.ports;
    expect(ports["x-kubernetes-list-map-keys"]).toEqual(["containerPort", "protocol"]);
    expect(ports["x-kubernetes-patch-merge-key"]).toBe("containerPort");
    expect(schemas["io.k8s.api.core.v1.Container"].required).toEqual(["name"]);
    expect(schemas["io.k8s.api.core.v1.ContainerPort"].properties.containerPort).toEqual({ description: expect.any(String), format: "int32", type: "integer" });
  });

  it("describes quantities, int-or-string, times and atomic structs as upstream", () => {
    expect(schemas["io.k8s.apimachinery.pkg.api.resource.Quantity"].oneOf).toEqual([{ type: "string" }, { type: "number" }]);
    expect(schemas["io.k8s.apimachinery.pkg.util.intstr.IntOrString"]).toMatchObject({ format: "int-or-string", oneOf: [{ type: "integer" }, { type: "string" }] });
    expect(schemas["io.k8s.apimachinery.pkg.apis.meta.v1.Time"]).toMatchObject({ format: "date-time", type: "string" });
    expect(schemas["io.k8s.api.core.v1.ResourceRequirements"].properties.limits.additionalProperties).toEqual({ $ref: "#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity" });
    expect(schemas["io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference"]["x-kubernetes-map-type"]).toBe("atomic");
    const meta = schemas["io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"].properties;
    expect(meta.finalizers).toMatchObject({ "x-kubernetes-list-type": "set", "x-kubernetes-patch-strategy": "merge" });
    expect(meta.ownerReferences).toMatchObject({ "x-kubernetes-patch-merge-key": "uid", "x-kubernetes-list-map-keys": ["uid"] });
  });

  it("gives the main fields a description for kubectl explain", () => {
    expect(schemas["io.k8s.api.core.v1.Container"].properties.image.description).toMatch(/image/i);
    expect(schemas["io.k8s.api.core.v1.Pod"].description).toMatch(/containers/);
    expect(schemas["io.k8s.api.core.v1.PodSpec"].properties.containers.description).toMatch(/containers/i);
    expect(schemas["io.k8s.api.core.v1.PodList"].description).toBe("PodList is a list of Pod objects.");
    expect(schemas["io.k8s.api.core.v1.Container"].properties.ports.description).toMatch(/ports/i);
    expect(schemas["io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference"].properties.kind.description).toBeUndefined();
  });

  it("keeps retainKeys on the deployment strategy and requires selector and template", () => {
    const apps = (openApiV3Document("apis/apps/v1") as J).components.schemas;
    const spec = apps["io.k8s.api.apps.v1.DeploymentSpec"];
    expect(spec.required).toEqual(["selector", "template"]);
    expect(spec.properties.strategy).toMatchObject({ allOf: [{ $ref: "#/components/schemas/io.k8s.api.apps.v1.DeploymentStrategy" }], "x-kubernetes-patch-strategy": "retainKeys" });
    expect(apps["io.k8s.api.apps.v1.RollingUpdateDeployment"].properties.maxSurge).toEqual({ $ref: "#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString" });
  });

  it("serves the RBAC group with atomic rules and subjects (no merge keys) and required roleRef fields", () => {
    const doc = openApiV3Document("apis/rbac.authorization.k8s.io/v1") as J;
    const rbac = doc.components.schemas;
    const rules = rbac["io.k8s.api.rbac.v1.ClusterRole"].properties.rules;
    expect(rules).toMatchObject({ type: "array", "x-kubernetes-list-type": "atomic" });
    expect(rules["x-kubernetes-patch-merge-key"]).toBeUndefined();
    expect(rules.items).toEqual({ $ref: "#/components/schemas/io.k8s.api.rbac.v1.PolicyRule" });
    expect(rbac["io.k8s.api.rbac.v1.PolicyRule"].required).toEqual(["verbs"]);
    expect(rbac["io.k8s.api.rbac.v1.RoleBinding"].properties.subjects["x-kubernetes-list-type"]).toBe("atomic");
    expect(rbac["io.k8s.api.rbac.v1.RoleBinding"].required).toEqual(["roleRef"]);
    expect(rbac["io.k8s.api.rbac.v1.RoleRef"]).toMatchObject({ required: ["apiGroup", "kind", "name"], "x-kubernetes-map-type": "atomic" });
    expect(rbac["io.k8s.api.rbac.v1.Subject"].required).toEqual(["kind", "name"]);
    expect(rbac["io.k8s.api.rbac.v1.ClusterRole"].properties.aggregationRule).toEqual({
      allOf: [{ $ref: "#/components/schemas/io.k8s.api.rbac.v1.AggregationRule" }], description: expect.any(String),
    });
    const crbs = doc.paths["/apis/rbac.authorization.k8s.io/v1/clusterrolebindings/{name}"];
    expect(crbs.patch.operationId).toBe("patchRbacAuthorizationV1ClusterRoleBinding");
    expect(crbs.patch.tags).toEqual(["rbacAuthorization_v1"]);
    expect(doc.paths["/apis/rbac.authorization.k8s.io/v1/namespaces/{namespace}/rolebindings"].post.operationId).toBe("createRbacAuthorizationV1NamespacedRoleBinding");
    expect(doc.paths["/apis/rbac.authorization.k8s.io/v1/rolebindings"].get.operationId).toBe("listRbacAuthorizationV1RoleBindingForAllNamespaces");
  });
});
