// Calico v3.29's manifests/calico.yaml (https://raw.githubusercontent.com/projectcalico/calico/v3.29.3/manifests/calico.yaml)
// in the published order: the kube-controllers PodDisruptionBudget, service accounts, the
// calico-config ConfigMap, Calico's CustomResourceDefinitions, RBAC, the calico-node DaemonSet and
// the calico-kube-controllers Deployment. Compact: the CRDs keep their names, groups, kinds and
// scope with an open schema; the workloads keep their images, init containers, env and probes.
import { stringify } from "yaml";

export const CALICO_VERSION = "v3.29.3";
const img = (name: string) => `docker.io/calico/${name}:${CALICO_VERSION}`;

const CRDS: [string, string, "Cluster" | "Namespaced", string?][] = [
  ["BGPConfiguration", "bgpconfigurations", "Cluster"], ["BGPFilter", "bgpfilters", "Cluster"], ["BGPPeer", "bgppeers", "Cluster"],
  ["BlockAffinity", "blockaffinities", "Cluster"], ["CalicoNodeStatus", "caliconodestatuses", "Cluster"], ["ClusterInformation", "clusterinformations", "Cluster"],
  ["FelixConfiguration", "felixconfigurations", "Cluster"], ["GlobalNetworkPolicy", "globalnetworkpolicies", "Cluster"], ["GlobalNetworkSet", "globalnetworksets", "Cluster"],
  ["HostEndpoint", "hostendpoints", "Cluster"], ["IPAMBlock", "ipamblocks", "Cluster"], ["IPAMConfig", "ipamconfigs", "Cluster"], ["IPAMHandle", "ipamhandles", "Cluster"],
  ["IPPool", "ippools", "Cluster"], ["IPReservation", "ipreservations", "Cluster"], ["KubeControllersConfiguration", "kubecontrollersconfigurations", "Cluster"],
  ["NetworkPolicy", "networkpolicies", "Namespaced"], ["NetworkSet", "networksets", "Namespaced"], ["Tier", "tiers", "Cluster"],
  ["AdminNetworkPolicy", "adminnetworkpolicies", "Cluster", "policy.networking.k8s.io"],
];

const crd = ([kind, plural, scope, group = "crd.projectcalico.org"]: (typeof CRDS)[number]) => ({
  apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition",
  metadata: { name: `${plural}.${group}` },
  spec: {
    group, names: { kind, listKind: `${kind}List`, plural, singular: kind.toLowerCase() }, preserveUnknownFields: false, scope,
    versions: [{ name: group === "crd.projectcalico.org" ? "v1" : "v1alpha1", schema: { openAPIV3Schema: { type: "object", "x-kubernetes-preserve-unknown-fields": true } }, served: true, storage: true }],
  },
});

const sa = (name: string) => ({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name, namespace: "kube-system" } });
const role = (name: string, rules: object[]) => ({ kind: "ClusterRole", apiVersion: "rbac.authorization.k8s.io/v1", metadata: { name }, rules });
const binding = (name: string) => ({
  apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", metadata: { name },
  roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name }, subjects: [{ kind: "ServiceAccount", name, namespace: "kube-system" }],
});
const hostPath = (name: string, path: string, type?: string) => ({ name, hostPath: { path, ...(type ? { type } : {}) } });
const fromConfig = (name: string, key: string) => ({ name, valueFrom: { configMapKeyRef: { name: "calico-config", key } } });
const cniEnv = [{ name: "KUBERNETES_NODE_NAME", valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } }, fromConfig("CALICO_NETWORKING_BACKEND", "calico_backend")];

const CNI_NETWORK_CONFIG = `{
  "name": "k8s-pod-network",
  "cniVersion": "0.3.1",
  "plugins": [
    {
      "type": "calico",
      "log_level": "info",
      "log_file_path": "/var/log/calico/cni/cni.log",
      "datastore_type": "kubernetes",
      "nodename": "__KUBERNETES_NODE_NAME__",
      "mtu": __CNI_MTU__,
      "ipam": {
          "type": "calico-ipam"
      },
      "policy": {
          "type": "k8s"
      },
      "kubernetes": {
          "kubeconfig": "__KUBECONFIG_FILEPATH__"
      }
    },
    {
      "type": "portmap",
      "snat": true,
      "capabilities": {"portMappings": true}
    },
    {
      "type": "bandwidth",
      "capabilities": {"bandwidth": true}
    }
  ]
}`;

