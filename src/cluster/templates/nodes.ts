// The nodes of a new cluster, shaped like a kubeadm cluster's (labels, taints, capacity,
// addresses, nodeInfo as `kubectl get nodes -o wide` shows them). Sizes and versions are data.

export interface NodeShape {
  name: string;
  controlPlane: boolean;
  cpu: string;
  memory: string;
  pods: string;
  internalIP: string;
  /** Set by the controller manager's node IPAM when the cluster has a pod network CIDR. */
  podCIDR?: string;
}

export const NODE_DEFAULTS = {
  cpu: "2",
  memory: "4015448Ki",
  pods: "110",
  ephemeralStorage: "20134592Ki",
  kubeletVersion: "v1.32.4",
  osImage: "Ubuntu 24.04.1 LTS",
  kernelVersion: "6.8.0-51-generic",
  containerRuntimeVersion: "containerd://1.7.24",
};

export interface NodeRequest { count?: number; cpu?: string; memory?: string }

/** controlplane, node01, node02, ... with addresses 172.30.1.2, 172.30.2.2, ... and pod CIDRs 10.244.N.0/24. */
export function nodeShapes(req: NodeRequest = {}): NodeShape[] {
  const workers = Math.max(0, (req.count ?? 3) - 1);
  const shapes: NodeShape[] = [];
  for (let i = 0; i <= workers; i++) {
    shapes.push({
      name: i === 0 ? "controlplane" : `node${String(i).padStart(2, "0")}`,
      controlPlane: i === 0,
      cpu: req.cpu ?? NODE_DEFAULTS.cpu,
      memory: req.memory ?? NODE_DEFAULTS.memory,
      pods: NODE_DEFAULTS.pods,
      internalIP: `172.30.${i + 1}.2`,
      podCIDR: `10.244.${i}.0/24`,
    });
  }
  return shapes;
}

/** Allocatable as the kubelet reports it: capacity less the kube/system reserved and eviction threshold. */
function allocatableMemory(memory: string): string {
  const m = memory.match(/^(\d+)Ki$/);
  return m ? `${Math.max(0, Number(m[1]) - 102400)}Ki` : memory;
}

/** The kubelet's Ready condition: ready, or NotReady with the runtime's reason (no CNI yet). */
export interface ReadyCondition { status: "True" | "False"; reason: string; message: string }
export const KUBELET_READY: ReadyCondition = { status: "True", reason: "KubeletReady", message: "kubelet is posting ready status" };

export function nodeObject(s: NodeShape, bootId: string, machineId: string, now: string, ready: ReadyCondition = KUBELET_READY) {
  const labels: Record<string, string> = {
    "beta.kubernetes.io/arch": "amd64", "beta.kubernetes.io/os": "linux",
    "kubernetes.io/arch": "amd64", "kubernetes.io/hostname": s.name, "kubernetes.io/os": "linux",
  };
  if (s.controlPlane) {
    labels["node-role.kubernetes.io/control-plane"] = "";
    labels["node.kubernetes.io/exclude-from-external-load-balancers"] = "";
  }
  const capacity = {
    cpu: s.cpu, "ephemeral-storage": NODE_DEFAULTS.ephemeralStorage, "hugepages-1Gi": "0", "hugepages-2Mi": "0",
    memory: s.memory, pods: s.pods,
  };
  const condition = (type: string, status: string, reason: string, message: string) =>
    ({ type, status, lastHeartbeatTime: now, lastTransitionTime: now, reason, message });
  return {
    apiVersion: "v1", kind: "Node",
    metadata: {
      name: s.name, labels,
      annotations: {
        "node.alpha.kubernetes.io/ttl": "0",
        "volumes.kubernetes.io/controller-managed-attach-detach": "true",
        ...(s.controlPlane ? { "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///var/run/containerd/containerd.sock" } : {}),
      },
    },
    spec: {
      ...(s.podCIDR ? { podCIDR: s.podCIDR, podCIDRs: [s.podCIDR] } : {}),
      ...(s.controlPlane ? { taints: [{ key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" }] } : {}),
    },
    status: {
      addresses: [{ address: s.internalIP, type: "InternalIP" }, { address: s.name, type: "Hostname" }],
      allocatable: { ...capacity, "ephemeral-storage": "18556039957", memory: allocatableMemory(s.memory) },
      capacity,
      conditions: [
        condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
        condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
        condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
        condition("Ready", ready.status, ready.reason, ready.message),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: "amd64", bootID: bootId, containerRuntimeVersion: NODE_DEFAULTS.containerRuntimeVersion,
        kernelVersion: NODE_DEFAULTS.kernelVersion,
        kubeletVersion: NODE_DEFAULTS.kubeletVersion, machineID: machineId, operatingSystem: "linux",
        osImage: NODE_DEFAULTS.osImage, systemUUID: bootId,
      },
    },
  };
}
