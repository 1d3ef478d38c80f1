// Tests of store watches: replay from the log then live delivery without gaps or duplicates for
// many watchers, prevObject, re-entrant writes from listeners, failing listeners, close, and
// compaction (ExpiredError).
import { describe, expect, it } from "vitest";
import { pod, podKey, withStore } from "./test-helpers";
import { ExpiredError, type StoreEvent } from "./types";

const brief = (e: StoreEvent) => `${e.revision} ${e.type} ${e.key.split("/").slice(3).join("/")}`;

describe("watch", () => {
  it("replays logged events after afterRevision under the prefix, then goes live", () =>
    withStore((store) => {
      store.create(podKey("a"), pod("a"));
      store.create(podKey("b", "other"), pod("b"));
      store.update(podKey("a"), pod("a", { v: 2 }));
      const seen: string[] = [];
      const watcher = store.watch({ prefix: "/registry/pods/default/", afterRevision: 2 }, (e) => seen.push(brief(e)));
      expect(seen).toEqual(["4 MODIFIED default/a"]);
      store.delete(podKey("a"));
      store.create(podKey("c", "other"), pod("c"));
      store.create(podKey("d"), pod("d"));
      expect(seen).toEqual(["4 MODIFIED default/a", "5 DELETED default/a", "7 ADDED default/d"]);
      expect(store.watcherCount()).toBe(1);
      watcher.close();
      watcher.close();
      expect(store.watcherCount()).toBe(0);
      store.create(podKey("e"), pod("e"));
      expect(seen).toHaveLength(3);
    }));

  it("gives every watcher each event once, in order, whatever its prefix and start", () =>
    withStore((store) => {
      const namespaces = ["default", "kube-system", "dev"];
      const write = (i: number) => {
        const key = podKey(`p${i % 7}`, namespaces[i % 3]);
        if (!store.get(key)) store.create(key, pod(`p${i % 7}`, { i }));
        else if (i % 5 === 0) store.delete(key);
        else store.update(key, pod(`p${i % 7}`, { i }));
      };
      const watchers: { prefix: string; after: number; seen: number[] }[] = [];
      for (let i = 0; i < 120; i++) {
        write(i);
        if (i % 10 === 0) {
          for (const prefix of ["/registry/pods/", "/registry/pods/default/", "/registry/pods/dev/"]) {
            const entry = { prefix, after: Math.max(1, store.currentRevision() - 15), seen: [] as number[] };
            store.watch({ prefix: entry.prefix, afterRevision: entry.after }, (e) => entry.seen.push(e.revision));
            watchers.push(entry);
          }
        }
        if (i % 25 === 0) store.transaction(() => { write(i + 1000); write(i + 1001); });
      }
      const all = store.list({ prefix: "/" });
      expect(all.revision).toBe(store.currentRevision());
      // The complete history, read back from the log by a fresh watcher from the start.
      const history: StoreEvent[] = [];
      store.watch({ prefix: "/", afterRevision: 1 }, (e) => history.push(e));
      expect(history.map((e) => e.revision)).toEqual(Array.from({ length: store.currentRevision() - 1 }, (_, i) => i + 2));
      for (const w of watchers) {
        const expected = history.filter((e) => e.revision > w.after && e.key.startsWith(w.prefix)).map((e) => e.revision);
        expect(w.seen).toEqual(expected);
      }
      expect(store.watcherCount()).toBe(watchers.length + 1);
    }));

  it("carries prevObject for MODIFIED and DELETED, and the deleted object at the deletion revision", () =>
    withStore((store) => {
      const events: StoreEvent[] = [];
      store.watch({ prefix: "/", afterRevision: 1 }, (e) => events.push(e));
      store.create(podKey("a"), pod("a", { metadata: { name: "a", labels: { app: "web" } } }));
      store.update(podKey("a"), pod("a", { metadata: { name: "a", labels: { app: "db" } } }));
      store.delete(podKey("a"));
      expect(events.map((e) => [e.type, e.object, e.prevObject])).toEqual([
        ["ADDED", { apiVersion: "v1", kind: "Pod", metadata: { name: "a", resourceVersion: "2", labels: { app: "web" } } }, undefined],
        ["MODIFIED",
          { apiVersion: "v1", kind: "Pod", metadata: { name: "a", resourceVersion: "3", labels: { app: "db" } } },
          { apiVersion: "v1", kind: "Pod", metadata: { name: "a", resourceVersion: "2", labels: { app: "web" } } }],
        ["DELETED",
          { apiVersion: "v1", kind: "Pod", metadata: { name: "a", resourceVersion: "4", labels: { app: "db" } } },
          { apiVersion: "v1", kind: "Pod", metadata: { name: "a", resourceVersion: "3", labels: { app: "db" } } }],
      ]);
      expect(events[0]).not.toHaveProperty("prevObject");
    }));

  it("delivers events caused by a listener after the event it is handling, to every watcher in order", () =>
    withStore((store) => {
      const first: string[] = [];
      const second: string[] = [];
      let inside = 0;
      let reentered = false;
      store.watch({ prefix: "/registry/pods/", afterRevision: 1 }, (e) => {
        reentered ||= inside > 0;
        inside++;
        first.push(brief(e));
        if (e.type === "ADDED" && e.key === podKey("a")) store.create(podKey("b"), pod("b"));
        if (e.type === "ADDED" && e.key === podKey("b")) store.update(podKey("a"), pod("a", { v: 2 }));
        inside--;
      });
      store.watch({ prefix: "/registry/pods/", afterRevision: 1 }, (e) => second.push(brief(e)));
      store.create(podKey("a"), pod("a"));
      const expected = ["2 ADDED default/a", "3 ADDED default/b", "4 MODIFIED default/a"];
      expect(first).toEqual(expected);
      expect(second).toEqual(expected);
      expect(reentered).toBe(false);
    }));

  it("a watch started inside a transaction gets the transaction's events once, after commit", () =>
    withStore((store) => {
      const seen: number[] = [];
      store.transaction(() => {
        store.create(podKey("a"), pod("a"));
        store.watch({ prefix: "/", afterRevision: 1 }, (e) => seen.push(e.revision));
        store.create(podKey("b"), pod("b"));
        expect(seen).toEqual([]);
      });
      expect(seen).toEqual([2, 3]);
    }));

  it("a throwing listener is closed and neither the store nor other watchers are affected", () =>
    withStore((store) => {
      const good: number[] = [];
      let calls = 0;
      store.watch({ prefix: "/", afterRevision: 1 }, () => { calls++; throw new RangeError("listener failed"); });
      store.watch({ prefix: "/", afterRevision: 1 }, (e) => good.push(e.revision));
      expect(store.watcherCount()).toBe(2);
      expect(store.create(podKey("a"), pod("a")).modRevision).toBe(2);
      store.create(podKey("b"), pod("b"));
      expect(calls).toBe(1);
      expect(good).toEqual([2, 3]);
      expect(store.watcherCount()).toBe(1);
      // Failing during replay: watch() returns a closed watcher instead of throwing.
      const replayed = store.watch({ prefix: "/", afterRevision: 1 }, () => { throw new RangeError("replay failed"); });
      expect(store.watcherCount()).toBe(1);
      replayed.close();
    }));

  it("a watch from before the compaction point is ExpiredError; from the point it replays the rest", () =>
    withStore((store) => {
      for (let i = 0; i < 4; i++) store.create(podKey(`p${i}`), pod(`p${i}`));
      store.compact(3);
      expect(store.compactedRevision()).toBe(3);
      expect(() => store.watch({ prefix: "/", afterRevision: 2 }, () => {})).toThrow(ExpiredError);
      const seen: number[] = [];
      store.watch({ prefix: "/", afterRevision: 3 }, (e) => seen.push(e.revision));
      expect(seen).toEqual([4, 5]);
      expect(store.get(podKey("p0"))?.modRevision).toBe(2);
      expect(store.watcherCount()).toBe(1);
    }));
});
