// Integration tests of the terminal's kubectl describe / events / explain against a cluster made
// through the service API. Expectations are the output of the real kubectl v1.32.4 describing the
// same objects on a Podlab cluster from `npm start` (times, uids, IPs, random name suffixes and
// ages masked), and for Running / CrashLoopBackOff pods the transcripts of OUTPUTS.md §2.
import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { newCluster, ORIGIN, type Cluster } from "./helpers";
import type { DescribeContext, KubeTransport } from "../../src/terminal/types";
import { describeResource, kubectlEvents } from "../../src/terminal/kubectl/describe/index";

const REF_POD = "Name:             nginx\nNamespace:        default\nPriority:         0\nService Account:  default\nNode:             <NODE>\nStart Time:       <TIME>\nLabels:           run=nginx\nAnnotations:      <none>\nStatus:           Running\nIP:               <IP>\nIPs:\n  IP:  <IP>\nContainers:\n  nginx:\n    Container ID:   containerd://<HEX>\n    Image:          nginx\n    Image ID:       docker.io/library/nginx@sha256:<HEX>\n    Port:           <none>\n    Host Port:      <none>\n    State:          Running\n      Started:      <TIME>\n    Ready:          True\n    Restart Count:  0\n    Environment:    <none>\n    Mounts:\n      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-<RND> (ro)\nConditions:\n  Type                        Status\n  PodReadyToStartContainers   True \n  Initialized                 True \n  Ready                       True \n  ContainersReady             True \n  PodScheduled                True \nVolumes:\n  kube-api-access-<RND>:\n    Type:                    Projected (a volume that contains injected data from multiple sources)\n    TokenExpirationSeconds:  3607\n    ConfigMapName:           kube-root-ca.crt\n    ConfigMapOptional:       <nil>\n    DownwardAPI:             true\nQoS Class:                   BestEffort\nNode-Selectors:              <none>\nTolerations:                 node.kubernetes.io/not-<RND>:NoExecute op=Exists for 300s\n                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\nEvents:\n  Type    Reason     Age   From               Message\n  ----    ------     ----  ----               -------\n  Normal  Scheduled  NNs   default-scheduler  Successfully assigned default/nginx to <NODE>\n  Normal  Pulling    NNs   kubelet            Pulling image \"nginx\"\n  Normal  Pulled     NNs   kubelet            Successfully pulled image \"nginx\" in <D> (<D> including waiting). Image size: 72406859 bytes.\n  Normal  Created    NNs   kubelet            Created container: nginx\n  Normal  Started    NNs   kubelet            Started container nginx\n";
const REF_NODE = "Name:               controlplane\nRoles:              control-<RND>\nLabels:             beta.kubernetes.io/arch=amd64\n                    beta.kubernetes.io/os=linux\n                    kubernetes.io/arch=amd64\n                    kubernetes.io/hostname=controlplane\n                    kubernetes.io/os=linux\n                    node-role.kubernetes.io/control-<RND>=\n                    node.kubernetes.io/exclude-from-external-load-balancers=\nAnnotations:        kubeadm.alpha.kubernetes.io/cri-socket: unix:///var/run/containerd/containerd.sock\n                    node.alpha.kubernetes.io/ttl: 0\n                    volumes.kubernetes.io/controller-managed-attach-detach: true\nCreationTimestamp:  <TIME>\nTaints:             node-role.kubernetes.io/control-<RND>:NoSchedule\nUnschedulable:      false\nLease:\n  HolderIdentity:  controlplane\n  AcquireTime:     <unset>\n  RenewTime:       <TIME>\nConditions:\n  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message\n  ----             ------  -----------------                 ------------------                ------                       -------\n  MemoryPressure   False   <TIME>   <TIME>   KubeletHasSufficientMemory   kubelet has sufficient memory available\n  DiskPressure     False   <TIME>   <TIME>   KubeletHasNoDiskPressure     kubelet has no disk pressure\n  PIDPressure      False   <TIME>   <TIME>   KubeletHasSufficientPID      kubelet has sufficient PID available\n  Ready            True    <TIME>   <TIME>   KubeletReady                 kubelet is posting ready status\nAddresses:\n  InternalIP:  172.30.1.2\n  Hostname:    controlplane\nCapacity:\n  cpu:                2\n  ephemeral-storage:  20134592Ki\n  hugepages-1Gi:      0\n  hugepages-2Mi:      0\n  memory:             4015448Ki\n  pods:               110\nAllocatable:\n  cpu:                2\n  ephemeral-storage:  18556039957\n  hugepages-1Gi:      0\n  hugepages-2Mi:      0\n  memory:             3913048Ki\n  pods:               110\nSystem Info:\n  Machine ID:                 <HEX>\n  System UUID:                <UID>\n  Boot ID:                    <UID>\n  Kernel Version:             6.8.0-51-generic\n  OS Image:                   Ubuntu 24.04.1 LTS\n  Operating System:           linux\n  Architecture:               amd64\n  Container Runtime Version:  containerd://1.7.24\n  Kubelet Version:            v1.32.4\n  Kube-Proxy Version:         \nPodCIDR:                      <IP>/24\nPodCIDRs:                     <IP>/24\nNon-terminated Pods:          (5 in total)\n  Namespace                   Name                                    CPU Requests  CPU Limits  Memory Requests  Memory Limits  Age\n  ---------                   ----                                    ------------  ----------  ---------------  -------------  ---\n  kube-system                 etcd-controlplane                       100m (5%)     0 (0%)      100Mi (2%)       0 (0%)         NNs\n  kube-system                 kube-apiserver-controlplane             250m (12%)    0 (0%)      0 (0%)           0 (0%)         NNs\n  kube-system                 kube-controller-manager-controlplane    200m (10%)    0 (0%)      0 (0%)           0 (0%)         NNs\n  kube-system                 kube-<RND>-<RND>                        0 (0%)        0 (0%)      0 (0%)           0 (0%)         NNs\n  kube-system                 kube-scheduler-controlplane             100m (5%)     0 (0%)      0 (0%)           0 (0%)         NNs\nAllocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n  Resource           Requests    Limits\n  --------           --------    ------\n  cpu                650m (32%)  0 (0%)\n  memory             100Mi (2%)  0 (0%)\n  ephemeral-storage  0 (0%)      0 (0%)\n  hugepages-1Gi      0 (0%)      0 (0%)\n  hugepages-2Mi      0 (0%)      0 (0%)\nEvents:              <none>\n";
const REF_SVC = "Name:                     web\nNamespace:                default\nLabels:                   app=web\nAnnotations:              <none>\nSelector:                 app=web\nType:                     ClusterIP\nIP Family Policy:         SingleStack\nIP Families:              IPv4\nIP:                       <IP>\nIPs:                      <IP>\nPort:                     <unset>  80/TCP\nTargetPort:               80/TCP\nEndpoints:                <IP>:80,<IP>:80\nSession Affinity:         None\nInternal Traffic Policy:  Cluster\nEvents:                   <none>\n";
const REF_DEPLOY = "Name:                   web\nNamespace:              default\nCreationTimestamp:      <TIME>\nLabels:                 app=web\nAnnotations:            deployment.kubernetes.io/revision: 1\nSelector:               app=web\nReplicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable\nStrategyType:           RollingUpdate\nMinReadySeconds:        0\nRollingUpdateStrategy:  25% max unavailable, 25% max surge\nPod Template:\n  Labels:  app=web\n  Containers:\n   nginx:\n    Image:         nginx\n    Port:          <none>\n    Host Port:     <none>\n    Environment:   <none>\n    Mounts:        <none>\n  Volumes:         <none>\n  Node-Selectors:  <none>\n  Tolerations:     <none>\nConditions:\n  Type           Status  Reason\n  ----           ------  ------\n  Available      True    MinimumReplicasAvailable\n  Progressing    True    NewReplicaSetAvailable\nOldReplicaSets:  <none>\nNewReplicaSet:   web-6dc5cd68db (2/2 replicas created)\nEvents:\n  Type    Reason             Age   From                   Message\n  ----    ------             ----  ----                   -------\n  Normal  ScalingReplicaSet  NNs   deployment-controller  Scaled up replica set web-6dc5cd68db from 0 to 2\n";
const REF_CM = "Name:         cfg\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nData\n====\na:\n----\n1\n\nkey:\n----\nhello\n\n\nBinaryData\n====\n\nEvents:  <none>\n";
const REF_SECRET = "Name:         sec\nNamespace:    default\nLabels:       <none>\nAnnotations:  <none>\n\nType:  Opaque\n\nData\n====\npassword:  6 bytes\n";
const REF_SA = "Name:                default\nNamespace:           default\nLabels:              <none>\nAnnotations:         <none>\nImage pull secrets:  <none>\nMountable secrets:   <none>\nTokens:              <none>\nEvents:              <none>\n";
const REF_NS = "Name:         default\nLabels:       kubernetes.io/metadata.name=default\nAnnotations:  <none>\nStatus:       Active\n";
const REF_LEASE = "Name:         node01\nNamespace:    kube-node-<RND>\nLabels:       <none>\nAnnotations:  <none>\nAPI Version:  coordination.k8s.io/v1\nKind:         Lease\nMetadata:\n  Creation Timestamp:  <TS>\n  Owner References:\n    API Version:     v1\n    Kind:            Node\n    Name:            node01\n    UID:             <UID>\n  Resource Version:  N\n  UID:               <UID>\nSpec:\n  Holder Identity:         node01\n  Lease Duration Seconds:  40\n  Renew Time:              <TS>\nEvents:                    <none>\n";

