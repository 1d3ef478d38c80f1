// The mirror pods of kubeadm's static control-plane pods on the control-plane node
// (/etc/kubernetes/manifests: etcd, kube-apiserver, kube-controller-manager, kube-scheduler), as
// the kubelet's mirror client creates them (pkg/kubelet/pod/mirror_client.go): named
// <component>-<node>, owned by the Node, with the kubernetes.io/config.* annotations, priority
// system-node-critical and hostNetwork. Commands follow kubeadm v1.32's manifests
// (cmd/kubeadm/app/phases/controlplane/manifests.go, etcd/local.go).
import type { KObject } from "../apiserver/registry/types";

export interface StaticPodOptions {
  /** The node's InternalIP (advertise address). */
  ip?: string;
  nodeUid?: string;
  version?: string;
  etcdVersion?: string;
  podSubnet?: string;
  serviceSubnet?: string;
}

function hash(s: string): string {
  let h = 0x811c9dc5;
  let out = "";
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, "0");
  }
  return out;
}

function probe(path: string, port: number, host: string, failureThreshold: number, initialDelaySeconds = 10) {
  return { failureThreshold, httpGet: { host, path, port, scheme: "HTTPS" }, initialDelaySeconds, periodSeconds: 10, successThreshold: 1, timeoutSeconds: 15 };
}

interface HostPathVolume { hostPath: { path: string; type: string }; name: string }

function hostPathVolume(name: string, path: string, type: string): HostPathVolume {
  return { hostPath: { path, type }, name };
}

