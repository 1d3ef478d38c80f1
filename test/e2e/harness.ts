// End-to-end helpers: a fresh account and cluster on the running Podlab, and the real
// /usr/bin/kubectl pointed at it with its own kubeconfig and discovery cache.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";

process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";

export interface KubectlResult { stdout: string; stderr: string; code: number }

export interface TestCluster {
  url: string;
  id: string;
  name: string;
  accountToken: string;
  kubeconfigPath: string;
  kubectl(args: string[], opts?: { input?: string; env?: Record<string, string>; timeoutMs?: number }): Promise<KubectlResult>;
  /** Starts a long-running kubectl (e.g. `get -w`); the caller stops it. */
  spawnKubectl(args: string[]): ChildProcess;
  dispose(): void;
}

export async function api(method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; json: any; text: string }> {
  const url = inject("podlabUrl");
  const r = await fetch(url + path, {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  let json: any;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: r.status, json, text };
}

export async function newCluster(name?: string): Promise<TestCluster> {
  const url = inject("podlabUrl");
  const acct = await api("POST", "/v1/accounts", undefined, {});
  if (acct.status !== 201) throw new Error(`sign-up failed: ${acct.status} ${acct.text}`);
  const cl = await api("POST", "/v1/clusters", acct.json.token, name ? { name } : {});
  if (cl.status !== 201) throw new Error(`cluster create failed: ${cl.status} ${cl.text}`);
  const dir = mkdtempSync(join(tmpdir(), "podlab-kubectl-"));
  const kubeconfigPath = join(dir, "kubeconfig");
  writeFileSync(kubeconfigPath, cl.json.kubeconfig);
  const base = ["--kubeconfig", kubeconfigPath, "--cache-dir", join(dir, "cache")];
  const env = { ...process.env, HOME: dir, KUBECONFIG: kubeconfigPath };
  return {
    url, id: cl.json.id, name: cl.json.name, accountToken: acct.json.token, kubeconfigPath,
    kubectl(args, opts = {}) {
      return new Promise((resolve) => {
        const p = execFile("/usr/bin/kubectl", [...base, ...args], { env: { ...env, ...opts.env }, timeout: opts.timeoutMs ?? 60_000 },
          (err, stdout, stderr) => resolve({ stdout, stderr, code: err ? (typeof err.code === "number" ? err.code : 1) : 0 }));
        if (opts.input !== undefined) { p.stdin!.write(opts.input); p.stdin!.end(); }
      });
    },
    spawnKubectl(args) {
      return spawn("/usr/bin/kubectl", [...base, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    },
    dispose() { rmSync(dir, { recursive: true, force: true }); },
  };
}

/** Replaces ages ("5s", "3m12s", "<unknown>") in kubectl table output so outputs compare stably. */
export function maskAges(s: string): string {
  return s.replace(/\b(\d+d)?(\d+h)?(\d+m)?(\d+s)?\b(?=\s|$)/g, (m) => (m ? "AGE" : m));
}