function mask(s: string): string {
  return s
    .replace(/(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} [\d:]{8} \+0000/g, "<TIME>")
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<UID>")
    .replace(/\b[0-9a-f]{64}\b/g, "<HEX>")
    .replace(/\b[0-9a-f]{32}\b/g, "<HEX>")
    .replace(/-[a-z0-9]{5}\b/g, "-<RND>")
    .replace(/\b10\.\d+\.\d+\.\d+\b/g, "<IP>")
    .replace(/\bnode0\d\/172\.30\.\d+\.\d+/g, "<NODE>")
    .replace(/to node0\d\b/g, "to <NODE>")
    .replace(/in [\d.]+m?s \([\d.]+m?s including waiting\)/g, "in <D> (<D> including waiting)")
    .replace(/20\d{2}-[\d-]+T[\d:.]+Z/g, "<TS>")
    .replace(/^(  Normal\s+\S+\s+)\d\ds\b/gm, "$1NNs")
    .replace(/(\s\s)(\d+m)?\d+s$/gm, "$1NNs")
    .replace(/(Resource Version:\s+)\d+/g, "$1N")
    .replace(/^\d\ds(\s)/gm, "NNs$1");
}

function transportFor(c: Cluster): KubeTransport {
  return {
    request(method, path, init = {}) {
      return SELF.fetch(`${ORIGIN}/clusters/${c.id}${path}`, {
        method, body: init.body, signal: init.signal,
        headers: { authorization: `Bearer ${c.token}`, ...(init.headers ?? {}) },
      });
    },
  };
}

