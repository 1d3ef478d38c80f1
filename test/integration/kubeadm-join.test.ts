// kubeadm join over ssh: the printed join command on node01 registers it (NotReady until a CNI
// plugin runs), a wrong token fails discovery as kubeadm does, exit comes back to controlplane;
// then the weave manifest (served at /manifests/) makes every node Ready and CoreDNS runs.
import { SELF } from "cloudflare:test";
import { parseAllDocuments } from "yaml";
import { describe, expect, it } from "vitest";
import { kubeadmCluster, readyCondition } from "./kubeadm-helpers";
import { ORIGIN } from "./helpers";

describe("kubeadm template: join over ssh and a pod network", () => {
  it("joins node01 with the printed command and refuses a wrong token", async () => {
    const c = await kubeadmCluster();
    const init = await c.run("kubeadm init --pod-network-cidr=10.244.0.0/16 --kubernetes-version v1.32.4");
    const m = /\nkubeadm join (\S+) --token (\S+) \\\n\t--discovery-token-ca-cert-hash (sha256:[0-9a-f]{64})\n/.exec(init)!;
    const [, endpoint, token, hash] = m;

    const ssh = await c.run("ssh node01", "node01:~$");
    expect(ssh).toContain("Welcome to Ubuntu 24.04.1 LTS (GNU/Linux 6.8.0-51-generic x86_64)");
    const bad = await c.run(`kubeadm join ${endpoint} --token abcdef.0123456789abcdef --discovery-token-ca-cert-hash ${hash}; echo status=$?`, "node01:~$");
    expect(bad).toContain('[preflight] Running pre-flight checks\nerror execution phase preflight: couldn\'t validate the identity of the API Server: could not find a JWS signature in the cluster-info ConfigMap for token ID "abcdef"\nTo see the stack trace of this error execute with --v=5 or higher\nstatus=1\n');
    const ok = await c.run(`sudo kubeadm join ${endpoint} --token ${token} --discovery-token-ca-cert-hash ${hash}`, "node01:~$");
    expect(ok).toContain("[preflight] Running pre-flight checks\n[preflight] Reading configuration from the \"kubeadm-config\" ConfigMap in namespace \"kube-system\"...\n");
    expect(ok).toContain("This node has joined the cluster:\n* Certificate signing request was sent to apiserver and a response was received.\n* The Kubelet was informed of the new secure connection details.\n\nRun 'kubectl get nodes' on the control-plane to see this node join the cluster.\n");
    const twice = await c.run(`kubeadm join ${endpoint} --token ${token} --discovery-token-ca-cert-hash ${hash}`, "node01:~$");
    expect(twice).toMatch(/\[ERROR FileAvailable--etc-kubernetes-kubelet\.conf\]: \/etc\/kubernetes\/kubelet\.conf already exists\n/);
    const back = await c.run("exit", "controlplane:~$");
    expect(back).toMatch(/logout\nConnection to node01 closed\.\ncontrolplane:~\$$/);
    expect((await c.run("ssh node07; echo status=$?")).endsWith("ssh: Could not resolve hostname node07: Name or service not known\nstatus=255\ncontrolplane:~$")).toBe(true);

    const nodes = await c.nodes();
    expect(nodes.map((n) => [n.metadata.name, n.spec.podCIDR, readyCondition(n).status])).toEqual([["controlplane", "10.244.0.0/24", "False"], ["node01", "10.244.1.0/24", "False"]]);
    c.term.close();
  });

  it("serves the weave manifest; applied, it makes every node Ready and CoreDNS Running", async () => {
    const c = await kubeadmCluster();
    const init = await c.run("kubeadm init");
    const join = /\n(kubeadm join \S+ --token \S+) \\\n\t(--discovery-token-ca-cert-hash \S+)\n/.exec(init)!;
    for (const host of ["node01", "node02"]) {
      await c.run(`ssh ${host}`, `${host}:~$`);
      expect(await c.run(`${join[1]} ${join[2]}`, `${host}:~$`)).toContain("This node has joined the cluster:");
      await c.run("exit", "controlplane:~$");
    }
    await c.step(30_000);
    for (const n of await c.nodes()) {
      expect(readyCondition(n).reason).toBe("KubeletNotReady");
      expect(n.spec.taints).toEqual(expect.arrayContaining([{ key: "node.kubernetes.io/not-ready", effect: "NoSchedule" }]));
    }

    const res = await SELF.fetch(`${ORIGIN}/manifests/weave-daemonset-k8s.yaml`);
    expect(res.status).toBe(200);
    const list = parseAllDocuments(await res.text())[0]!.toJS() as { kind: string; items: any[] };
    expect(list.kind).toBe("List");
    expect(list.items.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(["ServiceAccount/weave-net", "ClusterRole/weave-net", "ClusterRoleBinding/weave-net", "Role/weave-net", "RoleBinding/weave-net", "DaemonSet/weave-net"]);
    for (const o of list.items.filter((o) => o.kind === "ServiceAccount" || o.kind === "DaemonSet")) {
      const path = o.kind === "DaemonSet" ? "/apis/apps/v1/namespaces/kube-system/daemonsets" : "/api/v1/namespaces/kube-system/serviceaccounts";
      expect((await c.kube("POST", path, { body: o })).status).toBe(201);
    }
    await c.step(120_000);
    const weave = (await c.pods()).filter((p) => p.metadata.name.startsWith("weave-net-"));
    expect(weave.map((p) => p.status.phase)).toEqual(["Running", "Running", "Running"]);
    for (const n of await c.nodes()) {
      expect(readyCondition(n)).toMatchObject({ status: "True", reason: "KubeletReady", message: "kubelet is posting ready status" });
      expect((n.spec.taints ?? []).some((t: any) => t.key === "node.kubernetes.io/not-ready")).toBe(false);
    }
    const dns = (await c.pods()).filter((p) => p.metadata.name.startsWith("coredns-"));
    expect(dns.map((p) => p.status.phase)).toEqual(["Running", "Running"]);
    c.term.send("kubectl get nodes\r");
    await c.term.waitFor(/^controlplane +Ready +control-plane +\S+ +v1\.32\.4\nnode01 +Ready +<none> +\S+ +v1\.32\.4\nnode02 +Ready +<none> +\S+ +v1\.32\.4$/m);
    c.term.close();
  });
});
