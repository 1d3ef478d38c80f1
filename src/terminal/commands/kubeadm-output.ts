// What kubeadm v1.32 prints for `init` and `join` (OUTPUTS.md §6a v1.32.5 transcript, §6b v1.32.1;
// cmd/kubeadm/app/cmd/phases/init/showjoincommand.go, cmd/kubeadm/app/cmd/join.go), filled in with
// this cluster's host names, addresses, token and CA hash, and klog's header for warnings.
export interface InitFacts {
  node: string;
  ip: string;
  version: string;
  token: string;
  caHash: string;
  /** Virtual time (ms) and kubeadm's process id, for the klog warning line. */
  now: number;
  pid: number;
  kubeletHealthy: string;
  apiHealthy: string;
}

/** klog's header: `W0602 21:24:42.808265    2276 checks.go:846] `. */
export function klogHeader(severity: "I" | "W", now: number, pid: number, at: string): string {
  const d = new Date(now);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${severity}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}${p((pid * 7919) % 1000, 3)} ${String(pid).padStart(7)} ${at}] `;
}

/** Go's time.Duration.String for a duration in nanoseconds ("502.872747ms", "7.00102198s"). */
export function goDuration(ns: number): string {
  const trim = (s: string) => s.replace(/\.?0+$/, "");
  if (ns < 1e6) return `${trim((ns / 1e3).toFixed(3))}µs`;
  if (ns < 1e9) return `${trim((ns / 1e6).toFixed(6))}ms`;
  return `${trim((ns / 1e9).toFixed(9))}s`;
}

export function joinCommandLines(ip: string, token: string, caHash: string): string {
  return `kubeadm join ${ip}:6443 --token ${token} \\\n\t--discovery-token-ca-cert-hash sha256:${caHash} \n`;
}

export function initOutput(f: InitFacts): string {
  const cert = (name: string) => `[certs] Generating "${name}" certificate and key\n`;
  const etcdSans = `DNS names [${[f.node, "localhost"].sort().join(" ")}] and IPs [${f.ip} 127.0.0.1 ::1]`;
  const apiSans = [f.node, "kubernetes", "kubernetes.default", "kubernetes.default.svc", "kubernetes.default.svc.cluster.local"].sort().join(" ");
  return "[preflight] Pulling images required for setting up a Kubernetes cluster\n"
    + "[preflight] This might take a minute or two, depending on the speed of your internet connection\n"
    + "[preflight] You can also perform this action beforehand using 'kubeadm config images pull'\n"
    + klogHeader("W", f.now, f.pid, "checks.go:846") + `detected that the sandbox image "registry.k8s.io/pause:3.8" of the container runtime is inconsistent with that used by kubeadm.It is recommended to use "registry.k8s.io/pause:3.10" as the CRI sandbox image.\n`
    + '[certs] Using certificateDir folder "/etc/kubernetes/pki"\n'
    + cert("ca") + cert("apiserver")
    + `[certs] apiserver serving cert is signed for DNS names [${apiSans}] and IPs [10.96.0.1 ${f.ip}]\n`
    + cert("apiserver-kubelet-client") + cert("front-proxy-ca") + cert("front-proxy-client") + cert("etcd/ca") + cert("etcd/server")
    + `[certs] etcd/server serving cert is signed for ${etcdSans}\n`
    + cert("etcd/peer")
    + `[certs] etcd/peer serving cert is signed for ${etcdSans}\n`
    + cert("etcd/healthcheck-client") + cert("apiserver-etcd-client")
    + '[certs] Generating "sa" key and public key\n'
    + '[kubeconfig] Using kubeconfig folder "/etc/kubernetes"\n'
    + ["admin.conf", "super-admin.conf", "kubelet.conf", "controller-manager.conf", "scheduler.conf"].map((c) => `[kubeconfig] Writing "${c}" kubeconfig file\n`).join("")
    + '[etcd] Creating static Pod manifest for local etcd in "/etc/kubernetes/manifests"\n'
    + '[control-plane] Using manifest folder "/etc/kubernetes/manifests"\n'
    + ["kube-apiserver", "kube-controller-manager", "kube-scheduler"].map((c) => `[control-plane] Creating static Pod manifest for "${c}"\n`).join("")
    + '[kubelet-start] Writing kubelet environment file with flags to file "/var/lib/kubelet/kubeadm-flags.env"\n'
    + '[kubelet-start] Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"\n'
    + "[kubelet-start] Starting the kubelet\n"
    + '[wait-control-plane] Waiting for the kubelet to boot up the control plane as static Pods from directory "/etc/kubernetes/manifests"\n'
    + "[kubelet-check] Waiting for a healthy kubelet at http://127.0.0.1:10248/healthz. This can take up to 4m0s\n"
    + `[kubelet-check] The kubelet is healthy after ${f.kubeletHealthy}\n`
    + "[api-check] Waiting for a healthy API server. This can take up to 4m0s\n"
    + `[api-check] The API server is healthy after ${f.apiHealthy}\n`
    + '[upload-config] Storing the configuration used in ConfigMap "kubeadm-config" in the "kube-system" Namespace\n'
    + '[kubelet] Creating a ConfigMap "kubelet-config" in namespace kube-system with the configuration for the kubelets in the cluster\n'
    + "[upload-certs] Skipping phase. Please see --upload-certs\n"
    + `[mark-control-plane] Marking the node ${f.node} as control-plane by adding the labels: [node-role.kubernetes.io/control-plane node.kubernetes.io/exclude-from-external-load-balancers]\n`
    + `[mark-control-plane] Marking the node ${f.node} as control-plane by adding the taints [node-role.kubernetes.io/control-plane:NoSchedule]\n`
    + `[bootstrap-token] Using token: ${f.token}\n`
    + "[bootstrap-token] Configuring bootstrap tokens, cluster-info ConfigMap, RBAC Roles\n"
    + "[bootstrap-token] Configured RBAC rules to allow Node Bootstrap tokens to get nodes\n"
    + "[bootstrap-token] Configured RBAC rules to allow Node Bootstrap tokens to post CSRs in order for nodes to get long term certificate credentials\n"
    + "[bootstrap-token] Configured RBAC rules to allow the csrapprover controller automatically approve CSRs from a Node Bootstrap Token\n"
    + "[bootstrap-token] Configured RBAC rules to allow certificate rotation for all node client certificates in the cluster\n"
    + '[bootstrap-token] Creating the "cluster-info" ConfigMap in the "kube-public" namespace\n'
    + '[kubelet-finalize] Updating "/etc/kubernetes/kubelet.conf" to point to a rotatable kubelet client certificate and key\n'
    + "[addons] Applied essential addon: CoreDNS\n"
    + "[addons] Applied essential addon: kube-proxy\n"
    + "\nYour Kubernetes control-plane has initialized successfully!\n\n"
    + "To start using your cluster, you need to run the following as a regular user:\n\n"
    + "  mkdir -p $HOME/.kube\n  sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config\n  sudo chown $(id -u):$(id -g) $HOME/.kube/config\n\n"
    + "Alternatively, if you are the root user, you can run:\n\n  export KUBECONFIG=/etc/kubernetes/admin.conf\n\n"
    + "You should now deploy a pod network to the cluster.\n"
    + 'Run "kubectl apply -f [podnetwork].yaml" with one of the options listed at:\n'
    + "  https://kubernetes.io/docs/concepts/cluster-administration/addons/\n\n"
    + "Then you can join any number of worker nodes by running the following on each as root:\n\n"
    + joinCommandLines(f.ip, f.token, f.caHash);
}

export function joinOutput(kubeletHealthy: string): string {
  return "[preflight] Reading configuration from the \"kubeadm-config\" ConfigMap in namespace \"kube-system\"...\n"
    + "[preflight] Use 'kubeadm init phase upload-config --config your-config.yaml' to re-upload it.\n"
    + '[kubelet-start] Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"\n'
    + '[kubelet-start] Writing kubelet environment file with flags to file "/var/lib/kubelet/kubeadm-flags.env"\n'
    + "[kubelet-start] Starting the kubelet\n"
    + "[kubelet-check] Waiting for a healthy kubelet at http://127.0.0.1:10248/healthz. This can take up to 4m0s\n"
    + `[kubelet-check] The kubelet is healthy after ${kubeletHealthy}\n`
    + "[kubelet-start] Waiting for the kubelet to perform the TLS Bootstrap\n\n"
    + "This node has joined the cluster:\n"
    + "* Certificate signing request was sent to apiserver and a response was received.\n"
    + "* The Kubelet was informed of the new secure connection details.\n\n"
    + "Run 'kubectl get nodes' on the control-plane to see this node join the cluster.\n\n";
}
