// Typed objects print in Go struct order: TypeMeta, metadata, then the type's fields as declared,
// map keys sorted; unknown kinds keep their keys as given.
import { describe, expect, it } from "vitest";
import { goJsonInOrder } from "./json";
import { inStructOrder } from "./struct-order";

describe("struct order", () => {
  it("orders a ConfigMap as encoding/json writes the typed object", () => {
    const cm = { apiVersion: "v1", data: { b: "2", a: "1" }, kind: "ConfigMap", metadata: { creationTimestamp: null, name: "cm2" } };
    expect(goJsonInOrder(inStructOrder(cm))).toBe(
      '{\n    "kind": "ConfigMap",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "cm2",\n        "creationTimestamp": null\n    },\n' +
      '    "data": {\n        "a": "1",\n        "b": "2"\n    }\n}');
  });

  it("orders nested structs and lists of structs (a Deployment's containers)", () => {
    const d = inStructOrder({
      apiVersion: "apps/v1", kind: "Deployment", status: {}, metadata: { name: "d" },
      spec: { template: { spec: { containers: [{ resources: {}, name: "nginx", image: "nginx" }] }, metadata: {} }, selector: {}, replicas: 1 },
    });
    expect(Object.keys(d)).toEqual(["kind", "apiVersion", "metadata", "spec", "status"]);
    const spec = d.spec as Record<string, any>;
    expect(Object.keys(spec)).toEqual(["replicas", "selector", "template"]);
    expect(Object.keys(spec.template.spec.containers[0])).toEqual(["name", "image", "resources"]);
  });

  it("leaves an unknown kind as it is", () => {
    const o = { kind: "Widget", apiVersion: "example.com/v1", spec: { z: 1, a: 2 } };
    expect(inStructOrder(o)).toBe(o);
  });
});
