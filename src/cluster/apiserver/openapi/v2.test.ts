// Tests of GET /openapi/v2: the definitions kubectl's client-side validation reads (GVK
// extensions, v2 references, required fields, atomic lists) and their gnostic protobuf encoding,
// decoded back with the openapi.v2 message definitions.
import { describe, expect, it } from "vitest";
import { Reader } from "protobufjs/minimal";
import { openApiV2Document } from "./v2";
import { openApiV2Protobuf } from "./v2-proto";

type J = Record<string, any>;

/** Length-delimited and varint fields of a message by number (workerd forbids protobufjs codegen). */
function fields(bytes: Uint8Array): Map<number, Uint8Array[]> {
  const r = new Reader(bytes);
  const out = new Map<number, Uint8Array[]>();
  while (r.pos < r.len) {
    const tag = r.uint32();
    if ((tag & 7) !== 2) { r.skipType(tag & 7); continue; }
    const list = out.get(tag >>> 3) ?? [];
    list.push(r.bytes());
    out.set(tag >>> 3, list);
  }
  return out;
}
const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
const one = (m: Map<number, Uint8Array[]>, n: number) => m.get(n)?.[0];
/** NamedX lists (Definitions, Properties, vendor extensions): name → value message bytes. */
const named = (entries: Uint8Array[] | undefined) => new Map((entries ?? []).map((e) => { const f = fields(e); return [text(one(f, 1)), one(f, 2)!] as const; }));

describe("GET /openapi/v2", () => {
  const defs = openApiV2Document().definitions as J;

  it("defines every served kind with its group-version-kind and v2 references", () => {
    const cr = defs["io.k8s.api.rbac.v1.ClusterRole"];
    expect(cr["x-kubernetes-group-version-kind"]).toEqual([{ group: "rbac.authorization.k8s.io", kind: "ClusterRole", version: "v1" }]);
    expect(cr.properties.metadata).toEqual({ $ref: "#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta", description: expect.any(String) });
    expect(cr.properties.rules).toMatchObject({ type: "array", items: { $ref: "#/definitions/io.k8s.api.rbac.v1.PolicyRule" }, "x-kubernetes-list-type": "atomic" });
    expect(defs["io.k8s.api.rbac.v1.PolicyRule"].required).toEqual(["verbs"]);
    expect(defs["io.k8s.apimachinery.pkg.util.intstr.IntOrString"]).toMatchObject({ type: "string", format: "int-or-string" });
    expect(defs["io.k8s.api.apps.v1.DaemonSet"]["x-kubernetes-group-version-kind"]).toEqual([{ group: "apps", kind: "DaemonSet", version: "v1" }]);
    for (const [name, d] of Object.entries(defs)) {
      for (const ref of JSON.stringify(d).match(/#\/definitions\/[\w.-]+/g) ?? []) expect(defs[ref.slice(14)], `${name} → ${ref}`).toBeDefined();
      expect(JSON.stringify(d)).not.toContain("#/components/");
    }
  });

  it("encodes as gnostic's openapi.v2.Document", () => {
    const doc = fields(openApiV2Protobuf());
    expect(text(one(doc, 1))).toBe("2.0");
    const info = fields(one(doc, 2)!);
    expect([text(one(info, 1)), text(one(info, 2))]).toEqual(["Kubernetes", "v1.32.4"]);
    const defs2 = named(fields(one(doc, 9)!).get(1));
    expect(defs2.size).toBe(Object.keys(defs).length);
    const crb = fields(defs2.get("io.k8s.api.rbac.v1.ClusterRoleBinding")!);
    expect(text(one(fields(one(crb, 22)!), 1))).toBe("object");
    expect(crb.get(19)!.map(text)).toEqual(["roleRef"]);
    const gvk = named(crb.get(31)).get("x-kubernetes-group-version-kind")!;
    expect(JSON.parse(text(one(fields(gvk), 2)))).toEqual([{ group: "rbac.authorization.k8s.io", kind: "ClusterRoleBinding", version: "v1" }]);
    const subjects = fields(named(fields(one(crb, 25)!).get(1)).get("subjects")!);
    expect(text(one(fields(one(fields(one(subjects, 23)!), 1)!), 1))).toBe("#/definitions/io.k8s.api.rbac.v1.Subject");
    const meta = fields(defs2.get("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta")!);
    const labels = fields(named(fields(one(meta, 25)!).get(1)).get("labels")!);
    const valueSchema = fields(one(fields(one(labels, 21)!), 1)!);
    expect(text(one(fields(one(valueSchema, 22)!), 1))).toBe("string");
  });
});
