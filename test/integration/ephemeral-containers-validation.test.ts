// pods/ephemeralcontainers refuses what the API server refuses: fields a debug container may not
// have, a duplicate name, a target that is not one of the pod's containers, and removing or
// changing an existing debug container. Each answer is a 422 Invalid with upstream wording.
import { describe, expect, it } from "vitest";
import { getPod, lifecycleCluster, podOn } from "./lifecycle-helpers";

const SMP = "application/strategic-merge-patch+json";
const JSON_PATCH = "application/json-patch+json";
const debugger_ = (name: string, extra: Record<string, unknown> = {}) =>
  ({ spec: { ephemeralContainers: [{ image: "busybox", name, terminationMessagePolicy: "File", ...extra }] } });

describe("pods/ephemeralcontainers validation", () => {
  it("answers 422 with upstream messages and leaves the pod unchanged", async () => {
    const c = await lifecycleCluster();
    await c.kube("POST", "/api/v1/namespaces/default/pods", { body: podOn("node01", "app", { image: "nginx" }) });
    const path = "/api/v1/namespaces/default/pods/app/ephemeralcontainers";
    const refused = async (body: unknown, contentType = SMP) => {
      const r = await c.kube("PATCH", path, { body, contentType });
      expect(r.status).toBe(422);
      return ((await r.json()) as { message: string }).message;
    };
    expect(await refused(debugger_("dbg", { ports: [{ containerPort: 80 }], readinessProbe: { tcpSocket: { port: 80 } } }))).toBe(
      'Pod "app" is invalid: [spec.ephemeralContainers[0].ports: Forbidden: cannot be set for an Ephemeral Container, ' +
      "spec.ephemeralContainers[0].readinessProbe: Forbidden: cannot be set for an Ephemeral Container]");
    expect(await refused(debugger_("app"))).toBe('Pod "app" is invalid: spec.ephemeralContainers[0].name: Duplicate value: "app"');
    expect(await refused(debugger_("dbg", { targetContainerName: "nope" }))).toBe(
      'Pod "app" is invalid: spec.ephemeralContainers[0].targetContainerName: Not found: "nope"');
    expect((await getPod(c, "app")).spec.ephemeralContainers).toBeUndefined();

    const ok = await c.kube("PATCH", path, { body: debugger_("dbg", { resources: {} }), contentType: SMP });
    expect(ok.status).toBe(200);
    expect(await refused([{ op: "remove", path: "/spec/ephemeralContainers/0" }], JSON_PATCH)).toBe(
      'Pod "app" is invalid: spec.ephemeralContainers: Forbidden: existing ephemeral containers "dbg" may not be removed\n');
    expect(await refused([{ op: "replace", path: "/spec/ephemeralContainers/0/image", value: "alpine" }], JSON_PATCH)).toMatch(
      /^Pod "app" is invalid: spec\.ephemeralContainers: Forbidden: existing ephemeral containers "dbg" may not be changed\n/);
    expect((await getPod(c, "app")).spec.ephemeralContainers.map((e: { image: string }) => e.image)).toEqual(["busybox"]);
  });
});
