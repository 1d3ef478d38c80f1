// The scheduling queue: order, back-off timing (1 s doubling to 10 s), moves on cluster events and
// the 5-minute flush of unschedulable pods, all on an injected clock.
import { describe, expect, it } from "vitest";
import { AssignedPodDelete, NodeAdd, nodeUpdateEvent } from "./events";
import { SchedulingQueue } from "./queue";
import { makeNode, makePod } from "./test-fixtures";

function setup() {
  const clock = { t: 1_000_000 };
  const q = new SchedulingQueue({ now: () => clock.t });
  return { clock, q };
}

describe("SchedulingQueue", () => {
  it("pops by priority, then by time queued", () => {
    const { clock, q } = setup();
    q.add(makePod("a"));
    clock.t += 10;
    q.add(makePod("b", { priority: 100 }));
    clock.t += 10;
    q.add(makePod("c"));
    expect([q.pop(), q.pop(), q.pop()].map((i) => i?.pod.metadata.name)).toEqual(["b", "a", "c"]);
    expect(q.pop()).toBeUndefined();
  });

  it("backs off 1 s, 2 s, 4 s, 8 s, then 10 s per attempt", () => {
    const { q } = setup();
    expect([1, 2, 3, 4, 5, 6, 10].map((a) => q.backoffDuration(a))).toEqual([1000, 2000, 4000, 8000, 10000, 10000, 10000]);
  });

  it("keeps a rejected pod until an event that could help, then releases it after its back-off", () => {
    const { clock, q } = setup();
    const pod = makePod("big", { cpu: "100" });
    q.add(pod);
    const info = q.pop()!;
    q.addUnschedulable(info, ["NodeResourcesFit"], q.cycle);
    expect(q.where(pod.metadata.uid)).toBe("unschedulablePods");
    expect(q.nextWakeTime()).toBe(clock.t + 5 * 60_000 + 1);

    clock.t += 300;
    q.moveAllToActiveOrBackoffQueue(NodeAdd);
    expect(q.where(pod.metadata.uid)).toBe("backoffQ");
    expect(q.nextWakeTime()).toBe(clock.t - 300 + 1000);
    expect(q.pop()).toBeUndefined();
    clock.t += 699;
    expect(q.pop()).toBeUndefined();
    clock.t += 1;
    expect(q.pop()?.pod.metadata.name).toBe("big");
  });

  it("ignores events none of the rejecting plugins registered for", () => {
    const { q } = setup();
    const pod = makePod("tainted");
    q.add(pod);
    q.addUnschedulable(q.pop()!, ["TaintToleration"], q.cycle);
    q.moveAllToActiveOrBackoffQueue(AssignedPodDelete);
    expect(q.where(pod.metadata.uid)).toBe("unschedulablePods");
    const before = makeNode("n1");
    const after = makeNode("n1", { taints: [] });
    after.spec.taints = [];
    before.spec.taints = [{ key: "k", effect: "NoSchedule" }];
    q.moveAllToActiveOrBackoffQueue(nodeUpdateEvent(before, after)!);
    expect(q.where(pod.metadata.uid)).not.toBe("unschedulablePods");
  });

  it("retries after 5 minutes in unschedulablePods with nothing happening", () => {
    const { clock, q } = setup();
    const pod = makePod("stuck");
    q.add(pod);
    q.addUnschedulable(q.pop()!, ["NodeAffinity"], q.cycle);
    clock.t += 5 * 60_000;
    q.flush();
    expect(q.where(pod.metadata.uid)).toBe("unschedulablePods");
    clock.t += 1;
    expect(q.pop()?.pod.metadata.name).toBe("stuck");
  });

  it("sends a pod to backoffQ when a move request arrived during its attempt", () => {
    const { clock, q } = setup();
    const pod = makePod("racy");
    q.add(pod);
    const info = q.pop()!;
    const cycle = q.cycle;
    q.moveAllToActiveOrBackoffQueue(NodeAdd);
    q.addUnschedulable(info, ["NodeResourcesFit"], cycle);
    expect(q.where(pod.metadata.uid)).toBe("backoffQ");
    clock.t += 1000;
    expect(q.pop()?.attempts).toBe(2);
  });

  it("doubles the back-off with each failed attempt", () => {
    const { clock, q } = setup();
    const pod = makePod("flappy");
    q.add(pod);
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const info = q.pop()!;
      q.addUnschedulable(info, [], q.cycle);
      waits.push(q.nextWakeTime()! - clock.t);
      clock.t = q.nextWakeTime()!;
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 10000]);
  });

  it("retries an unschedulable pod whose spec was changed", () => {
    const { clock, q } = setup();
    const pod = makePod("fixme", { spec: { nodeSelector: { disk: "ssd" } } });
    q.add(pod);
    q.addUnschedulable(q.pop()!, ["NodeAffinity"], q.cycle);
    clock.t += 2000;
    const fixed = structuredClone(pod);
    delete fixed.spec.nodeSelector;
    q.update(pod, fixed);
    expect(q.where(pod.metadata.uid)).toBe("activeQ");
    expect(q.pop()?.pod.spec.nodeSelector).toBeUndefined();
  });
});
