// Helpers for the terminal kubectl tests: a cluster, a KubeTransport over SELF.fetch with the
// cluster token, and a shell whose PATH holds kubectl, run on a real-time host.
import { SELF } from "cloudflare:test";
import { shellCommands, startScript, sinkOutput, stringInput, Vfs } from "../../src/shell/index";
import type { ShellHost } from "../../src/shell/types";
import { kubectlCommand } from "../../src/terminal/kubectl/index";
import type { KubectlEnv, KubeTransport } from "../../src/terminal/types";
import { ORIGIN, newCluster, type Cluster } from "./helpers";

export interface Term {
  cluster: Cluster;
  env: KubectlEnv;
  run(script: string, opts?: { stdin?: string; killAfterMs?: number }): Promise<{ stdout: string; stderr: string; status: number }>;
}

export async function newTerm(): Promise<Term> {
  const cluster = await newCluster();
  const transport: KubeTransport = {
    request(method, path, init = {}) {
      return SELF.fetch(`${ORIGIN}/clusters/${cluster.id}${path}`, {
        method, headers: { ...init.headers, authorization: `Bearer ${cluster.token}` }, body: init.body, signal: init.signal,
      });
    },
  };
  const env: KubectlEnv = {
    transport, server: `${ORIGIN}/clusters/${cluster.id}`, clusterName: "podlab", contextName: "podlab", userName: "podlab",
    namespace: "default", now: () => new Date(),
  };
  const commands = shellCommands([["kubectl", kubectlCommand(env)]], "bash");
  const fs = new Vfs(() => Date.now());
  fs.seed(Object.fromEntries([...commands.keys()].map((n) => [n === "kubectl" ? "/usr/bin/kubectl" : `/bin/${n}`, ""])));
  fs.mkdir("/root", true);
  const host: ShellHost = { fs, now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)), hostname: "controlplane" };
  return {
    cluster, env,
    async run(script, opts = {}) {
      let stdout = "", stderr = "";
      const { shell, done } = startScript(script, {
        host, commands, dialect: "bash", env: { PATH: "/usr/bin:/bin", HOME: "/root" }, cwd: "/root",
        stdin: opts.stdin !== undefined ? stringInput(opts.stdin) : undefined,
        stdout: sinkOutput((d) => (stdout += d)), stderr: sinkOutput((d) => (stderr += d)),
      });
      if (opts.killAfterMs !== undefined) setTimeout(() => shell.signal("INT"), opts.killAfterMs);
      const status = await done;
      return { stdout, stderr, status };
    },
  };
}

/** Ages replaced by `<age>` (the columns of a table whose values look like durations). */
export const maskAges = (s: string) => s.replace(/\b(\d+[smhdy])+(?=\s|$)/gm, (m) => "#".repeat(m.length));
