import { describe, expect, it } from "vitest";
import { fieldErrorString } from "../field-errors";
import { validatePod } from "./pod";
import { validatePodUpdate } from "./pod-update";
import { podStrategy } from "../registry/pods";
import type { KObject } from "../registry/types";

function pod(spec: KObject["spec"]): KObject {
  const p = { metadata: { name: "p", namespace: "default" }, spec } as KObject;
  podStrategy.defaults!(p);
  return p;
}
const msgs = (p: KObject) => validatePod(p).map(fieldErrorString);

describe("pod validation messages", () => {
  it("containers", () => {
    expect(msgs(pod({}))).toEqual(["spec.containers: Required value"]);
    expect(msgs(pod({ containers: [{ name: "a" }, { name: "a", image: "x" }] }))).toEqual([
      "spec.containers[0].image: Required value",
      "spec.containers[1].name: Duplicate value: \"a\"",
    ]);
    expect(msgs(pod({ containers: [{ name: "Web_1", image: "x" }] }))[0]).toBe(
      "spec.containers[0].name: Invalid value: \"Web_1\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    );
  });

  it("ports, resources, policies", () => {
    expect(msgs(pod({ containers: [{ name: "a", image: "x", ports: [{ containerPort: 70000, protocol: "HTTP" }] }] }))).toEqual([
      "spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
      "spec.containers[0].ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\"",
    ]);
    expect(msgs(pod({ containers: [{ name: "a", image: "x", resources: { requests: { cpu: "2" }, limits: { cpu: "1" } } }] }))).toEqual([
      "spec.containers[0].resources.requests: Invalid value: \"2\": must be less than or equal to cpu limit of 1",
    ]);
    expect(msgs(pod({ containers: [{ name: "a", image: "x" }], restartPolicy: "Sometimes" }))).toEqual([
      "spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"Never\", \"OnFailure\"",
    ]);
  });

  it("volumes and mounts", () => {
    expect(msgs(pod({
      containers: [{ name: "a", image: "x", volumeMounts: [{ name: "data", mountPath: "/d" }, { name: "cfg", mountPath: "/d" }] }],
      volumes: [{ name: "cfg", configMap: { name: "c" }, secret: { secretName: "s" } }],
    }))).toEqual([
      "spec.volumes[0].configMap: Forbidden: may not specify more than 1 volume type",
      "spec.containers[0].volumeMounts[0].name: Not found: \"data\"",
      "spec.containers[0].volumeMounts[1].name: Not found: \"cfg\"",
      "spec.containers[0].volumeMounts[1].mountPath: Invalid value: \"/d\": must be unique",
    ]);
  });

  it("probes", () => {
    expect(msgs(pod({ containers: [{ name: "a", image: "x", livenessProbe: { successThreshold: 2 }, readinessProbe: { exec: { command: ["true"] }, tcpSocket: { port: 80 } } }] }))).toEqual([
      "spec.containers[0].livenessProbe: Required value: must specify a handler type",
      "spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1",
      "spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type",
    ]);
  });
});

describe("pod update", () => {
  const base = () => {
    const p = pod({ containers: [{ name: "a", image: "nginx:1.26" }] });
    p.metadata.resourceVersion = "5";
    return p;
  };

  it("allows image changes and added tolerations", () => {
    const next = base();
    next.spec.containers[0].image = "nginx:1.27";
    next.spec.tolerations = [{ key: "k", operator: "Exists", effect: "NoSchedule" }];
    expect(validatePodUpdate(next, base())).toEqual([]);
  });

  it("forbids other changes with upstream's message", () => {
    const next = base();
    next.spec.containers[0].ports = [{ containerPort: 80, protocol: "TCP" }];
    const errs = validatePodUpdate(next, base()).map(fieldErrorString);
    expect(errs).toHaveLength(1);
    expect(errs[0].startsWith("spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n  core.PodSpec{\n")).toBe(true);
    expect(errs[0]).toContain("Containers");
    const fewer = base();
    fewer.spec.containers = [];
    expect(validatePodUpdate(fewer, base()).map(fieldErrorString)).toContain("spec.containers: Forbidden: pod updates may not add or remove containers");
  });
});
