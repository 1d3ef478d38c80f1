// `kubectl get pods -o wide` rows for pods in the states a real cluster shows
// (reference: /work/shared/reference/OUTPUTS.md §1c, §1d, §2c, §2d).
import { describe, expect, it } from "vitest";
import type { KObject } from "../registry/types";
import { printerFor } from "./index";
import { podPrinter } from "./pod";

const now = new Date("2025-09-09T15:26:38Z");
const ago = (sec: number) => new Date(now.getTime() - sec * 1000).toISOString().replace(/\.000Z$/, "Z");

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = Record<string, any>;

const cond = (type: string, status: string, extra: Json = {}) => ({ type, status, lastTransitionTime: ago(400), ...extra });
const readyConditions = (ready: boolean) => [
  cond("PodReadyToStartContainers", "True"), cond("Initialized", "True"),
  cond("Ready", ready ? "True" : "False"), cond("ContainersReady", ready ? "True" : "False"), cond("PodScheduled", "True"),
];

function pod(name: string, spec: Json, status: Json, meta: Json = {}): KObject {
  return {
    apiVersion: "v1", kind: "Pod",
    metadata: { name, namespace: "default", uid: "a7002f55-3fbb-40b8-863e-87cfe3e7d1c1", creationTimestamp: ago(435), ...meta },
    spec: { nodeName: "docker-desktop", restartPolicy: "Always", ...spec },
    status,
  };
}

const running = (name: string, image: string, startedAt: string, restartCount = 0): Json => ({
  name, image, imageID: `docker.io/library/${image}@sha256:d5f2`, containerID: "containerd://c885", ready: true, started: true,
  restartCount, state: { running: { startedAt } },
});

const nginxPod = pod("nginx", { containers: [{ name: "nginx", image: "nginx" }] }, {
  phase: "Running", conditions: readyConditions(true), hostIP: "192.168.65.3", podIP: "10.1.0.6", podIPs: [{ ip: "10.1.0.6" }],
  startTime: ago(435), containerStatuses: [running("nginx", "nginx", ago(400))],
});

const cells = (p: KObject) => podPrinter.cells(p, now);