const R = {
  pods: { group: "", version: "v1", resource: "pods", kind: "Pod", namespaced: true },
  nodes: { group: "", version: "v1", resource: "nodes", kind: "Node", namespaced: false },
  namespaces: { group: "", version: "v1", resource: "namespaces", kind: "Namespace", namespaced: false },
  services: { group: "", version: "v1", resource: "services", kind: "Service", namespaced: true },
  configmaps: { group: "", version: "v1", resource: "configmaps", kind: "ConfigMap", namespaced: true },
  secrets: { group: "", version: "v1", resource: "secrets", kind: "Secret", namespaced: true },
  serviceaccounts: { group: "", version: "v1", resource: "serviceaccounts", kind: "ServiceAccount", namespaced: true },
  deployments: { group: "apps", version: "v1", resource: "deployments", kind: "Deployment", namespaced: true },
  replicasets: { group: "apps", version: "v1", resource: "replicasets", kind: "ReplicaSet", namespaced: true },
  jobs: { group: "batch", version: "v1", resource: "jobs", kind: "Job", namespaced: true },
  leases: { group: "coordination.k8s.io", version: "v1", resource: "leases", kind: "Lease", namespaced: true },
};

let c: Cluster;
let ctx: DescribeContext;

async function until<T>(f: () => Promise<T | undefined>, tries = 100): Promise<T> {
  for (let i = 0; i < tries; i++) { const v = await f(); if (v !== undefined) return v; await new Promise((r) => setTimeout(r, 50)); }
  throw new Error("timed out");
}

async function text(resource: (typeof R)[keyof typeof R], namespace: string | undefined, name: string): Promise<string> {
  const r = await describeResource(ctx, resource, namespace, name);
  if (!r.ok) throw new Error(r.error);
  return r.text;
}

