// Tests of the store's lists: consistent snapshots at a fixed revision across pages while writes
// happen between them, predicate before limit, continue keys, remainingItemCount, compaction,
// and the timing of a paginated list of 10,000 pods (printed, not asserted).
import { describe, expect, it } from "vitest";
import { pod, podKey, withStore } from "./test-helpers";
import { ExpiredError, type Obj } from "./types";

const names = (items: { object: Obj }[]) => items.map((i) => i.object.metadata?.name);

describe("list", () => {
  it("lists a prefix in key order at the current revision", () =>
    withStore((store) => {
      for (const name of ["c", "a", "b"]) store.create(podKey(name), pod(name));
      store.create(podKey("z", "kube-system"), pod("z"));
      store.create("/registry/services/default/a", { metadata: { name: "svc" } });
      const result = store.list({ prefix: "/registry/pods/default/" });
      expect(names(result.items)).toEqual(["a", "b", "c"]);
      expect(result.revision).toBe(6);
      expect(result.continueKey).toBeUndefined();
      expect(result.remainingItemCount).toBeUndefined();
      expect(store.list({ prefix: "/registry/pods/" }).items.map((i) => i.key)).toEqual([
        podKey("a"), podKey("b"), podKey("c"), podKey("z", "kube-system"),
      ]);
      expect(store.count("/registry/pods/")).toBe(4);
      expect(store.count("/registry/pods/default/")).toBe(3);
      expect(store.count("/registry/nodes/")).toBe(0);
    }));

  it("lists JSON text equal to the listed objects, pages and old revisions included", () =>
    withStore((store) => {
      const bare = (name: string, v: number) => ({ metadata: { name, namespace: "default", uid: `u-${name}` }, spec: { v } });
      for (let i = 0; i < 6; i++) store.create(podKey(`p${i}`), bare(`p${i}`, 1));
      store.create(podKey("typed"), pod("typed"));
      const at = store.currentRevision();
      store.update(podKey("p2"), bare("p2", 2));
      store.delete(podKey("p4"));
      for (const opts of [{}, { limit: 3 }, { limit: 3, startAfter: podKey("p2") }, { revision: at }, { revision: at, limit: 4 }]) {
        const objects = store.list({ prefix: "/registry/pods/", ...opts });
        const texts = store.listJson({ prefix: "/registry/pods/", ...opts });
        expect(texts.items).toEqual(objects.items.map((i) => JSON.stringify(i.object)));
        expect({ ...texts, items: undefined }).toEqual({ ...objects, items: undefined });
      }
      expect(JSON.parse(store.listJson({ prefix: "/registry/pods/", revision: at }).items[2]!).spec.v).toBe(1);
    }));

  it("pages at the first page's revision while writes happen between pages", () =>
    withStore((store) => {
      for (let i = 0; i < 7; i++) store.create(podKey(`p${i}`), pod(`p${i}`, { v: 1 }));
      const first = store.list({ prefix: "/registry/pods/", limit: 3 });
      expect(names(first.items)).toEqual(["p0", "p1", "p2"]);
      expect(first.revision).toBe(8);
      expect(first.continueKey).toBe(podKey("p2"));
      expect(first.remainingItemCount).toBe(4);

      store.delete(podKey("p3"));
      store.update(podKey("p4"), pod("p4", { v: 2 }));
      store.update(podKey("p4"), pod("p4", { v: 3 }));
      store.create(podKey("p35"), pod("p35"));
      store.delete(podKey("p6"));
      store.create(podKey("p6"), pod("p6", { v: "again" }));
      store.delete(podKey("p1"));

      const second = store.list({ prefix: "/registry/pods/", limit: 3, startAfter: first.continueKey, revision: first.revision });
      expect(second.revision).toBe(8);
      expect(names(second.items)).toEqual(["p3", "p4", "p5"]);
      expect(second.items.map((i) => [i.modRevision, i.object.metadata?.resourceVersion, i.object.v])).toEqual([
        [5, "5", 1], [6, "6", 1], [7, "7", 1],
      ]);
      expect(second.continueKey).toBe(podKey("p5"));
      expect(second.remainingItemCount).toBe(1);

      const third = store.list({ prefix: "/registry/pods/", limit: 3, startAfter: second.continueKey, revision: 8 });
      expect(names(third.items)).toEqual(["p6"]);
      expect(third.items[0]).toMatchObject({ createRevision: 8, modRevision: 8, object: { v: 1 } });
      expect(third.continueKey).toBeUndefined();

      const now = store.list({ prefix: "/registry/pods/" });
      expect(names(now.items)).toEqual(["p0", "p2", "p35", "p4", "p5", "p6"]);
      expect(now.items.find((i) => i.key === podKey("p6"))).toMatchObject({ createRevision: 14, object: { v: "again" } });
      expect(store.list({ prefix: "/registry/pods/", revision: 10 }).items.map((i) => [i.key.slice(23), i.modRevision])).toEqual([
        ["p0", 2], ["p1", 3], ["p2", 4], ["p4", 10], ["p5", 7], ["p6", 8],
      ]);
    }));

  it("fills pages with matching items before the limit counts", () =>
    withStore((store) => {
      for (let i = 0; i < 10; i++) store.create(podKey(`p${i}`), pod(`p${i}`, { even: i % 2 === 0 }));
      const predicate = (o: Obj) => o.even === true;
      const first = store.list({ prefix: "/registry/pods/", limit: 2, predicate });
      expect(names(first.items)).toEqual(["p0", "p2"]);
      expect(first.continueKey).toBe(podKey("p2"));
      expect(first.remainingItemCount).toBe(7);
      const second = store.list({ prefix: "/registry/pods/", limit: 2, predicate, startAfter: first.continueKey, revision: first.revision });
      expect(names(second.items)).toEqual(["p4", "p6"]);
      const third = store.list({ prefix: "/registry/pods/", limit: 2, predicate, startAfter: second.continueKey, revision: first.revision });
      expect(names(third.items)).toEqual(["p8"]);
      expect(third.continueKey).toBeUndefined();
      // The page fills at the last matching key but keys follow: more may follow.
      const upToP8 = store.list({ prefix: "/registry/pods/", limit: 5, predicate });
      expect(names(upToP8.items)).toEqual(["p0", "p2", "p4", "p6", "p8"]);
      expect(upToP8.continueKey).toBe(podKey("p8"));
      expect(upToP8.remainingItemCount).toBe(1);
      const none = store.list({ prefix: "/registry/pods/", limit: 3, predicate: () => false });
      expect(none.items).toEqual([]);
      expect(none.continueKey).toBeUndefined();
    }));

  it("a list older than the compaction point is ExpiredError; at the point it still works", () =>
    withStore((store) => {
      for (let i = 0; i < 5; i++) store.create(podKey(`p${i}`), pod(`p${i}`));
      store.delete(podKey("p0"));
      store.compact(4);
      expect(() => store.list({ prefix: "/", revision: 3 })).toThrow(ExpiredError);
      expect(() => store.list({ prefix: "/", revision: 3 })).toThrow("required revision has been compacted: 3 < 4");
      expect(names(store.list({ prefix: "/", revision: 4 }).items)).toEqual(["p0", "p1", "p2"]);
      expect(store.list({ prefix: "/", revision: 4, limit: 2 }).remainingItemCount).toBe(1);
    }));

  it("automatic compaction keeps at most historyLimit events", () =>
    withStore((store) => {
      for (let i = 0; i < 8; i++) store.create(podKey(`p${i}`), pod(`p${i}`));
      expect(store.currentRevision()).toBe(9);
      expect(store.compactedRevision()).toBe(4);
      expect(names(store.list({ prefix: "/", revision: 4 }).items)).toEqual(["p0", "p1", "p2"]);
      expect(() => store.list({ prefix: "/", revision: 3 })).toThrow(ExpiredError);
      expect(() => store.watch({ prefix: "/", afterRevision: 3 }, () => {})).toThrow(ExpiredError);
      const seen: number[] = [];
      store.watch({ prefix: "/", afterRevision: 4 }, (e) => seen.push(e.revision));
      expect(seen).toEqual([5, 6, 7, 8, 9]);
    }, { historyLimit: 5 }));
});

