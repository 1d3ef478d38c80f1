// What kubeadm puts in kube-system besides the static pods: the built-in priority classes (the API
// server creates them), CoreDNS (Deployment, kube-dns Service, Corefile) and kube-proxy
// (DaemonSet and its ConfigMap), so `kubectl get pods -n kube-system` looks as on a kubeadm cluster.
import type { KObject } from "../apiserver/registry/types";

export const PRIORITY_CLASSES: KObject[] = [
  { metadata: { name: "system-cluster-critical" }, value: 2000000000, description: "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.", preemptionPolicy: "PreemptLowerPriority" },
  { metadata: { name: "system-node-critical" }, value: 2000001000, description: "Used for system critical pods that must not be moved from their current node.", preemptionPolicy: "PreemptLowerPriority" },
];

const COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success cluster.local
       disable denial cluster.local
    }
    loop
    reload
    loadbalance
}
`;

export function coreDNS(): { configMap: KObject; service: KObject; deployment: KObject } {
  const labels = { "k8s-app": "kube-dns" };
  return {
    configMap: { metadata: { name: "coredns" }, data: { Corefile: COREFILE } },
    service: {
      metadata: {
        name: "kube-dns",
        labels: { "k8s-app": "kube-dns", "kubernetes.io/cluster-service": "true", "kubernetes.io/name": "CoreDNS" },
        annotations: { "prometheus.io/port": "9153", "prometheus.io/scrape": "true" },
      },
      spec: {
        clusterIP: "10.96.0.10", clusterIPs: ["10.96.0.10"], selector: labels,
        ports: [
          { name: "dns", port: 53, protocol: "UDP", targetPort: 53 },
          { name: "dns-tcp", port: 53, protocol: "TCP", targetPort: 53 },
          { name: "metrics", port: 9153, protocol: "TCP", targetPort: 9153 },
        ],
      },
    },
    deployment: {
      metadata: { name: "coredns", labels },
      spec: {
        replicas: 2,
        selector: { matchLabels: labels },
        strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1 } },
        template: {
          metadata: { labels },
          spec: {
            priorityClassName: "system-cluster-critical",
            serviceAccountName: "coredns",
            tolerations: [{ key: "CriticalAddonsOnly", operator: "Exists" }, { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }],
            nodeSelector: { "kubernetes.io/os": "linux" },
            affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: "k8s-app", operator: "In", values: ["kube-dns"] }] }, topologyKey: "kubernetes.io/hostname" } }] } },
            containers: [{
              name: "coredns", image: "registry.k8s.io/coredns/coredns:v1.11.3", imagePullPolicy: "IfNotPresent",
              args: ["-conf", "/etc/coredns/Corefile"],
              resources: { limits: { memory: "170Mi" }, requests: { cpu: "100m", memory: "70Mi" } },
              volumeMounts: [{ name: "config-volume", mountPath: "/etc/coredns", readOnly: true }],
              ports: [{ containerPort: 53, name: "dns", protocol: "UDP" }, { containerPort: 53, name: "dns-tcp", protocol: "TCP" }, { containerPort: 9153, name: "metrics", protocol: "TCP" }],
              livenessProbe: { httpGet: { path: "/health", port: 8080, scheme: "HTTP" }, initialDelaySeconds: 60, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 5 },
              readinessProbe: { httpGet: { path: "/ready", port: 8181, scheme: "HTTP" } },
              securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ["NET_BIND_SERVICE"], drop: ["ALL"] }, readOnlyRootFilesystem: true },
            }],
            dnsPolicy: "Default",
            volumes: [{ name: "config-volume", configMap: { name: "coredns", items: [{ key: "Corefile", path: "Corefile" }] } }],
          },
        },
      },
    },
  };
}

export function kubeProxy(version: string, clusterCIDR = "10.244.0.0/16"): { configMap: KObject; daemonSet: KObject } {
  const labels = { "k8s-app": "kube-proxy" };
  return {
    configMap: {
      metadata: { name: "kube-proxy", labels: { app: "kube-proxy" } },
      data: { "config.conf": `apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nclusterCIDR: ${clusterCIDR || '""'}\nmode: ""\n` },
    },
    daemonSet: {
      metadata: { name: "kube-proxy", labels },
      spec: {
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            priorityClassName: "system-node-critical",
            serviceAccountName: "kube-proxy",
            hostNetwork: true,
            nodeSelector: { "kubernetes.io/os": "linux" },
            tolerations: [{ operator: "Exists" }],
            containers: [{
              name: "kube-proxy", image: `registry.k8s.io/kube-proxy:${version}`, imagePullPolicy: "IfNotPresent",
              command: ["/usr/local/bin/kube-proxy", "--config=/var/lib/kube-proxy/config.conf", "--hostname-override=$(NODE_NAME)"],
              env: [{ name: "NODE_NAME", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "spec.nodeName" } } }],
              securityContext: { privileged: true },
              volumeMounts: [{ name: "kube-proxy", mountPath: "/var/lib/kube-proxy" }, { name: "xtables-lock", mountPath: "/run/xtables.lock" }, { name: "lib-modules", mountPath: "/lib/modules", readOnly: true }],
            }],
            volumes: [
              { name: "kube-proxy", configMap: { name: "kube-proxy" } },
              { name: "xtables-lock", hostPath: { path: "/run/xtables.lock", type: "FileOrCreate" } },
              { name: "lib-modules", hostPath: { path: "/lib/modules", type: "" } },
            ],
          },
        },
      },
    },
  };
}