beforeAll(async () => {
  c = await newCluster();
  // Ages are read on the cluster's virtual clock, 60 s after the events, so they print with two digits as in the reference run.
  let clockNow = new Date();
  ctx = { transport: transportFor(c), now: () => new Date(clockNow.getTime() + 60_000), showEvents: true };
  // Ages are read 60 s after the events happen, so they print with two digits as in the reference run.
  const post = async (path: string, body: unknown) => { const r = await c.kube("POST", path, { body }); expect(r.status).toBe(201); };
  await post("/api/v1/namespaces/default/pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "nginx", labels: { run: "nginx" } },
    spec: { containers: [{ name: "nginx", image: "nginx", resources: {} }], dnsPolicy: "ClusterFirst", restartPolicy: "Always" } });
  await post("/apis/apps/v1/namespaces/default/deployments", { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", labels: { app: "web" } },
    spec: { replicas: 2, selector: { matchLabels: { app: "web" } }, strategy: {},
      template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx", resources: {} }] } } } });
  await post("/api/v1/namespaces/default/services", { apiVersion: "v1", kind: "Service", metadata: { name: "web", labels: { app: "web" } },
    spec: { ports: [{ port: 80, protocol: "TCP", targetPort: 80 }], selector: { app: "web" } } });
  await post("/api/v1/namespaces/default/configmaps", { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "cfg" }, data: { a: "1", key: "hello" } });
  await post("/api/v1/namespaces/default/secrets", { apiVersion: "v1", kind: "Secret", metadata: { name: "sec" }, type: "Opaque", data: { password: btoa("s3cr3t") } });
  // Every pod Running and the deployment available, as when the reference was taken (image pulls
  // take virtual seconds: step the clock).
  const clock = async (body?: unknown) => {
    const r = await SELF.fetch(`${ORIGIN}/v1/clusters/${c.id}/clock`, { method: body ? "POST" : "GET",
      headers: { authorization: `Bearer ${c.accountToken}` }, body: body ? JSON.stringify(body) : undefined });
    return (await r.json()) as { now: string };
  };
  await until(async () => {
    await clock({ action: "step", seconds: 2 });
    const pods = ((await (await c.kube("GET", "/api/v1/namespaces/default/pods")).json()) as { items: { status: { phase: string } }[] }).items;
    const d = (await (await c.kube("GET", "/apis/apps/v1/namespaces/default/deployments/web")).json()) as { status?: { availableReplicas?: number } };
    return pods.length === 3 && pods.every((p) => p.status.phase === "Running") && d.status?.availableReplicas === 2 ? true : undefined;
  }, 100);
  clockNow = new Date((await clock()).now);
}, 60_000);

describe("kubectl describe: the same text as kubectl v1.32", () => {
  it("a Running pod: container state, conditions with their trailing space, volumes, events", async () => {
    expect(mask(await text(R.pods, "default", "nginx"))).toBe(REF_POD);
  });
  it("a node with its lease, conditions, capacity, non-terminated pods and allocated resources", async () => {
    expect(mask(await text(R.nodes, undefined, "controlplane"))).toBe(REF_NODE);
  });
  it("a namespace (no quota lines when the server does not serve resource quotas)", async () => {
    expect(mask(await text(R.namespaces, undefined, "default"))).toBe(REF_NS);
  });
  it("a service with endpoints from its EndpointSlices", async () => {
    expect(mask(await text(R.services, "default", "web"))).toBe(REF_SVC);
  });
  it("a deployment with its ReplicaSets, conditions and events", async () => {
    expect(mask(await text(R.deployments, "default", "web"))).toBe(REF_DEPLOY);
  });
  it("a config map, a secret and a service account", async () => {
    expect(mask(await text(R.configmaps, "default", "cfg"))).toBe(REF_CM);
    expect(mask(await text(R.secrets, "default", "sec"))).toBe(REF_SECRET);
    expect(mask(await text(R.serviceaccounts, "default", "default"))).toBe(REF_SA);
  });
  it("a lease through the generic describer", async () => {
    expect(mask(await text(R.leases, "kube-node-lease", "node01"))).toBe(REF_LEASE);
  });
  it("a missing object answers kubectl's error line", async () => {
    expect(await describeResource(ctx, R.pods, "default", "nope")).toEqual({ ok: false, error: 'Error from server (NotFound): pods "nope" not found' });
  });
});

describe("kubectl events", () => {
  it("prints LAST SEEN, TYPE, REASON, OBJECT (Kind/name), MESSAGE with padding 3", async () => {
    const r = await kubectlEvents(ctx.transport, { now: ctx.now(), namespace: "default", for: { kind: "Deployment", apiVersion: "apps/v1", name: "web" } });
    expect(r.stderr).toBe("");
    expect(mask(r.stdout)).toBe(
      "LAST SEEN   TYPE     REASON              OBJECT           MESSAGE\n" +
      "NNs         Normal   ScalingReplicaSet   Deployment/web   Scaled up replica set web-6dc5cd68db from 0 to 2\n");
  });
  it("says so when a namespace has no events", async () => {
    expect(await kubectlEvents(ctx.transport, { now: ctx.now(), namespace: "kube-public" }))
      .toEqual({ stdout: "", stderr: "No events found in kube-public namespace.\n", exitCode: 0 });
  });
});
