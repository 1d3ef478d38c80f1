// The hosted service end to end with the real kubectl: sign up, create a cluster, download a
// kubeconfig, share it read-only, fork it and see the copy diverge, delete it and see kubectl fail.
import { afterAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { api } from "./harness";

const dir = mkdtempSync(join(tmpdir(), "podlab-e2e-svc-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function kubectl(kubeconfig: string, args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const file = join(dir, `kc-${Math.random().toString(36).slice(2)}`);
  writeFileSync(file, kubeconfig);
  return new Promise((resolve) => {
    execFile("/usr/bin/kubectl", ["--kubeconfig", file, "--cache-dir", join(dir, "cache"), ...args], { timeout: 60_000 },
      (err, stdout, stderr) => resolve({ stdout, stderr, code: err ? (typeof err.code === "number" ? err.code : 1) : 0 }));
  });
}

describe("the hosted service with kubectl", () => {
  it("signs up, creates, shares, forks and deletes a cluster", async () => {
    const alice = await api("POST", "/v1/accounts", undefined, { name: "alice" });
    expect(alice.status).toBe(201);
    const created = await api("POST", "/v1/clusters", alice.json.token, { name: "lab" });
    expect(created.status).toBe(201);
    const id = created.json.id;
    const kc = await api("GET", `/v1/clusters/${id}/kubeconfig`, alice.json.token);
    expect(kc.status).toBe(200);
    expect(kc.text).toContain("insecure-skip-tls-verify: true");
    const owner = kc.text;
    expect((await kubectl(owner, ["run", "nginx", "--image=nginx", "--restart=Never"])).stdout).toBe("pod/nginx created\n");

    const share = await api("POST", `/v1/clusters/${id}/shares`, alice.json.token, {});
    expect(share.status).toBe(201);
    const viewer = share.json.kubeconfig;
    const seen = await kubectl(viewer, ["get", "pods"]);
    expect(seen.stdout).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nnginx\s/);
    const refused = await kubectl(viewer, ["delete", "pod", "nginx"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Error from server \(Forbidden\): pods "nginx" is forbidden: User "viewer:[^"]+" cannot delete resource "pods" in API group "" in the namespace "default"/);

    const bob = await api("POST", "/v1/accounts", undefined, { name: "bob" });
    const fork = await api("POST", `/v1/clusters/${id}/fork`, bob.json.token, { shareToken: share.json.token, name: "bobs-copy" });
    expect(fork.status).toBe(201);
    const forked = fork.json.kubeconfig;
    expect((await kubectl(forked, ["get", "pod", "nginx", "-o", "name"])).stdout).toBe("pod/nginx\n");
    expect((await kubectl(forked, ["delete", "pod", "nginx", "--grace-period=0", "--force"])).code).toBe(0);
    expect((await kubectl(forked, ["get", "pod", "nginx"])).stderr).toContain('pods "nginx" not found');
    expect((await kubectl(owner, ["get", "pod", "nginx", "-o", "name"])).stdout).toBe("pod/nginx\n");

    expect((await api("DELETE", `/v1/clusters/${id}/shares/${share.json.id}`, alice.json.token)).status).toBeLessThan(300);
    const revoked = await kubectl(viewer, ["get", "pods"]);
    expect(revoked.stderr).toContain("Unauthorized");

    expect((await api("DELETE", `/v1/clusters/${id}`, alice.json.token)).status).toBe(204);
    const gone = await kubectl(owner, ["get", "pods"]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain("error: You must be logged in to the server (Unauthorized)");
    expect((await api("GET", `/v1/clusters/${id}`, alice.json.token)).status).toBe(404);
  });
});
