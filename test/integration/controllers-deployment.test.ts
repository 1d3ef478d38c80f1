// Deployments and ReplicaSets as kubectl shows them: `create deployment`, `scale`, `set image`
// and `rollout status|history|undo|restart` against the deployment and replicaset controllers.
import { describe, expect, it } from "vitest";
import { newCluster } from "./helpers";
import { create, deployment, events, getJson, patch, pods, step } from "../../src/cluster/controllers/test-helpers";

const D = "/apis/apps/v1/namespaces/default/deployments";
const RS = "/apis/apps/v1/namespaces/default/replicasets";

describe("kubectl create deployment web --image=nginx", () => {
  it("creates web-<hash> and its pod, owned and labelled as upstream, with a ScalingReplicaSet event", async () => {
    const c = await newCluster();
    await create(c, D, deployment("web", "nginx"));
    await step(c, 1000);
    const rss = (await getJson(c, RS)).items;
    expect(rss).toHaveLength(1);
    const rs = rss[0];
    const hash = rs.metadata.labels["pod-template-hash"];
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{6,10}$/);
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.metadata.annotations).toEqual({
      "deployment.kubernetes.io/desired-replicas": "1", "deployment.kubernetes.io/max-replicas": "2", "deployment.kubernetes.io/revision": "1",
    });
    const d = await getJson(c, `${D}/web`);
    expect(rs.metadata.ownerReferences).toEqual([{ apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(rs.spec.selector.matchLabels).toEqual({ app: "web", "pod-template-hash": hash });
    expect(d.metadata.annotations["deployment.kubernetes.io/revision"]).toBe("1");
    expect(d.metadata.generation).toBe(1);

    const ps = await pods(c);
    expect(ps).toHaveLength(1);
    expect(ps[0].metadata.name).toMatch(new RegExp(`^web-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
    expect(ps[0].metadata.labels).toEqual({ app: "web", "pod-template-hash": hash });
    expect(ps[0].metadata.ownerReferences[0]).toMatchObject({ kind: "ReplicaSet", name: rs.metadata.name, controller: true, blockOwnerDeletion: true });

    const evs = await events(c);
    const msgs = evs.map((e) => `${e.involvedObject.kind} ${e.reason} ${e.source.component}: ${e.message}`);
    expect(msgs).toContain(`Deployment ScalingReplicaSet deployment-controller: Scaled up replica set web-${hash} from 0 to 1`);
    expect(msgs).toContain(`ReplicaSet SuccessfulCreate replicaset-controller: Created pod: ${ps[0].metadata.name}`);

    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 1, updatedReplicas: 1, unavailableReplicas: 1 });
    expect(d.status.conditions.map((x: any) => [x.type, x.status, x.reason, x.message])).toEqual([
      ["Available", "False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability."],
      ["Progressing", "True", "ReplicaSetUpdated", `ReplicaSet "web-${hash}" is progressing.`],
    ]);
  });

  it("reports availability once the kubelets run the pods, and rolls out a new image surge by surge", async () => {
    const c = await newCluster();
    await create(c, D, deployment("web", "nginx", 3));
    await step(c, 60_000);
    let d = await getJson(c, `${D}/web`);
    const first = (await getJson(c, RS)).items[0];
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(d.status.unavailableReplicas).toBeUndefined();
    expect(d.status.conditions.map((x: any) => [x.type, x.reason, x.message])).toEqual([
      ["Available", "MinimumReplicasAvailable", "Deployment has minimum availability."],
      ["Progressing", "NewReplicaSetAvailable", `ReplicaSet "${first.metadata.name}" has successfully progressed.`],
    ]);
    expect((await getJson(c, `${RS}/${first.metadata.name}`)).status).toEqual({
      replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1,
    });

    // kubectl set image deployment/web nginx=nginx:1.27
    await patch(c, `${D}/web`, { spec: { template: { spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } } } });
    await step(c, 100);
    const rss = (await getJson(c, RS)).items;
    expect(rss).toHaveLength(2);
    const second = rss.find((r: any) => r.metadata.name !== first.metadata.name);
    // maxSurge 25% of 3 rounds up to 1, maxUnavailable rounds down to 0.
    expect(second.spec.replicas).toBe(1);
    expect(second.metadata.annotations["deployment.kubernetes.io/revision"]).toBe("2");
    d = await getJson(c, `${D}/web`);
    expect(d.metadata.annotations["deployment.kubernetes.io/revision"]).toBe("2");
    expect(d.status).toMatchObject({ observedGeneration: 2, replicas: 4, updatedReplicas: 1, availableReplicas: 3, unavailableReplicas: 1 });

    // Each new pod that becomes ready lets one old one go.
    await step(c, 120_000);
    d = await getJson(c, `${D}/web`);
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, availableReplicas: 3 });
    expect((await getJson(c, `${RS}/${first.metadata.name}`)).spec.replicas).toBe(0);
    const msgs = (await events(c)).filter((e) => e.reason === "ScalingReplicaSet").map((e) => e.message);
    expect(msgs).toEqual([
      `Scaled up replica set ${first.metadata.name} from 0 to 3`,
      `Scaled up replica set ${second.metadata.name} from 0 to 1`,
      `Scaled down replica set ${first.metadata.name} from 3 to 2`,
      `Scaled up replica set ${second.metadata.name} from 1 to 2`,
      `Scaled down replica set ${first.metadata.name} from 2 to 1`,
      `Scaled up replica set ${second.metadata.name} from 2 to 3`,
      `Scaled down replica set ${first.metadata.name} from 1 to 0`,
    ]);

    // kubectl rollout undo: the template of revision 1 comes back; its ReplicaSet becomes revision 3.
    await patch(c, `${D}/web`, [{ op: "replace", path: "/spec/template", value: { ...first.spec.template, metadata: { labels: { app: "web" } } } }], "application/json-patch+json");
    await step(c, 100);
    const back = await getJson(c, `${RS}/${first.metadata.name}`);
    expect(back.metadata.annotations["deployment.kubernetes.io/revision"]).toBe("3");
    expect(back.metadata.annotations["deployment.kubernetes.io/revision-history"]).toBe("1");
    expect(back.spec.replicas).toBe(1);
  });

  it("scales with kubectl scale and deletes the newest, not-ready pods first", async () => {
    const c = await newCluster();
    await create(c, D, deployment("web", "nginx", 2));
    await step(c, 60_000);
    const ready = (await pods(c)).map((p) => p.metadata.name).sort();
    const r = await c.kube("PATCH", `${D}/web/scale`, { body: { spec: { replicas: 5 } }, contentType: "application/merge-patch+json" });
    expect(r.status).toBe(200);
    await step(c, 100);
    expect(await pods(c)).toHaveLength(5);
    const rs = (await getJson(c, RS)).items[0];
    expect(rs.metadata.annotations["deployment.kubernetes.io/desired-replicas"]).toBe("5");
    await c.kube("PATCH", `${D}/web/scale`, { body: { spec: { replicas: 2 } }, contentType: "application/merge-patch+json" });
    await step(c, 100);
    const left = (await pods(c)).filter((p) => !p.metadata.deletionTimestamp);
    expect(left.map((p) => p.metadata.name).sort()).toEqual(ready);
    const msgs = (await events(c)).filter((e) => e.reason === "ScalingReplicaSet").map((e) => e.message);
    expect(msgs).toContain(`Scaled down replica set ${rs.metadata.name} from 5 to 2`);
    expect((await events(c)).filter((e) => e.reason === "SuccessfulDelete")).toHaveLength(3);
  });

  it("marks Progressing False with ProgressDeadlineExceeded after progressDeadlineSeconds", async () => {
    const c = await newCluster();
    const dep = deployment("slow", "nginx:no-such-tag");
    dep.spec.progressDeadlineSeconds = 30;
    await create(c, D, dep);
    await step(c, 35_000);
    const d = await getJson(c, `${D}/slow`);
    const p = d.status.conditions.find((x: any) => x.type === "Progressing");
    expect([p.status, p.reason]).toEqual(["False", "ProgressDeadlineExceeded"]);
    expect(p.message).toMatch(/^ReplicaSet "slow-[a-z0-9]+" has timed out progressing\.$/);
  });
});
