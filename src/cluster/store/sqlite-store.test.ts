// Tests of the revisioned store's writes: revisions, resourceVersion, errors, conflicts,
// transactions and persistence across Durable Object restarts (new SqliteStore, same storage).
import { describe, expect, it } from "vitest";
import { FutureRevisionError } from "./errors";
import { SqliteStore } from "./sqlite-store";
import { pod, podKey, withStorage, withStore } from "./test-helpers";
import { KeyExistsError, KeyNotFoundError, RevisionConflictError, type StoreEvent } from "./types";

describe("revisions", () => {
  it("starts at 1 and gives every create, update and delete its own revision", () =>
    withStore((store) => {
      expect(store.currentRevision()).toBe(1);
      expect(store.compactedRevision()).toBe(0);
      const created = store.create(podKey("a"), pod("a"));
      expect(created).toMatchObject({ key: podKey("a"), createRevision: 2, modRevision: 2 });
      expect(created.object.metadata?.resourceVersion).toBe("2");
      const updated = store.update(podKey("a"), pod("a", { spec: { x: 1 } }));
      expect(updated).toMatchObject({ createRevision: 2, modRevision: 3 });
      expect(updated.object.metadata?.resourceVersion).toBe("3");
      const deleted = store.delete(podKey("a"));
      expect(deleted).toMatchObject({ createRevision: 2, modRevision: 4 });
      expect(deleted.object).toEqual({ apiVersion: "v1", kind: "Pod", metadata: { name: "a", namespace: "default", resourceVersion: "4" }, spec: { x: 1 } });
      expect(store.currentRevision()).toBe(4);
      expect(store.get(podKey("a"))).toBeUndefined();
    }));

  it("stores objects without resourceVersion and returns it where ObjectMeta has it", () =>
    withStorage((storage) => {
      const store = new SqliteStore(storage);
      const input = { kind: "Pod", metadata: { name: "a", namespace: "default", uid: "u1", resourceVersion: "999", labels: { app: "x" } } };
      store.create(podKey("a"), input);
      expect(input.metadata.resourceVersion).toBe("999");
      const stored = storage.sql.exec<{ value: string }>("SELECT value FROM store_kv WHERE key = ?", podKey("a")).one().value;
      expect(stored).toBe('{"kind":"Pod","metadata":{"name":"a","namespace":"default","uid":"u1","labels":{"app":"x"}}}');
      expect(Object.keys(store.get(podKey("a"))!.object.metadata!)).toEqual(["name", "namespace", "uid", "resourceVersion", "labels"]);
      store.create("/registry/x/no-meta", { data: 1 });
      expect(store.get("/registry/x/no-meta")!.object).toEqual({ data: 1, metadata: { resourceVersion: "3" } });
    }));

  it("returns fresh objects that callers may mutate", () =>
    withStore((store) => {
      store.create(podKey("a"), pod("a"));
      store.get(podKey("a"))!.object.metadata!.name = "changed";
      expect(store.get(podKey("a"))!.object.metadata!.name).toBe("a");
    }));
});

describe("errors", () => {
  it("create of an existing key is KeyExistsError and writes nothing", () =>
    withStore((store) => {
      store.create(podKey("a"), pod("a"));
      expect(() => store.create(podKey("a"), pod("a"))).toThrow(KeyExistsError);
      expect(store.currentRevision()).toBe(2);
    }));

  it("update and delete of a missing key are KeyNotFoundError", () =>
    withStore((store) => {
      expect(() => store.update(podKey("a"), pod("a"))).toThrow(KeyNotFoundError);
      expect(() => store.delete(podKey("a"))).toThrow(new KeyNotFoundError(podKey("a")));
      expect(store.currentRevision()).toBe(1);
    }));

  it("a stale expectedModRevision is RevisionConflictError carrying the current object", () =>
    withStore((store) => {
      store.create(podKey("a"), pod("a"));
      store.update(podKey("a"), pod("a", { v: 2 }), 2);
      let conflict: RevisionConflictError | undefined;
      try {
        store.update(podKey("a"), pod("a", { v: 3 }), 2);
      } catch (error) {
        conflict = error as RevisionConflictError;
      }
      expect(conflict).toBeInstanceOf(RevisionConflictError);
      expect(conflict!.current).toMatchObject({ key: podKey("a"), createRevision: 2, modRevision: 3, object: { v: 2 } });
      expect(conflict!.current.object.metadata?.resourceVersion).toBe("3");
      expect(() => store.delete(podKey("a"), 2)).toThrow(RevisionConflictError);
      expect(store.delete(podKey("a"), 3).modRevision).toBe(4);
    }));

  it("reading or compacting at a future revision is FutureRevisionError", () =>
    withStore((store) => {
      expect(() => store.list({ prefix: "/", revision: 5 })).toThrow(FutureRevisionError);
      expect(() => store.compact(5)).toThrow("required revision is a future revision: 5 > 1");
    }));
});