describe("pod printer", () => {
  it("has the upstream columns, the last four only with -o wide", () => {
    const cols = printerFor("", "pods").columns;
    expect(cols.map((c) => [c.name, c.type, c.format, c.priority])).toEqual([
      ["Name", "string", "name", 0], ["Ready", "string", "", 0], ["Status", "string", "", 0], ["Restarts", "string", "", 0],
      ["Age", "string", "", 0], ["IP", "string", "", 1], ["Node", "string", "", 1], ["Nominated Node", "string", "", 1],
      ["Readiness Gates", "string", "", 1],
    ]);
    expect(cols[3].description).toBe("The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.");
    expect(cols[5].description).toBe("podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.");
  });

  it("prints a running nginx pod like docker-desktop does", () => {
    expect(cells(nginxPod)).toEqual(["nginx", "1/1", "Running", "0", "7m15s", "10.1.0.6", "docker-desktop", "<none>", "<none>"]);
    expect(podPrinter.conditions!(nginxPod)).toBeUndefined();
  });

  it("prints a Pending pod that is not scheduled yet", () => {
    const p = pod("coredns-668d6bf9bc-9n5l9", { nodeName: undefined, containers: [{ name: "coredns", image: "registry.k8s.io/coredns/coredns:v1.11.3" }] },
      { phase: "Pending", conditions: [cond("PodScheduled", "False", { reason: "Unschedulable" })] }, { creationTimestamp: ago(584) });
    expect(cells(p)).toEqual(["coredns-668d6bf9bc-9n5l9", "0/1", "Pending", "0", "9m44s", "<none>", "<none>", "<none>", "<none>"]);
  });

  it("shows ContainerCreating while the kubelet pulls the image", () => {
    const p = pod("web", { containers: [{ name: "web", image: "nginx" }] }, {
      phase: "Pending", conditions: readyConditions(false), hostIP: "192.168.65.3",
      containerStatuses: [{ name: "web", image: "nginx", imageID: "", ready: false, started: false, restartCount: 0, state: { waiting: { reason: "ContainerCreating" } } }],
    }, { creationTimestamp: ago(3) });
    expect(cells(p).slice(0, 5)).toEqual(["web", "0/1", "ContainerCreating", "0", "3s"]);
  });

  it("prints CrashLoopBackOff with the restart count and when the last container finished", () => {
    const p = pod("busybox", { containers: [{ name: "busybox", image: "busybox:1.28" }] }, {
      phase: "Running", conditions: readyConditions(false), podIP: "10.244.1.4", podIPs: [{ ip: "10.244.1.4" }],
      containerStatuses: [{
        name: "busybox", image: "busybox:1.28", imageID: "docker.io/library/busybox@sha256:141c", containerID: "containerd://9f1e",
        ready: false, started: false, restartCount: 1,
        state: { waiting: { reason: "CrashLoopBackOff", message: "back-off 10s restarting failed container=busybox pod=busybox_default(a7002f55-3fbb-40b8-863e-87cfe3e7d1c1)" } },
        lastState: { terminated: { exitCode: 1, reason: "Error", startedAt: ago(9), finishedAt: ago(7) } },
      }],
    }, { creationTimestamp: ago(30) });
    expect(cells(p).slice(0, 5)).toEqual(["busybox", "0/1", "CrashLoopBackOff", "1 (7s ago)", "30s"]);
  });

  it("prints Error between restarts, as `lifecycle-crashloop 0/1 Error 4 (93s ago) 2m31s`", () => {
    const p = pod("lifecycle-crashloop", { containers: [{ name: "app", image: "busybox" }] }, {
      phase: "Running", conditions: readyConditions(false),
      containerStatuses: [{
        name: "app", image: "busybox", imageID: "x", ready: false, started: false, restartCount: 4,
        state: { terminated: { exitCode: 1, reason: "Error", startedAt: ago(95), finishedAt: ago(1) } },
        lastState: { terminated: { exitCode: 1, reason: "Error", startedAt: ago(95), finishedAt: ago(93) } },
      }],
    }, { creationTimestamp: ago(151) });
    expect(cells(p).slice(0, 5)).toEqual(["lifecycle-crashloop", "0/1", "Error", "4 (93s ago)", "2m31s"]);
  });

  it("prints ImagePullBackOff and ErrImagePull of the failing container of a two-container pod", () => {
    const mk = (reason: string) => pod("webapp", { containers: [{ name: "nginx", image: "nginx" }, { name: "agentx", image: "agentx" }] }, {
      phase: "Pending", conditions: readyConditions(false), podIP: "10.42.0.9", podIPs: [{ ip: "10.42.0.9" }],
      containerStatuses: [
        { name: "agentx", image: "agentx", imageID: "", ready: false, started: false, restartCount: 0, state: { waiting: { reason, message: 'Back-off pulling image "agentx"' } } },
        running("nginx", "nginx", ago(470)),
      ],
    }, { creationTimestamp: ago(472) });
    expect(cells(mk("ImagePullBackOff")).slice(0, 5)).toEqual(["webapp", "1/2", "ImagePullBackOff", "0", "7m52s"]);
    expect(cells(mk("ErrImagePull"))[2]).toBe("ErrImagePull");
  });

  it("prints a Completed pod and marks its row Completed", () => {
    const p = pod("hello", { restartPolicy: "Never", containers: [{ name: "hello", image: "busybox" }] }, {
      phase: "Succeeded", conditions: [cond("PodReadyToStartContainers", "False"), cond("Initialized", "True"), cond("Ready", "False", { reason: "PodCompleted" })],
      podIP: "10.244.0.7", podIPs: [{ ip: "10.244.0.7" }],
      containerStatuses: [{ name: "hello", image: "busybox", imageID: "x", ready: false, started: false, restartCount: 0,
        state: { terminated: { exitCode: 0, reason: "Completed", startedAt: ago(60), finishedAt: ago(59) } } }],
    }, { creationTimestamp: ago(65) });
    expect(cells(p).slice(0, 6)).toEqual(["hello", "0/1", "Completed", "0", "65s", "10.244.0.7"]);
    expect(podPrinter.conditions!(p)).toEqual([{ type: "Completed", status: "True", reason: "Succeeded", message: "The pod has completed successfully." }]);
  });

  it("prints Signal:N and ExitCode:N for a terminated container without a reason", () => {
    const mk = (terminated: Json) => pod("x", { containers: [{ name: "x", image: "busybox" }] }, {
      phase: "Failed", containerStatuses: [{ name: "x", image: "busybox", ready: false, restartCount: 0, state: { terminated } }],
    });
    expect(cells(mk({ exitCode: 137, signal: 9 }))[2]).toBe("Signal:9");
    expect(cells(mk({ exitCode: 2 }))[2]).toBe("ExitCode:2");
    expect(podPrinter.conditions!(mk({ exitCode: 2 }))![0].message).toBe("The pod failed.");
  });

  describe("init containers", () => {
    const spec = { initContainers: [{ name: "init-myservice", image: "busybox" }, { name: "init-mydb", image: "busybox" }], containers: [{ name: "app", image: "busybox" }] };
    const initStatus = (name: string, state: Json, extra: Json = {}) => ({ name, image: "busybox", ready: false, restartCount: 0, state, ...extra });
    const waitingApp = { name: "app", image: "busybox", ready: false, restartCount: 0, state: { waiting: { reason: "PodInitializing" } } };
    const initPending = [cond("Initialized", "False", { reason: "ContainersNotInitialized" }), cond("Ready", "False"), cond("PodScheduled", "True")];

    it("prints Init:x/y while init containers run", () => {
      const p = pod("myapp-pod", spec, { phase: "Pending", conditions: initPending, initContainerStatuses: [
        initStatus("init-myservice", { running: { startedAt: ago(10) } }), initStatus("init-mydb", { waiting: { reason: "PodInitializing" } }),
      ], containerStatuses: [waitingApp] });
      expect(cells(p).slice(0, 4)).toEqual(["myapp-pod", "0/1", "Init:0/2", "0"]);
      const second = pod("myapp-pod", spec, { phase: "Pending", conditions: initPending, initContainerStatuses: [
        initStatus("init-myservice", { terminated: { exitCode: 0, reason: "Completed" } }), initStatus("init-mydb", { running: { startedAt: ago(5) } }),
      ], containerStatuses: [waitingApp] });
      expect(cells(second)[2]).toBe("Init:1/2");
    });

    it("prints Init:CrashLoopBackOff, Init:Error and Init:ExitCode:N with the init restarts", () => {
      const crash = pod("myapp-pod", spec, { phase: "Pending", conditions: initPending, initContainerStatuses: [
        initStatus("init-myservice", { waiting: { reason: "CrashLoopBackOff" } }, { restartCount: 3, lastState: { terminated: { exitCode: 1, reason: "Error", finishedAt: ago(42) } } }),
        initStatus("init-mydb", { waiting: { reason: "PodInitializing" } }),
      ], containerStatuses: [waitingApp] });
      expect(cells(crash).slice(0, 4)).toEqual(["myapp-pod", "0/1", "Init:CrashLoopBackOff", "3 (42s ago)"]);
      const error = pod("p", spec, { phase: "Pending", conditions: initPending, initContainerStatuses: [
        initStatus("init-myservice", { terminated: { exitCode: 1, reason: "Error" } })] });
      expect(cells(error)[2]).toBe("Init:Error");
      const code = pod("p", spec, { phase: "Pending", conditions: initPending, initContainerStatuses: [
        initStatus("init-myservice", { terminated: { exitCode: 3 } })] });
      expect(cells(code)[2]).toBe("Init:ExitCode:3");
    });

    it("prints PodInitializing once the init containers are done and the app waits", () => {
      const p = pod("orange", spec, { phase: "Pending", conditions: [cond("Initialized", "True"), cond("Ready", "False")], initContainerStatuses: [
        initStatus("init-myservice", { terminated: { exitCode: 0, reason: "Completed" } }), initStatus("init-mydb", { terminated: { exitCode: 0, reason: "Completed" } }),
      ], containerStatuses: [waitingApp] });
      expect(cells(p).slice(0, 4)).toEqual(["orange", "0/1", "PodInitializing", "0"]);
    });

    it("counts a started sidecar (restartPolicy Always) as a container and only its restarts", () => {
      const sidecarSpec = { initContainers: [{ name: "setup", image: "busybox" }, { name: "log-shipper", image: "fluent-bit", restartPolicy: "Always" }], containers: [{ name: "app", image: "nginx" }] };
      const p = pod("with-sidecar", sidecarSpec, { phase: "Running", conditions: readyConditions(true), initContainerStatuses: [
        initStatus("setup", { terminated: { exitCode: 0, reason: "Completed" } }, { restartCount: 2, lastState: { terminated: { exitCode: 1, finishedAt: ago(300) } } }),
        initStatus("log-shipper", { running: { startedAt: ago(100) } }, { ready: true, started: true, restartCount: 1, lastState: { terminated: { exitCode: 1, finishedAt: ago(101) } } }),
      ], containerStatuses: [running("app", "nginx", ago(90))] });
      expect(cells(p).slice(0, 4)).toEqual(["with-sidecar", "2/2", "Running", "1 (101s ago)"]);
    });
  });

  it("prints Terminating for a pod being deleted, and Unknown when its node is lost", () => {
    const deleting = { ...nginxPod, metadata: { ...nginxPod.metadata, deletionTimestamp: ago(-30), deletionGracePeriodSeconds: 30 } };
    expect(cells(deleting)[2]).toBe("Terminating");
    const lost = { ...deleting, status: { ...nginxPod.status, reason: "NodeLost" } };
    expect(cells(lost)[2]).toBe("Unknown");
    expect(cells({ ...nginxPod, status: { ...nginxPod.status, reason: "NodeLost" } })[2]).toBe("NodeLost");
    const done = { ...deleting, status: { phase: "Succeeded" } };
    expect(cells(done)[2]).toBe("Succeeded");
  });

  it("prints SchedulingGated, NotReady and readiness gates", () => {
    const gated = pod("gated", { nodeName: undefined, schedulingGates: [{ name: "example.com/foo" }], containers: [{ name: "a", image: "nginx" }] },
      { phase: "Pending", conditions: [cond("PodScheduled", "False", { reason: "SchedulingGated" })] });
    expect(cells(gated)[2]).toBe("SchedulingGated");
    const twoContainers = (ready: boolean) => pod("mixed", { containers: [{ name: "job", image: "busybox" }, { name: "web", image: "nginx" }], readinessGates: [{ conditionType: "example.com/lb" }, { conditionType: "example.com/dns" }] }, {
      phase: "Running", conditions: [...readyConditions(ready), cond("example.com/lb", "True")],
      containerStatuses: [
        { name: "job", image: "busybox", ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: "Completed" } } },
        running("web", "nginx", ago(100)),
      ],
    });
    expect(cells(twoContainers(true)).slice(1, 3)).toEqual(["1/2", "Running"]);
    expect(cells(twoContainers(false)).slice(1, 3)).toEqual(["1/2", "NotReady"]);
    expect(cells(twoContainers(true))[8]).toBe("1/2");
  });
});