describe("list timing", () => {
  it("pages through 10,000 pods of about 2 KB at a fixed revision", () =>
    withStore((store) => {
      const padding = "x".repeat(1700);
      store.transaction(() => {
        for (let i = 0; i < 10_000; i++) {
          const name = `pod-${String(i).padStart(5, "0")}`;
          store.create(podKey(name), pod(name, { spec: { containers: [{ name: "c", image: "nginx", args: [padding] }] } }));
        }
      });
      const size = JSON.stringify(store.get(podKey("pod-00000"))!.object).length;
      // A write between pages makes every later page a historical read.
      const run = (writeBetweenPages: boolean) => {
        const started = performance.now();
        let page = store.list({ prefix: "/registry/pods/", limit: 500 });
        let total = page.items.length;
        while (page.continueKey) {
          if (writeBetweenPages) store.update(podKey(`pod-0${String(total).padStart(4, "0")}`), pod("changed"));
          page = store.list({ prefix: "/registry/pods/", limit: 500, startAfter: page.continueKey, revision: page.revision });
          total += page.items.length;
        }
        return { total, ms: performance.now() - started };
      };
      const quiet = run(false);
      const asText = (() => {
        const started = performance.now();
        let page = store.listJson({ prefix: "/registry/pods/", limit: 500 });
        let bytes = page.items.reduce((n, t) => n + t.length, 0);
        while (page.continueKey) {
          page = store.listJson({ prefix: "/registry/pods/", limit: 500, startAfter: page.continueKey, revision: page.revision });
          bytes += page.items.reduce((n, t) => n + t.length, 0);
        }
        return { bytes, ms: performance.now() - started };
      })();
      expect(asText.bytes).toBeGreaterThan(10_000 * 1700);
      const busy = run(true);
      // Half of the pods change after the first page: later pages roll 5,000 keys back.
      const started = performance.now();
      let page = store.list({ prefix: "/registry/pods/", limit: 500 });
      const firstRevision = page.revision;
      store.transaction(() => {
        for (let i = 0; i < 10_000; i += 2) store.update(podKey(`pod-${String(i).padStart(5, "0")}`), pod("changed"));
      });
      const writesMs = performance.now() - started;
      let unchanged = page.items.length;
      while (page.continueKey) {
        page = store.list({ prefix: "/registry/pods/", limit: 500, startAfter: page.continueKey, revision: page.revision });
        unchanged += page.items.filter((i) => i.modRevision <= firstRevision).length;
      }
      const rolledBackMs = performance.now() - started - writesMs;
      console.log(`paginated list of ${quiet.total} pods (${size} B each), limit 500: ${quiet.ms.toFixed(1)} ms; as JSON text: ${asText.ms.toFixed(1)} ms; ` +
        `with a write between pages: ${busy.ms.toFixed(1)} ms; ` +
        `after 5,000 updates following the first page: ${rolledBackMs.toFixed(1)} ms`);
      expect(quiet.total).toBe(10_000);
      expect(busy.total).toBe(10_000);
      expect(unchanged).toBe(10_000);
    }), 60_000);
});