const objects: object[] = [
  { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "calico-kube-controllers", namespace: "kube-system", labels: { "k8s-app": "calico-kube-controllers" } }, spec: { maxUnavailable: 1, selector: { matchLabels: { "k8s-app": "calico-kube-controllers" } } } },
  sa("calico-kube-controllers"), sa("calico-node"), sa("calico-cni-plugin"),
  { kind: "ConfigMap", apiVersion: "v1", metadata: { name: "calico-config", namespace: "kube-system" }, data: { typha_service_name: "none", calico_backend: "bird", veth_mtu: "0", cni_network_config: CNI_NETWORK_CONFIG } },
  ...CRDS.map(crd),
  role("calico-kube-controllers", [
    { apiGroups: [""], resources: ["nodes"], verbs: ["watch", "list", "get"] },
    { apiGroups: [""], resources: ["pods"], verbs: ["get", "list", "watch"] },
    { apiGroups: ["crd.projectcalico.org"], resources: ["ipreservations"], verbs: ["list"] },
    { apiGroups: ["crd.projectcalico.org"], resources: ["blockaffinities", "ipamblocks", "ipamhandles", "tiers"], verbs: ["get", "list", "create", "update", "delete", "watch"] },
    { apiGroups: ["crd.projectcalico.org"], resources: ["ippools"], verbs: ["list", "watch"] },
    { apiGroups: ["crd.projectcalico.org"], resources: ["hostendpoints"], verbs: ["get", "list", "create", "update", "delete"] },
    { apiGroups: ["crd.projectcalico.org"], resources: ["clusterinformations"], verbs: ["get", "list", "create", "update", "watch"] },
    { apiGroups: ["crd.projectcalico.org"], resources: ["kubecontrollersconfigurations"], verbs: ["get", "create", "list", "update", "watch"] },
  ]),
  role("calico-cni-plugin", [
    { apiGroups: [""], resources: ["pods", "nodes", "namespaces"], verbs: ["get"] },
    { apiGroups: [""], resources: ["pods/status"], verbs: ["patch"] },
    { apiGroups: ["crd.projectcalico.org"], resources: ["blockaffinities", "ipamblocks", "ipamhandles", "clusterinformations", "ippools", "ipreservations", "ipamconfigs"], verbs: ["get", "list", "create", "update", "delete"] },
  ]),
  role("calico-node", [
    { apiGroups: [""], resources: ["pods", "nodes", "namespaces"], verbs: ["get"] },
    { apiGroups: ["discovery.k8s.io"], resources: ["endpointslices"], verbs: ["watch", "list"] },
    { apiGroups: [""], resources: ["endpoints", "services"], verbs: ["watch", "list", "get"] },
    { apiGroups: [""], resources: ["configmaps"], verbs: ["get"] },
    { apiGroups: [""], resources: ["nodes/status"], verbs: ["patch", "update"] },
    { apiGroups: ["networking.k8s.io"], resources: ["networkpolicies"], verbs: ["watch", "list"] },
    { apiGroups: [""], resources: ["pods", "namespaces", "serviceaccounts"], verbs: ["list", "watch"] },
    { apiGroups: ["crd.projectcalico.org"], resources: ["globalfelixconfigs", "felixconfigurations", "bgppeers", "bgpfilters", "globalbgpconfigs", "bgpconfigurations", "ippools", "ipreservations", "ipamblocks", "globalnetworkpolicies", "globalnetworksets", "networkpolicies", "networksets", "clusterinformations", "hostendpoints", "blockaffinities", "caliconodestatuses", "tiers"], verbs: ["get", "list", "watch"] },
  ]),
  binding("calico-kube-controllers"), binding("calico-cni-plugin"), binding("calico-node"),
  {
    kind: "DaemonSet", apiVersion: "apps/v1", metadata: { name: "calico-node", namespace: "kube-system", labels: { "k8s-app": "calico-node" } },
    spec: {
      selector: { matchLabels: { "k8s-app": "calico-node" } }, updateStrategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 1 } },
      template: {
        metadata: { labels: { "k8s-app": "calico-node" } },
        spec: {
          nodeSelector: { "kubernetes.io/os": "linux" }, hostNetwork: true,
          tolerations: [{ effect: "NoSchedule", operator: "Exists" }, { key: "CriticalAddonsOnly", operator: "Exists" }, { effect: "NoExecute", operator: "Exists" }],
          serviceAccountName: "calico-node", terminationGracePeriodSeconds: 0, priorityClassName: "system-node-critical",
          initContainers: [
            { name: "upgrade-ipam", image: img("cni"), imagePullPolicy: "IfNotPresent", command: ["/opt/cni/bin/calico-ipam", "-upgrade"], envFrom: [{ configMapRef: { name: "kubernetes-services-endpoint", optional: true } }], env: cniEnv, volumeMounts: [{ mountPath: "/var/lib/cni/networks", name: "host-local-net-dir" }, { mountPath: "/host/opt/cni/bin", name: "cni-bin-dir" }], securityContext: { privileged: true } },
            { name: "install-cni", image: img("cni"), imagePullPolicy: "IfNotPresent", command: ["/opt/cni/bin/install"], envFrom: [{ configMapRef: { name: "kubernetes-services-endpoint", optional: true } }], env: [{ name: "CNI_CONF_NAME", value: "10-calico.conflist" }, fromConfig("CNI_NETWORK_CONFIG", "cni_network_config"), { name: "KUBERNETES_NODE_NAME", valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } }, fromConfig("CNI_MTU", "veth_mtu"), { name: "SLEEP", value: "false" }], volumeMounts: [{ mountPath: "/host/opt/cni/bin", name: "cni-bin-dir" }, { mountPath: "/host/etc/cni/net.d", name: "cni-net-dir" }], securityContext: { privileged: true } },
            { name: "mount-bpffs", image: img("node"), imagePullPolicy: "IfNotPresent", command: ["calico-node", "-init", "-best-effort"], volumeMounts: [{ mountPath: "/sys/fs", name: "sys-fs", mountPropagation: "Bidirectional" }, { mountPath: "/var/run/calico", name: "var-run-calico", mountPropagation: "Bidirectional" }, { mountPath: "/nodeproc", name: "nodeproc", readOnly: true }], securityContext: { privileged: true } },
          ],
          containers: [{
            name: "calico-node", image: img("node"), imagePullPolicy: "IfNotPresent",
            envFrom: [{ configMapRef: { name: "kubernetes-services-endpoint", optional: true } }],
            env: [
              { name: "DATASTORE_TYPE", value: "kubernetes" }, { name: "WAIT_FOR_DATASTORE", value: "true" },
              { name: "NODENAME", valueFrom: { fieldRef: { fieldPath: "spec.nodeName" } } }, fromConfig("CALICO_NETWORKING_BACKEND", "calico_backend"),
              { name: "CLUSTER_TYPE", value: "k8s,bgp" }, { name: "IP", value: "autodetect" }, { name: "CALICO_IPV4POOL_IPIP", value: "Always" },
              { name: "CALICO_IPV4POOL_VXLAN", value: "Never" }, { name: "CALICO_IPV6POOL_VXLAN", value: "Never" },
              fromConfig("FELIX_IPINIPMTU", "veth_mtu"), fromConfig("FELIX_VXLANMTU", "veth_mtu"), fromConfig("FELIX_WIREGUARDMTU", "veth_mtu"),
              { name: "CALICO_DISABLE_FILE_LOGGING", value: "true" }, { name: "FELIX_DEFAULTENDPOINTTOHOSTACTION", value: "ACCEPT" },
              { name: "FELIX_IPV6SUPPORT", value: "false" }, { name: "FELIX_HEALTHENABLED", value: "true" },
            ],
            securityContext: { privileged: true }, resources: { requests: { cpu: "250m" } },
            lifecycle: { preStop: { exec: { command: ["/bin/calico-node", "-shutdown"] } } },
            livenessProbe: { exec: { command: ["/bin/calico-node", "-felix-live", "-bird-live"] }, periodSeconds: 10, initialDelaySeconds: 10, failureThreshold: 6, timeoutSeconds: 10 },
            readinessProbe: { exec: { command: ["/bin/calico-node", "-felix-ready", "-bird-ready"] }, periodSeconds: 10, timeoutSeconds: 10 },
            volumeMounts: [
              { mountPath: "/host/etc/cni/net.d", name: "cni-net-dir", readOnly: false }, { mountPath: "/lib/modules", name: "lib-modules", readOnly: true },
              { mountPath: "/run/xtables.lock", name: "xtables-lock", readOnly: false }, { mountPath: "/var/run/calico", name: "var-run-calico", readOnly: false },
              { mountPath: "/var/lib/calico", name: "var-lib-calico", readOnly: false }, { name: "policysync", mountPath: "/var/run/nodeagent" },
              { name: "bpffs", mountPath: "/sys/fs/bpf" }, { name: "cni-log-dir", mountPath: "/var/log/calico/cni", readOnly: true },
            ],
          }],
          volumes: [
            hostPath("lib-modules", "/lib/modules"), hostPath("var-run-calico", "/var/run/calico", "DirectoryOrCreate"), hostPath("var-lib-calico", "/var/lib/calico", "DirectoryOrCreate"),
            hostPath("xtables-lock", "/run/xtables.lock", "FileOrCreate"), hostPath("sys-fs", "/sys/fs/", "DirectoryOrCreate"), hostPath("bpffs", "/sys/fs/bpf", "Directory"),
            hostPath("nodeproc", "/proc"), hostPath("cni-bin-dir", "/opt/cni/bin", "DirectoryOrCreate"), hostPath("cni-net-dir", "/etc/cni/net.d"),
            hostPath("cni-log-dir", "/var/log/calico/cni"), hostPath("host-local-net-dir", "/var/lib/cni/networks"), hostPath("policysync", "/var/run/nodeagent", "DirectoryOrCreate"),
          ],
        },
      },
    },
  },
  {
    apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "calico-kube-controllers", namespace: "kube-system", labels: { "k8s-app": "calico-kube-controllers" } },
    spec: {
      replicas: 1, selector: { matchLabels: { "k8s-app": "calico-kube-controllers" } }, strategy: { type: "Recreate" },
      template: {
        metadata: { name: "calico-kube-controllers", namespace: "kube-system", labels: { "k8s-app": "calico-kube-controllers" } },
        spec: {
          nodeSelector: { "kubernetes.io/os": "linux" },
          tolerations: [{ key: "CriticalAddonsOnly", operator: "Exists" }, { key: "node-role.kubernetes.io/master", effect: "NoSchedule" }, { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }],
          serviceAccountName: "calico-kube-controllers", priorityClassName: "system-cluster-critical",
          containers: [{
            name: "calico-kube-controllers", image: img("kube-controllers"), imagePullPolicy: "IfNotPresent",
            env: [{ name: "ENABLED_CONTROLLERS", value: "node,loadbalancer" }, { name: "DATASTORE_TYPE", value: "kubernetes" }],
            livenessProbe: { exec: { command: ["/usr/bin/check-status", "-l"] }, periodSeconds: 10, initialDelaySeconds: 10, failureThreshold: 6, timeoutSeconds: 10 },
            readinessProbe: { exec: { command: ["/usr/bin/check-status", "-r"] }, periodSeconds: 10 },
          }],
        },
      },
    },
  },
];

export const CALICO_V3_29 = objects.map((o) => `---\n${stringify(o, { lineWidth: 0 })}`).join("");
