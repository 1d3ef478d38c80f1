// kubectl drain in the web terminal: cordon, the pod filters' warnings, an eviction of each pod
// the filters allow, and "node/x drained"; refusals worded as drain's filters word them.
import { describe, expect, it } from "vitest";
import { newTerm } from "./terminal-kubectl-helpers";

describe("terminal kubectl drain", () => {
  it("evicts what the filters allow and refuses DaemonSet pods without --ignore-daemonsets", async () => {
    const t = await newTerm();
    expect((await t.run("kubectl run solo --image=nginx --overrides='{\"spec\":{\"nodeName\":\"node02\"}}'")).status).toBe(0);
    const refused = await t.run("kubectl drain node02 --force");
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe("node/node02 cordoned\n");
    expect(refused.stderr).toMatch(/^error: unable to drain node "node02" due to error: cannot delete DaemonSet-managed Pods \(use --ignore-daemonsets to ignore\): kube-system\/kube-proxy-[a-z0-9]{5}, continuing command\.\.\.\nThere are pending nodes to be drained:\n node02\n/);
    const drained = await t.run("kubectl drain node02 --ignore-daemonsets --force --grace-period=0");
    expect(drained.stderr).toMatch(/^Warning: deleting Pods that declare no controller: default\/solo; ignoring DaemonSet-managed Pods: kube-system\/kube-proxy-[a-z0-9]{5}\n$/);
    expect(drained.stdout).toContain("node/node02 already cordoned\nevicting pod default/solo\n");
    expect(drained.stdout).toMatch(/pod\/solo evicted\n(.|\n)*node\/node02 drained\n$/);
    expect((await t.run("kubectl get pod solo")).stderr).toBe('Error from server (NotFound): pods "solo" not found\n');
    expect((await t.run("kubectl get node node02")).stdout).toMatch(/node02\s+Ready,SchedulingDisabled/);
  });
});
