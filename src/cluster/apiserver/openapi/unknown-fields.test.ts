// Tests of unknown-field detection for fieldValidation=Strict (paths as upstream's strict decoder spells them).
import { describe, expect, it } from "vitest";
import { unknownFieldPaths } from "./index.js";

const managedFields = [{
  manager: "kubectl-client-side-apply", operation: "Update", apiVersion: "v1", time: "2025-01-01T10:00:00Z", fieldsType: "FieldsV1",
  fieldsV1: { "f:metadata": { "f:annotations": { ".": {}, "f:kubectl.kubernetes.io/last-applied-configuration": {} } }, "f:spec": { "k:{\"name\":\"web\"}": {} } },
}];

const pod = {
  apiVersion: "v1", kind: "Pod",
  metadata: {
    name: "web", namespace: "default", uid: "0b3c", resourceVersion: "12", creationTimestamp: "2025-01-01T10:00:00Z",
    labels: { app: "web", "app.kubernetes.io/name": "web" }, annotations: { "kubectl.kubernetes.io/last-applied-configuration": "{}\n" },
    ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web-5d", uid: "77", controller: true, blockOwnerDeletion: true }],
    finalizers: ["example.com/keep"], managedFields,
  },
  spec: {
    containers: [{
      name: "web", image: "nginx:1.27", imagePullPolicy: "IfNotPresent", command: ["nginx"], args: ["-g", "daemon off;"],
      ports: [{ containerPort: 80, name: "http", protocol: "TCP" }],
      env: [{ name: "A", value: "1" }, { name: "POD_IP", valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: "status.podIP" } } }],
      envFrom: [{ configMapRef: { name: "cfg" } }],
      resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { memory: 128974848 } },
      volumeMounts: [{ name: "data", mountPath: "/data" }, { name: "cfg", mountPath: "/etc/cfg", readOnly: true }],
      livenessProbe: { httpGet: { path: "/", port: "http" }, periodSeconds: 10 },
      readinessProbe: { tcpSocket: { port: 80 } },
      startupProbe: { exec: { command: ["true"] } },
      lifecycle: { preStop: { sleep: { seconds: 5 } } },
      securityContext: { runAsNonRoot: true, capabilities: { drop: ["ALL"] } },
      terminationMessagePath: "/dev/termination-log", terminationMessagePolicy: "File",
    }],
    volumes: [
      { name: "data", emptyDir: { sizeLimit: "1Gi" } },
      { name: "cfg", configMap: { name: "cfg", items: [{ key: "a", path: "a.conf" }] } },
      { name: "tok", projected: { sources: [{ serviceAccountToken: { path: "token", expirationSeconds: 3607 } }, { downwardAPI: { items: [{ path: "ns", fieldRef: { fieldPath: "metadata.namespace" } }] } }] } },
    ],
    restartPolicy: "Always", dnsPolicy: "ClusterFirst", serviceAccountName: "default", nodeName: "node01",
    tolerations: [{ key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 }],
    affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { topologyKey: "kubernetes.io/hostname", labelSelector: { matchLabels: { app: "web" } } } }] } },
    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "zone", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchExpressions: [{ key: "app", operator: "In", values: ["web"] }] } }],
    securityContext: {}, schedulerName: "default-scheduler", terminationGracePeriodSeconds: 30, priority: 0, enableServiceLinks: true, preemptionPolicy: "PreemptLowerPriority",
  },
  status: {
    phase: "Running", hostIP: "172.18.0.2", hostIPs: [{ ip: "172.18.0.2" }], podIP: "10.244.1.5", podIPs: [{ ip: "10.244.1.5" }], qosClass: "Burstable",
    startTime: "2025-01-01T10:00:00Z",
    conditions: [{ type: "Ready", status: "True", lastProbeTime: null, lastTransitionTime: "2025-01-01T10:00:05Z" }],
    containerStatuses: [{
      name: "web", ready: true, started: true, restartCount: 0, image: "docker.io/library/nginx:1.27", imageID: "docker.io/library/nginx@sha256:ab", containerID: "containerd://1f",
      state: { running: { startedAt: "2025-01-01T10:00:03Z" } }, lastState: {},
    }],
  },
};

