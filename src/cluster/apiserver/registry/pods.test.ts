import { describe, expect, it } from "vitest";
import { podStrategy, podGracePeriod } from "./pods";
import { runAdmission } from "../admission/chain";
import { fakeReader } from "../admission/fake-reader";
import { findResource } from "../resources";
import { invalid, StatusError } from "../status";
import type { KObject } from "./types";

const reader = fakeReader([
  { resource: "namespaces", obj: { metadata: { name: "default" }, status: { phase: "Active" } } },
  { resource: "serviceaccounts", obj: { metadata: { name: "default", namespace: "default" } } },
]);
const pods = findResource("", "v1", "pods")!;
const now = new Date("2025-01-01T00:00:00Z");

/** The generic registry's create order: defaults, admission, system fields, PrepareForCreate, validation. */
function create(body: KObject): KObject {
  const obj = structuredClone(body);
  obj.metadata.namespace = "default";
  podStrategy.defaults!(obj);
  runAdmission({ operation: "CREATE", resource: pods, namespace: "default", name: obj.metadata.name ?? "", object: obj,
    user: { username: "kubernetes-admin", groups: ["system:masters"] }, dryRun: false, reader, now });
  obj.metadata.uid = "6b1c9d1e-0000-4000-8000-000000000001";
  podStrategy.prepareForCreate!(obj, { now, namespace: "default" });
  const errs = podStrategy.validate!(obj, { now, namespace: "default" });
  if (errs.length) throw invalid("Pod", "", obj.metadata.name, errs);
  return obj;
}

const KUBECTL_RUN = {
  kind: "Pod", apiVersion: "v1",
  metadata: { name: "nginx", creationTimestamp: null, labels: { run: "nginx" } },
  spec: { containers: [{ name: "nginx", image: "nginx", resources: {} }], restartPolicy: "Never", dnsPolicy: "ClusterFirst" },
  status: {},
} as unknown as KObject;

describe("pods: kubectl run nginx --image=nginx --restart=Never", () => {
  it("stores the spec and status a v1.32 cluster shows in get pod -o yaml", () => {
    const pod = create(KUBECTL_RUN);
    const vol = pod.spec.volumes[0].name as string;
    expect(vol).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod.spec).toEqual({
      containers: [{
        image: "nginx", imagePullPolicy: "Always", name: "nginx", resources: {},
        terminationMessagePath: "/dev/termination-log", terminationMessagePolicy: "File",
        volumeMounts: [{ mountPath: "/var/run/secrets/kubernetes.io/serviceaccount", name: vol, readOnly: true }],
      }],
      dnsPolicy: "ClusterFirst", enableServiceLinks: true, preemptionPolicy: "PreemptLowerPriority", priority: 0,
      restartPolicy: "Never", schedulerName: "default-scheduler", securityContext: {}, serviceAccount: "default",
      serviceAccountName: "default", terminationGracePeriodSeconds: 30,
      tolerations: [
        { effect: "NoExecute", key: "node.kubernetes.io/not-ready", operator: "Exists", tolerationSeconds: 300 },
        { effect: "NoExecute", key: "node.kubernetes.io/unreachable", operator: "Exists", tolerationSeconds: 300 },
      ],
      volumes: [{
        name: vol,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
            { configMap: { items: [{ key: "ca.crt", path: "ca.crt" }], name: "kube-root-ca.crt" } },
            { downwardAPI: { items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }] } },
          ],
        },
      }],
    });
    expect(pod.status).toEqual({ phase: "Pending", qosClass: "BestEffort" });
  });

  it("defaults are stable when applied again (update path)", () => {
    const pod = create(KUBECTL_RUN);
    const again = structuredClone(pod);
    podStrategy.defaults!(again);
    expect(again).toEqual(pod);
  });
});

describe("pods: defaults and QoS", () => {
  it("IfNotPresent for tagged images, requests from limits, canonical quantities, probe defaults", () => {
    const pod = create({
      metadata: { name: "web" },
      spec: { containers: [{
        name: "web", image: "nginx:1.27", ports: [{ containerPort: 80 }],
        resources: { limits: { cpu: "500m", memory: "0.5Gi" } },
        livenessProbe: { httpGet: { port: 80 } },
      }] },
    } as KObject);
    const c = pod.spec.containers[0];
    expect(c.imagePullPolicy).toBe("IfNotPresent");
    expect(c.ports).toEqual([{ containerPort: 80, protocol: "TCP" }]);
    expect(c.resources).toEqual({ limits: { cpu: "500m", memory: "512Mi" }, requests: { cpu: "500m", memory: "512Mi" } });
    expect(c.livenessProbe).toEqual({ httpGet: { path: "/", port: 80, scheme: "HTTP" }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(pod.spec.restartPolicy).toBe("Always");
    expect(pod.status.qosClass).toBe("Guaranteed");
  });

  it("Burstable with requests only; a bad quantity is the decoder's 400", () => {
    const pod = create({ metadata: { name: "b" }, spec: { containers: [{ name: "b", image: "busybox", resources: { requests: { cpu: "100m" } } }] } } as KObject);
    expect(pod.status.qosClass).toBe("Burstable");
    let err: unknown;
    try { create({ metadata: { name: "q" }, spec: { containers: [{ name: "q", image: "busybox", resources: { limits: { memory: "1GB" } } }] } } as KObject); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(StatusError);
    expect((err as StatusError).code).toBe(400);
    expect((err as StatusError).message).toBe("Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  });
});

describe("pods: strategy", () => {
  it("update keeps status, status update keeps spec", () => {
    const pod = create(KUBECTL_RUN);
    const next = structuredClone(pod);
    next.status = { phase: "Running" };
    podStrategy.prepareForUpdate!(next, pod, { now });
    expect(next.status).toEqual({ phase: "Pending", qosClass: "BestEffort" });
    const st = structuredClone(pod);
    st.spec.nodeName = "node01";
    st.status = { phase: "Running", podIP: "10.244.1.5" };
    podStrategy.prepareForStatusUpdate!(st, pod, { now });
    expect(st.spec.nodeName).toBeUndefined();
    expect(st.status).toEqual({ phase: "Running", podIP: "10.244.1.5", podIPs: [{ ip: "10.244.1.5" }], qosClass: "BestEffort" });
  });

  it("field selectors as ToSelectableFields", () => {
    const pod = create(KUBECTL_RUN);
    pod.spec.nodeName = "node01";
    pod.status.podIPs = [{ ip: "10.244.1.5" }];
    expect(podStrategy.fields!(pod)).toEqual({
      "spec.nodeName": "node01", "spec.restartPolicy": "Never", "spec.schedulerName": "default-scheduler",
      "spec.serviceAccountName": "default", "spec.hostNetwork": "false", "status.phase": "Pending",
      "status.podIP": "10.244.1.5", "status.nominatedNodeName": "",
    });
  });

  it("graceful deletion: 30 s on a node, 0 when unscheduled or finished", () => {
    const pod = create(KUBECTL_RUN);
    expect(podStrategy.gracePeriodSeconds!(pod)).toBe(0);
    pod.spec.nodeName = "node01";
    expect(podStrategy.gracePeriodSeconds!(pod)).toBe(30);
    expect(podGracePeriod(pod, 5)).toBe(5);
    pod.status.phase = "Succeeded";
    expect(podGracePeriod(pod, 5)).toBe(0);
  });
});
