// Tests that a list at any retained older revision, paged with any limit and predicate, is exactly
// the state the store had at that revision (random creates, updates, deletes and re-creates),
// and that keys order as SQLite orders them.
import { describe, expect, it } from "vitest";
import { compareKeys } from "./key-range";
import { pod, withStore } from "./test-helpers";
import type { SqliteStore } from "./sqlite-store";
import type { Obj } from "./types";

/** A small deterministic generator (mulberry32), so a failure replays. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type State = [key: string, createRevision: number, modRevision: number, object: Obj][];

function pagedList(store: SqliteStore, prefix: string, revision: number, limit: number, predicate?: (o: Obj) => boolean): State {
  const out: State = [];
  let startAfter: string | undefined;
  for (;;) {
    const page = store.list({ prefix, revision, limit, startAfter, predicate });
    expect(page.revision).toBe(revision);
    for (const v of page.items) out.push([v.key, v.createRevision, v.modRevision, v.object]);
    if (!page.continueKey) return out;
    startAfter = page.continueKey;
  }
}

describe("snapshots at older revisions", () => {
  it("equal the state recorded at each revision, page by page", () =>
    withStore((store) => {
      const next = random(7);
      const keys = Array.from({ length: 24 }, (_, i) => `/registry/pods/${i % 3 === 0 ? "a" : "b"}/p${i}`);
      const states = new Map<number, State>();
      const record = () => states.set(store.currentRevision(), pagedList(store, "/registry/pods/", store.currentRevision(), 0));
      record();
      for (let step = 0; step < 300; step++) {
        const key = keys[Math.floor(next() * keys.length)]!;
        const exists = store.get(key) !== undefined;
        const n = Math.floor(next() * 100);
        if (!exists) store.create(key, pod(key.split("/")[4]!, { n }));
        else if (next() < 0.3) store.delete(key);
        else store.update(key, pod(key.split("/")[4]!, { n }));
        record();
      }
      const even = (o: Obj) => (o.n as number) % 2 === 0;
      for (const [revision, state] of states) {
        if (revision < store.compactedRevision()) continue;
        for (const limit of [0, 1, 4, 7]) {
          expect(pagedList(store, "/registry/pods/", revision, limit)).toEqual(state);
          expect(pagedList(store, "/registry/pods/a/", revision, limit)).toEqual(state.filter(([k]) => k.startsWith("/registry/pods/a/")));
          expect(pagedList(store, "/registry/pods/", revision, limit, even)).toEqual(state.filter(([, , , o]) => even(o)));
        }
        const first = store.list({ prefix: "/registry/pods/", revision, limit: 5 });
        if (first.continueKey) expect(first.remainingItemCount).toBe(state.length - 5);
      }
    }));
});

describe("compareKeys", () => {
  it("orders by code point like SQLite's BINARY collation on UTF-8", () =>
    withStore((store) => {
      const keys = ["/k/a", "/k/\uffff", "/k/\u{1f600}", "/k/\ue000", "/k/ab", "/k/"];
      for (const key of keys) store.create(key, { metadata: { name: key } });
      const sqliteOrder = store.list({ prefix: "/k/" }).items.map((v) => v.key);
      expect([...keys].sort(compareKeys)).toEqual(sqliteOrder);
      expect(sqliteOrder).toEqual(["/k/", "/k/a", "/k/ab", "/k/\ue000", "/k/\uffff", "/k/\u{1f600}"]);
    }));
});
