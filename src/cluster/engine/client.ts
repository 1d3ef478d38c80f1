// The in-process API client components use: the same registry (admission, validation, storage)
// as kubectl's requests, under the component's own user, as client-go is for upstream components.
import type { GenericRegistry } from "../apiserver/generic-registry";
import type { UserInfo } from "../apiserver/admission/types";
import type { KObject } from "../apiserver/registry/types";
import { findResource, storagePrefix, type ResourceInfo } from "../apiserver/resources";
import type { Store } from "../store/types";
import { isStatusError } from "../apiserver/status";
import { RequestTrace } from "../apiserver/trace";

export class ApiClient {
  constructor(
    private readonly registry: GenericRegistry,
    private readonly store: Store,
    readonly user: UserInfo,
    private readonly now: () => Date,
    readonly fieldManager: string,
  ) {}

  static resource(group: string, resource: string): ResourceInfo {
    const ri = findResource(group, "v1", resource);
    if (!ri) throw new Error(`unknown resource ${group}/${resource}`);
    return ri;
  }

  private opts(subresource?: string) {
    return { user: this.user, fieldManager: this.fieldManager, subresource, trace: new RequestTrace(this.now) };
  }

  get(ri: ResourceInfo, ns: string | undefined, name: string): KObject | undefined {
    try {
      return this.registry.get(ri, ns, name);
    } catch (e) {
      if (isStatusError(e) && e.code === 404) return undefined;
      throw e;
    }
  }

  list(ri: ResourceInfo, ns?: string): KObject[] {
    const prefix = ri.namespaced && ns ? `${storagePrefix(ri)}${ns}/` : storagePrefix(ri);
    return this.store.list({ prefix }).items.map((v) => ({ kind: ri.kind, ...(v.object as KObject) }));
  }

  /** The objects of a namespace whose names start with `namePrefix`: one key range of the store. */
  listNamed(ri: ResourceInfo, ns: string, namePrefix: string): KObject[] {
    const prefix = `${storagePrefix(ri)}${ri.namespaced ? `${ns}/` : ""}${namePrefix}`;
    return this.store.list({ prefix }).items.map((v) => ({ kind: ri.kind, ...(v.object as KObject) }));
  }

  create(ri: ResourceInfo, ns: string | undefined, obj: KObject): KObject {
    return this.registry.create(ri, ns, obj, this.opts());
  }

  update(ri: ResourceInfo, obj: KObject, subresource?: string): KObject {
    return this.registry.update(ri, obj.metadata.namespace, obj.metadata.name, obj, this.opts(subresource));
  }

  delete(ri: ResourceInfo, ns: string | undefined, name: string, gracePeriodSeconds?: number) {
    return this.registry.delete(ri, ns, name, { ...this.opts(), gracePeriodSeconds, propagationPolicy: "Background" });
  }
}
