// Cordoning a node: spec.unschedulable brings the node.kubernetes.io/unschedulable:NoSchedule
// taint, with the time it was added; uncordoning takes it away; the printer shows SchedulingDisabled.
import { describe, expect, it } from "vitest";
import { TABLE_ACCEPT } from "./helpers";
import { lifecycleCluster } from "./lifecycle-helpers";

const SMP = "application/strategic-merge-patch+json";

describe("cordon", () => {
  it("taints a cordoned node NoSchedule and untaints it when uncordoned", async () => {
    const c = await lifecycleCluster();
    const node = async () => (await (await c.kube("GET", "/api/v1/nodes/node02")).json()) as any;
    expect((await c.kube("PATCH", "/api/v1/nodes/node02", { body: { spec: { unschedulable: true } }, contentType: SMP })).status).toBe(200);
    await c.step(1);
    const cordoned = await node();
    expect(cordoned.spec.taints).toEqual([{ key: "node.kubernetes.io/unschedulable", effect: "NoSchedule", timeAdded: expect.stringMatching(/Z$/) }]);
    const table = (await (await c.kube("GET", "/api/v1/nodes/node02", { accept: TABLE_ACCEPT })).json()) as any;
    expect(table.rows[0].cells[1]).toBe("Ready,SchedulingDisabled");
    expect((await c.kube("PATCH", "/api/v1/nodes/node02", { body: { spec: { unschedulable: null } }, contentType: SMP })).status).toBe(200);
    await c.step(1);
    expect((await node()).spec.taints).toBeUndefined();
  });
});