const deployment = {
  apiVersion: "apps/v1", kind: "Deployment",
  metadata: { name: "web", labels: { app: "web" }, annotations: { "deployment.kubernetes.io/revision": "1" }, generation: 1, managedFields },
  spec: {
    replicas: 3, revisionHistoryLimit: 10, progressDeadlineSeconds: 600,
    selector: { matchLabels: { app: "web" } },
    strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: "25%", maxUnavailable: 1 } },
    template: { metadata: { labels: { app: "web" }, creationTimestamp: null }, spec: pod.spec },
  },
  status: {
    observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3,
    conditions: [{ type: "Available", status: "True", lastUpdateTime: "2025-01-01T10:00:00Z", lastTransitionTime: "2025-01-01T10:00:00Z", reason: "MinimumReplicasAvailable", message: "Deployment has minimum availability." }],
  },
};

describe("unknownFieldPaths", () => {
  it("accepts a full pod with managedFields, owner references and status", () => {
    expect(unknownFieldPaths("", "v1", "Pod", pod)).toEqual([]);
  });

  it("accepts a full deployment", () => {
    expect(unknownFieldPaths("apps", "v1", "Deployment", deployment)).toEqual([]);
  });

  it("names a misspelt container field with its index", () => {
    const bad = { apiVersion: "v1", kind: "Pod", metadata: { name: "x" }, spec: { containers: [{ name: "a", image: "nginx" }, { name: "b", imagee: "nginx" }] } };
    expect(unknownFieldPaths("", "v1", "Pod", bad)).toEqual(["spec.containers[1].imagee"]);
  });

  it("reports every unknown field in document order, at the top level without a dot", () => {
    const bad = {
      apiVersion: "apps/v1", kind: "Deployment", spec2: {}, metadata: { name: "x", lables: { a: "b" } },
      spec: { replicas: 1, selector: { matchLabels: { a: "b" } }, template: { spec: { containers: [{ name: "a", image: "i", Image: "j", ports: [{ containerport: 80 }] }] } } },
    };
    expect(unknownFieldPaths("apps", "v1", "Deployment", bad)).toEqual([
      "spec2", "metadata.lables", "spec.template.spec.containers[0].Image", "spec.template.spec.containers[0].ports[0].containerport",
    ]);
  });

  it("spells map keys with a dot and checks the values of maps of structs", () => {
    const svc = { apiVersion: "v1", kind: "Service", metadata: { name: "s" }, spec: { ports: [{ port: 80, targetPort: "http", nodePortt: 1 }], selector: { app: "x" } } };
    expect(unknownFieldPaths("", "v1", "Service", svc)).toEqual(["spec.ports[0].nodePortt"]);
    const cm = { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c" }, data: { "a.conf": "x" }, date: {} };
    expect(unknownFieldPaths("", "v1", "ConfigMap", cm)).toEqual(["date"]);
  });

  it("checks every kind of the resource table and ignores kinds it does not know", () => {
    expect(unknownFieldPaths("coordination.k8s.io", "v1", "Lease", { spec: { holderIdentity: "n", renewTime: "2025-01-01T10:00:00.000000Z", leaseDurationSecs: 40 } })).toEqual(["spec.leaseDurationSecs"]);
    expect(unknownFieldPaths("events.k8s.io", "v1", "Event", { note: "n", regarding: { kind: "Pod" }, involvedObject: {} })).toEqual(["involvedObject"]);
    expect(unknownFieldPaths("", "v1", "Event", { involvedObject: { kind: "Pod" }, message: "m", count: 2 })).toEqual([]);
    expect(unknownFieldPaths("example.com", "v1", "Widget", { anything: 1 })).toEqual([]);
  });
});
