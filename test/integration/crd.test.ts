// CustomResourceDefinitions through the API: a valid one is stored with its storage version in
// status.storedVersions, then the naming and establishing controllers accept its names and mark
// it Established; a bad one is refused with upstream's causes; a second CRD taking the same
// plural in the group is not accepted; group and plural never change.
import { describe, expect, it } from "vitest";
import { TABLE_ACCEPT } from "./helpers";
import { lifecycleCluster } from "./lifecycle-helpers";

const PATH = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";

function crd(plural: string, kind: string, group = "example.com", extra: Record<string, unknown> = {}) {
  return {
    apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition",
    metadata: { name: `${plural}.${group}` },
    spec: {
      group, scope: "Namespaced", names: { plural, kind },
      versions: [{ name: "v1", served: true, storage: true, schema: { openAPIV3Schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true } } }],
      ...extra,
    },
  };
}

describe("customresourcedefinitions", () => {
  it("stores a CRD, accepts its names and establishes it", async () => {
    const c = await lifecycleCluster();
    const r = await c.kube("POST", PATH, { body: crd("widgets", "Widget") });
    expect(r.status).toBe(201);
    const created = (await r.json()) as any;
    expect(created.spec.names).toEqual({ plural: "widgets", singular: "widget", kind: "Widget", listKind: "WidgetList" });
    expect(created.spec.conversion).toEqual({ strategy: "None" });
    expect(created.status.storedVersions).toEqual(["v1"]);
    await c.step(1);
    const got = (await (await c.kube("GET", `${PATH}/widgets.example.com`)).json()) as any;
    expect(got.status.acceptedNames).toEqual(created.spec.names);
    expect(got.status.conditions.map((x: any) => [x.type, x.status, x.reason, x.message])).toEqual([
      ["NamesAccepted", "True", "NoConflicts", "no conflicts found"],
      ["Established", "True", "InitialNamesAccepted", "the initial names have been accepted"],
    ]);
    const table = (await (await c.kube("GET", PATH, { accept: TABLE_ACCEPT })).json()) as any;
    expect(table.columnDefinitions.map((d: any) => d.name)).toEqual(["Name", "Created At"]);
    expect(table.rows[0].cells[0]).toBe("widgets.example.com");
    expect(table.rows[0].cells[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    // a second CRD of the group whose kind (and so singular) is in use: stored, names not accepted
    expect((await c.kube("POST", PATH, { body: crd("things", "Widget") })).status).toBe(201);
    await c.step(1);
    const things = (await (await c.kube("GET", `${PATH}/things.example.com`)).json()) as any;
    expect(things.status.conditions.find((x: any) => x.type === "NamesAccepted")).toMatchObject({ status: "False", reason: "SingularConflict", message: '"widget" is already in use' });
    expect(things.status.conditions.find((x: any) => x.type === "Established")).toBeUndefined();

    const patch = await c.kube("PATCH", `${PATH}/widgets.example.com`, { body: { spec: { group: "other.example.com" } }, contentType: "application/merge-patch+json" });
    expect(patch.status).toBe(422);
    expect(((await patch.json()) as any).message).toContain('spec.group: Invalid value: "other.example.com": field is immutable');
  });

  it("refuses an invalid CRD with upstream's causes", async () => {
    const c = await lifecycleCluster();
    const bad = crd("widgets", "Widget", "nodot");
    bad.metadata.name = "wrong";
    (bad.spec.versions as any[]).push({ name: "v2", served: true, storage: true, schema: { openAPIV3Schema: { type: "object" } } });
    const r = await c.kube("POST", PATH, { body: bad });
    expect(r.status).toBe(422);
    const causes = ((await r.json()) as any).details.causes.map((x: any) => `${x.field}: ${x.message}`);
    expect(causes).toContain('metadata.name: Invalid value: "wrong": must be spec.names.plural+"."+spec.group');
    expect(causes).toContain('spec.group: Invalid value: "nodot": should be a domain with at least one dot');
    expect(causes.some((x: string) => x.startsWith("spec.versions: Invalid value: ") && x.endsWith("must have exactly one version marked as storage version"))).toBe(true);
    expect((await c.kube("GET", PATH)).status).toBe(200);
    expect(((await (await c.kube("GET", PATH)).json()) as any).items).toEqual([]);
  });
});
