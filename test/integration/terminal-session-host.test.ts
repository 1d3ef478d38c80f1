// The control-plane host's programs in the terminal: systemctl status, crictl, kubeadm token
// create/list and kubeadm init's preflight on a host that already runs a control plane.
import { describe, expect, it } from "vitest";
import { newClusterWithToken, openTerminal } from "./terminal-session-helpers";

const P = "controlplane:~$";

describe("terminal session: kubeadm, systemctl, crictl", () => {
  it("shows the kubelet and containerd units and no crio", async () => {
    const c = await newClusterWithToken();
    const t = await openTerminal(c.id, c.token, { cols: 250 });
    await t.waitFor(P);
    t.send("systemctl status kubelet\r");
    const text = await t.waitFor(/└─14204 \/usr\/bin\/kubelet/);
    expect(text).toMatch(/^● kubelet\.service - kubelet: The Kubernetes Node Agent\n {5}Loaded: loaded \(\/usr\/lib\/systemd\/system\/kubelet\.service; enabled; preset: enabled\)\n {4}Drop-In: \/usr\/lib\/systemd\/system\/kubelet\.service\.d\n {13}└─10-kubeadm\.conf\n {5}Active: active \(running\) since \w{3} \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC; (\d+min )?\d+s ago$/m);
    t.send("systemctl status crio; echo status=$?\r");
    await t.waitFor(/^Unit crio\.service could not be found\.\nstatus=4$/m);
    t.send("systemctl status containerd | head -n 1\r");
    await t.waitFor(/^● containerd\.service - containerd container runtime$/m);
    t.send("crictl pods\r");
    await t.waitFor(/^POD ID {14}CREATED {13}STATE {15}NAME +NAMESPACE {11}ATTEMPT {13}RUNTIME\n(.*\n)*[0-9a-f]{13} +\d+ minutes ago +Ready +kube-apiserver-controlplane +kube-system +0 +\(default\)$/m);
    t.send("crictl ps\r");
    await t.waitFor(/^CONTAINER +IMAGE +CREATED +STATE +NAME +ATTEMPT +POD ID +POD +NAMESPACE\n(.*\n)*[0-9a-f]{13} +[0-9a-f]{13} +\S.* ago +Running +kube-apiserver +0 +[0-9a-f]{13} +kube-apiserver-controlplane +kube-system$/m);
    t.close();
  });

  it("creates a bootstrap token with its join command and lists it", async () => {
    const c = await newClusterWithToken();
    const t = await openTerminal(c.id, c.token, { cols: 250 });
    await t.waitFor(P);
    t.send("kubeadm token create --print-join-command\r");
    const text = await t.waitFor(/^kubeadm join \S+:6443 --token [a-z0-9]{6}\.[a-z0-9]{16} --discovery-token-ca-cert-hash sha256:[0-9a-f]{64}$/m);
    const token = /--token (\S+)/.exec(text)![1]!;
    t.send("kubeadm token list\r");
    await t.waitFor(new RegExp(`^TOKEN +TTL +EXPIRES +USAGES +DESCRIPTION +EXTRA GROUPS\\n${token.replace(".", "\\.")} +23h +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ +authentication,signing +<none> +system:bootstrappers:kubeadm:default-node-token$`, "m"));
    t.send("kubectl get secret -n kube-system bootstrap-token-" + token.split(".")[0] + " -o name\r");
    await t.waitFor(`secret/bootstrap-token-${token.split(".")[0]}`);
    t.close();
  });

  it("fails kubeadm init's preflight on a running control plane", async () => {
    const c = await newClusterWithToken();
    const t = await openTerminal(c.id, c.token, { cols: 250 });
    await t.waitFor(P);
    t.send("kubeadm init; echo status=$?\r");
    await t.waitFor(/^\[preflight\] Running pre-flight checks\nerror execution phase preflight: \[preflight\] Some fatal errors occurred:\n\s+\[ERROR Port-6443\]: Port 6443 is in use$/m);
    await t.waitFor(/^status=1$/m);
    t.close();
  });
});
