// What the scheduler's plugins list besides nodes and pods, kept from watches: namespaces (labels
// for namespaceSelector) and the services, ReplicaSets and StatefulSets that give a pod its default
// topology spreading selector. Mirrors the informer listers the default plugins get through
// framework.Handle (SharedInformerFactory) in kube-scheduler.
import type { KObject } from "../apiserver/registry/types";
import { ApiClient } from "../engine/client";
import type { WatchSpec } from "../engine/component";
import type { StoreEvent } from "../store/types";
import type { ListedObjects } from "./cache/snapshot";

const kinds = {
  namespaces: ApiClient.resource("", "namespaces"),
  services: ApiClient.resource("", "services"),
  replicaSets: ApiClient.resource("apps", "replicasets"),
  statefulSets: ApiClient.resource("apps", "statefulsets"),
} as const;

type Kind = keyof typeof kinds;

export class SchedulerListers {
  private readonly objects = new Map<Kind, Map<string, KObject>>();
  private listed?: ListedObjects;

  /** Watches that keep the lists; they queue no scheduling work. */
  watches(): WatchSpec[] {
    return (Object.keys(kinds) as Kind[]).map((kind) => ({
      resource: kinds[kind],
      keys: (obj: KObject, e?: StoreEvent) => {
        this.onChange(kind, obj, e?.type === "DELETED");
        return [];
      },
    }));
  }

  private onChange(kind: Kind, obj: KObject, deleted: boolean): void {
    let m = this.objects.get(kind);
    if (!m) this.objects.set(kind, (m = new Map()));
    const key = `${obj.metadata.namespace ?? ""}/${obj.metadata.name}`;
    if (deleted) m.delete(key);
    else m.set(key, obj);
    this.listed = undefined;
  }

  /** The current lists (rebuilt only after a change). */
  list(): ListedObjects {
    const all = (kind: Kind) => [...(this.objects.get(kind)?.values() ?? [])];
    return (this.listed ??= {
      namespaces: all("namespaces"),
      services: all("services"),
      replicaSets: all("replicaSets"),
      statefulSets: all("statefulSets"),
    });
  }
}