export function staticPods(nodeName: string, now: Date, o: StaticPodOptions = {}): KObject[] {
  const ip = o.ip ?? "172.30.1.2";
  const v = o.version ?? "v1.32.3";
  const seen = now.toISOString().replace("Z", "000000Z").replace(/\.(\d{3})000000Z$/, ".$1123456Z");
  const k8sCerts = [hostPathVolume("ca-certs", "/etc/ssl/certs", "DirectoryOrCreate"), hostPathVolume("k8s-certs", "/etc/kubernetes/pki", "DirectoryOrCreate")];
  const defs: { component: string; image: string; command: string[]; port: number; probeHost: string; probePath: string; volumes: HostPathVolume[]; annotations?: Record<string, string>; requests: Record<string, string> }[] = [
    {
      component: "etcd", image: `registry.k8s.io/etcd:${o.etcdVersion ?? "3.5.16-0"}`, port: 2381, probeHost: "127.0.0.1", probePath: "/livez",
      requests: { cpu: "100m", memory: "100Mi" },
      annotations: { "kubeadm.kubernetes.io/etcd.advertise-client-urls": `https://${ip}:2379` },
      command: ["etcd", `--advertise-client-urls=https://${ip}:2379`, "--cert-file=/etc/kubernetes/pki/etcd/server.crt", "--client-cert-auth=true", "--data-dir=/var/lib/etcd", "--experimental-initial-corrupt-check=true", "--experimental-watch-progress-notify-interval=5s", `--initial-advertise-peer-urls=https://${ip}:2380`, `--initial-cluster=${nodeName}=https://${ip}:2380`, "--key-file=/etc/kubernetes/pki/etcd/server.key", `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`, "--listen-metrics-urls=http://127.0.0.1:2381", `--listen-peer-urls=https://${ip}:2380`, `--name=${nodeName}`, "--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt", "--peer-client-cert-auth=true", "--peer-key-file=/etc/kubernetes/pki/etcd/peer.key", "--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt", "--snapshot-count=10000", "--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt"],
      volumes: [hostPathVolume("etcd-certs", "/etc/kubernetes/pki/etcd", "DirectoryOrCreate"), hostPathVolume("etcd-data", "/var/lib/etcd", "DirectoryOrCreate")],
    },
    {
      component: "kube-apiserver", image: `registry.k8s.io/kube-apiserver:${v}`, port: 6443, probeHost: ip, probePath: "/livez", requests: { cpu: "250m" },
      annotations: { "kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint": `${ip}:6443` },
      command: ["kube-apiserver", `--advertise-address=${ip}`, "--allow-privileged=true", "--authorization-mode=Node,RBAC", "--client-ca-file=/etc/kubernetes/pki/ca.crt", "--enable-admission-plugins=NodeRestriction", "--enable-bootstrap-token-auth=true", "--etcd-cafile=/etc/kubernetes/pki/etcd/ca.crt", "--etcd-certfile=/etc/kubernetes/pki/apiserver-etcd-client.crt", "--etcd-keyfile=/etc/kubernetes/pki/apiserver-etcd-client.key", "--etcd-servers=https://127.0.0.1:2379", "--kubelet-client-certificate=/etc/kubernetes/pki/apiserver-kubelet-client.crt", "--kubelet-client-key=/etc/kubernetes/pki/apiserver-kubelet-client.key", "--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname", "--proxy-client-cert-file=/etc/kubernetes/pki/front-proxy-client.crt", "--proxy-client-key-file=/etc/kubernetes/pki/front-proxy-client.key", "--requestheader-allowed-names=front-proxy-client", "--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt", "--requestheader-extra-headers-prefix=X-Remote-Extra-", "--requestheader-group-headers=X-Remote-Group", "--requestheader-username-headers=X-Remote-User", "--secure-port=6443", "--service-account-issuer=https://kubernetes.default.svc.cluster.local", "--service-account-key-file=/etc/kubernetes/pki/sa.pub", "--service-account-signing-key-file=/etc/kubernetes/pki/sa.key", `--service-cluster-ip-range=${o.serviceSubnet ?? "10.96.0.0/12"}`, "--tls-cert-file=/etc/kubernetes/pki/apiserver.crt", "--tls-private-key-file=/etc/kubernetes/pki/apiserver.key"],
      volumes: [...k8sCerts, hostPathVolume("etc-ca-certificates", "/etc/ca-certificates", "DirectoryOrCreate"), hostPathVolume("usr-local-share-ca-certificates", "/usr/local/share/ca-certificates", "DirectoryOrCreate"), hostPathVolume("usr-share-ca-certificates", "/usr/share/ca-certificates", "DirectoryOrCreate")],
    },
    {
      component: "kube-controller-manager", image: `registry.k8s.io/kube-controller-manager:${v}`, port: 10257, probeHost: "127.0.0.1", probePath: "/healthz", requests: { cpu: "200m" },
      command: ["kube-controller-manager", "--allocate-node-cidrs=true", "--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf", "--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf", "--bind-address=127.0.0.1", "--client-ca-file=/etc/kubernetes/pki/ca.crt", `--cluster-cidr=${o.podSubnet ?? "10.244.0.0/16"}`, "--cluster-name=kubernetes", "--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt", "--cluster-signing-key-file=/etc/kubernetes/pki/ca.key", "--controllers=*,bootstrapsigner,tokencleaner", "--kubeconfig=/etc/kubernetes/controller-manager.conf", "--leader-elect=true", "--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt", "--root-ca-file=/etc/kubernetes/pki/ca.crt", "--service-account-private-key-file=/etc/kubernetes/pki/sa.key", `--service-cluster-ip-range=${o.serviceSubnet ?? "10.96.0.0/12"}`, "--use-service-account-credentials=true"],
      volumes: [...k8sCerts, hostPathVolume("flexvolume-dir", "/usr/libexec/kubernetes/kubelet-plugins/volume/exec", "DirectoryOrCreate"), { hostPath: { path: "/etc/kubernetes/controller-manager.conf", type: "FileOrCreate" }, name: "kubeconfig" }],
    },
    {
      component: "kube-scheduler", image: `registry.k8s.io/kube-scheduler:${v}`, port: 10259, probeHost: "127.0.0.1", probePath: "/livez", requests: { cpu: "100m" },
      command: ["kube-scheduler", "--authentication-kubeconfig=/etc/kubernetes/scheduler.conf", "--authorization-kubeconfig=/etc/kubernetes/scheduler.conf", "--bind-address=127.0.0.1", "--kubeconfig=/etc/kubernetes/scheduler.conf", "--leader-elect=true"],
      volumes: [{ hostPath: { path: "/etc/kubernetes/scheduler.conf", type: "FileOrCreate" }, name: "kubeconfig" }],
    },
  ];
  return defs.map((d) => {
    const configHash = hash(`${d.component}:${d.image}:${d.command.join(" ")}`);
    return {
      apiVersion: "v1", kind: "Pod",
      metadata: {
        name: `${d.component}-${nodeName}`, namespace: "kube-system",
        labels: { component: d.component, tier: "control-plane" },
        annotations: { ...d.annotations, "kubernetes.io/config.hash": configHash, "kubernetes.io/config.mirror": configHash, "kubernetes.io/config.seen": seen, "kubernetes.io/config.source": "file" },
        ...(o.nodeUid ? { ownerReferences: [{ apiVersion: "v1", controller: true, kind: "Node", name: nodeName, uid: o.nodeUid }] } : {}),
      },
      spec: {
        containers: [{
          command: d.command, image: d.image, imagePullPolicy: "IfNotPresent", name: d.component,
          livenessProbe: probe(d.probePath, d.port, d.probeHost, 8),
          ...(d.component !== "kube-controller-manager" && d.component !== "etcd" ? { readinessProbe: probe(d.component === "kube-apiserver" ? "/readyz" : "/readyz", d.port, d.probeHost, 3, 0) } : {}),
          resources: { requests: d.requests },
          startupProbe: probe(d.probePath, d.port, d.probeHost, 24),
          volumeMounts: d.volumes.map((vol) => ({ mountPath: vol.hostPath.path, name: vol.name, ...(vol.name.includes("certs") || vol.name === "kubeconfig" ? { readOnly: true } : {}) })),
        }],
        hostNetwork: true, nodeName, priority: 2000001000, priorityClassName: "system-node-critical",
        securityContext: { seccompProfile: { type: "RuntimeDefault" } },
        tolerations: [{ effect: "NoExecute", operator: "Exists" }],
        volumes: d.volumes,
      },
    } as KObject;
  });
}