describe("transaction", () => {
  it("commits all writes, each with its own revision, and notifies watchers after commit in order", () =>
    withStore((store) => {
      const seen: StoreEvent[] = [];
      store.watch({ prefix: "/registry/pods/", afterRevision: 1 }, (e) => seen.push(e));
      const result = store.transaction(() => {
        store.create(podKey("a"), pod("a"));
        store.create(podKey("b"), pod("b"));
        store.update(podKey("a"), pod("a", { v: 2 }));
        expect(seen).toEqual([]);
        return "done";
      });
      expect(result).toBe("done");
      expect(seen.map((e) => [e.revision, e.type, e.key])).toEqual([
        [2, "ADDED", podKey("a")], [3, "ADDED", podKey("b")], [4, "MODIFIED", podKey("a")],
      ]);
    }));

  it("rolls back everything when fn throws and tells no watcher", () =>
    withStore((store) => {
      store.create(podKey("a"), pod("a"));
      const seen: StoreEvent[] = [];
      store.watch({ prefix: "/", afterRevision: 2 }, (e) => seen.push(e));
      expect(() => store.transaction(() => {
        store.create(podKey("b"), pod("b"));
        store.update(podKey("a"), pod("a", { v: 2 }));
        store.create(podKey("b"), pod("b"));
      })).toThrow(KeyExistsError);
      expect(store.currentRevision()).toBe(2);
      expect(store.get(podKey("b"))).toBeUndefined();
      expect(store.get(podKey("a"))!.object).not.toHaveProperty("v");
      expect(seen).toEqual([]);
      expect(store.create(podKey("c"), pod("c")).modRevision).toBe(3);
      expect(seen.map((e) => e.revision)).toEqual([3]);
      expect(store.list({ prefix: "/", revision: 2 }).items.map((i) => i.key)).toEqual([podKey("a")]);
    }));

  it("a nested transaction that fails and is caught leaves the outer one's writes", () =>
    withStore((store) => {
      store.transaction(() => {
        store.create(podKey("a"), pod("a"));
        expect(() => store.transaction(() => {
          store.create(podKey("b"), pod("b"));
          throw new RangeError("inner");
        })).toThrow("inner");
        store.create(podKey("c"), pod("c"));
      });
      expect(store.list({ prefix: "/" }).items.map((i) => [i.key, i.modRevision])).toEqual([[podKey("a"), 2], [podKey("c"), 3]]);
    }));
});

describe("persistence", () => {
  it("a new store on the same storage continues the same revision, data, log and compaction point", () =>
    withStorage((storage) => {
      const first = new SqliteStore(storage);
      first.create(podKey("a"), pod("a"));
      first.create(podKey("b"), pod("b"));
      first.update(podKey("a"), pod("a", { v: 2 }));
      first.compact(3);

      const second = new SqliteStore(storage);
      expect(second.currentRevision()).toBe(4);
      expect(second.compactedRevision()).toBe(3);
      expect(second.get(podKey("a"))).toMatchObject({ createRevision: 2, modRevision: 4, object: { v: 2 } });
      expect(second.create(podKey("c"), pod("c")).modRevision).toBe(5);
      const replay: number[] = [];
      second.watch({ prefix: "/", afterRevision: 3 }, (e) => replay.push(e.revision));
      expect(replay).toEqual([4, 5]);
      expect(() => second.watch({ prefix: "/", afterRevision: 2 }, () => {})).toThrow("required revision has been compacted: 2 < 3");
    }));
});
