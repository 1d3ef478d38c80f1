// How many nodes Filter looks at (numFeasibleNodesToFind), and the rotating start index: on large
// clusters each pod looks at a different slice of the nodes, and only those are in the trace.
import { describe, expect, it } from "vitest";
import { numFeasibleNodesToFind } from "./find-nodes";
import { Scheduler } from "./scheduler";
import { makeNode, makePod, seeded } from "./test-fixtures";

describe("numFeasibleNodesToFind", () => {
  it("evaluates every node below 100 nodes", () => {
    expect(numFeasibleNodesToFind(undefined, 3)).toBe(3);
    expect(numFeasibleNodesToFind(undefined, 99)).toBe(99);
    expect(numFeasibleNodesToFind(10, 99)).toBe(99);
  });

  it("is adaptive: 50% minus 1% per 125 nodes, at least 5%, never fewer than 100 nodes", () => {
    expect(numFeasibleNodesToFind(undefined, 100)).toBe(100);
    expect(numFeasibleNodesToFind(undefined, 250)).toBe(120); // 48%
    expect(numFeasibleNodesToFind(undefined, 1000)).toBe(420); // 42%
    expect(numFeasibleNodesToFind(0, 1500)).toBe(570); // 38%
    expect(numFeasibleNodesToFind(undefined, 5000)).toBe(500); // 10%
    expect(numFeasibleNodesToFind(undefined, 6000)).toBe(300); // 2% → 5%
  });

  it("uses a configured percentage, still at least 100 nodes", () => {
    expect(numFeasibleNodesToFind(10, 500)).toBe(100);
    expect(numFeasibleNodesToFind(30, 1000)).toBe(300);
    expect(numFeasibleNodesToFind(100, 1000)).toBe(1000);
  });
});

describe("Filter over a large cluster", () => {
  const cluster = (n: number, pct?: number) => {
    const sched = new Scheduler({ percentageOfNodesToScore: pct });
    for (let i = 0; i < n; i++) sched.cache.addNode(makeNode(`n${String(i).padStart(3, "0")}`));
    return sched;
  };

  it("stops after numFeasibleNodesToFind fit and starts the next pod where it stopped", () => {
    const sched = cluster(300, 40); // 120 nodes to find
    const r1 = sched.schedulePod(makePod("a"), seeded(1));
    expect(r1.kind).toBe("scheduled");
    expect(r1.trace.nodes).toEqual({ all: 300, evaluated: 120, numNodesToFind: 120, startIndex: 0 });
    expect(r1.trace.filter.map((f) => f.node)).toEqual(Array.from({ length: 120 }, (_, i) => `n${String(i).padStart(3, "0")}`));
    expect(r1.trace.score).toHaveLength(120);
    expect(r1.kind === "scheduled" && r1.evaluatedNodes).toBe(120);
    expect(sched.nextStartNodeIndex).toBe(120);

    const r2 = sched.schedulePod(makePod("b"), seeded(1));
    expect(r2.trace.filter[0]!.node).toBe("n120");
    // Wraps around the end of the node list.
    const r3 = sched.schedulePod(makePod("c"), seeded(1));
    expect(r3.trace.nodes.startIndex).toBe(240);
    expect(r3.trace.filter.map((f) => f.node).slice(58, 62)).toEqual(["n298", "n299", "n000", "n001"]);
    expect(sched.nextStartNodeIndex).toBe(60);
  });

  it("counts rejected nodes as evaluated and keeps looking until enough fit", () => {
    const sched = new Scheduler({ percentageOfNodesToScore: 1 });
    for (let i = 0; i < 201; i++) {
      sched.cache.addNode(makeNode(`n${String(i).padStart(3, "0")}`, i % 2 ? {} : { unschedulable: true }));
    }
    const r = sched.schedulePod(makePod("a"), seeded(2));
    expect(r.kind === "scheduled" && r.feasibleNodes).toBe(100);
    expect(r.trace.nodes.evaluated).toBe(200);
    expect(r.trace.filter[0]).toEqual({
      node: "n000",
      results: [{ plugin: "NodeUnschedulable", code: "UnschedulableAndUnresolvable", reasons: ["node(s) were unschedulable"] }],
    });
    expect(r.trace.filter).toHaveLength(200);
    expect(sched.nextStartNodeIndex).toBe(200);
  });

  it("looks at every node when none fits, with the full FailedScheduling message", () => {
    const sched = cluster(150);
    const r = sched.schedulePod(makePod("huge", { cpu: "100" }), seeded(3));
    expect(r.kind === "unschedulable" && r.message).toBe(
      "0/150 nodes are available: 150 Insufficient cpu. preemption: 0/150 nodes are available: 150 No preemption victims found for incoming pod.",
    );
    expect(r.trace.filter).toHaveLength(150);
  });

  it("sees pods assumed and bound through the cache in the next cycle", () => {
    const sched = cluster(2);
    const first = sched.schedulePod(makePod("big1", { cpu: "1500m" }), seeded(4));
    expect(first.kind).toBe("scheduled");
    if (first.kind !== "scheduled") return;
    sched.assume(makePod("big1", { cpu: "1500m" }), first.nodeName);
    const second = sched.schedulePod(makePod("big2", { cpu: "1500m" }), seeded(4));
    expect(second.kind === "scheduled" && second.nodeName).not.toBe(first.nodeName);
  });
});
