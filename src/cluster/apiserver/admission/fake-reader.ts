// An in-memory ObjectReader for admission and strategy tests: objects keyed by group/resource/namespace/name.
import type { ObjectReader } from "./types";
import type { KObject } from "../registry/types";

export function fakeReader(objects: { group?: string; resource: string; obj: KObject }[]): ObjectReader {
  const all = objects.map((o) => ({ group: o.group ?? "", resource: o.resource, obj: o.obj }));
  return {
    get: (group, resource, namespace, name) =>
      all.find((o) => o.group === group && o.resource === resource && o.obj.metadata.name === name && (namespace === undefined || o.obj.metadata.namespace === namespace))?.obj,
    list: (group, resource, namespace) =>
      all.filter((o) => o.group === group && o.resource === resource && (namespace === undefined || o.obj.metadata.namespace === namespace)).map((o) => o.obj),
  };
}
