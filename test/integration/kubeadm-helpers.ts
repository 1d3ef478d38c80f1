// Helpers of the kubeadm template tests: a kubeadm-template cluster with a terminal on its
// control-plane host, the Cluster object's clock stepped through its RPC, and reads of the
// cluster's objects as kubectl does.
import { env } from "cloudflare:test";
import { newCluster, type Cluster } from "./helpers";
import { openTerminal, type Term } from "./terminal-session-helpers";

export interface KubeadmCluster extends Cluster {
  term: Term;
  step(ms: number): Promise<void>;
  /** Types a line and waits for the prompt to come back after it, returning the screen. */
  run(line: string, prompt?: string | RegExp, timeoutMs?: number): Promise<string>;
  nodes(): Promise<any[]>;
  pods(ns?: string): Promise<any[]>;
}

export async function kubeadmCluster(): Promise<KubeadmCluster> {
  const c = await newCluster({ template: "kubeadm" });
  const ns = (env as unknown as { CLUSTER: DurableObjectNamespace }).CLUSTER;
  const stub = ns.get(ns.idFromName(c.id)) as unknown as { clockControl(a: { action: string; ms?: number }): Promise<unknown> };
  await stub.clockControl({ action: "pause" });
  const term = await openTerminal(c.id, c.token, { cols: 400, rows: 60 });
  await term.waitFor("controlplane:~$");
  let marker = 0;
  return {
    ...c, term,
    step: async (ms) => { await stub.clockControl({ action: "step", ms }); },
    async run(line, prompt = /(controlplane|node\d\d):~\$ $/, timeoutMs = 5000) {
      const tag = `#${++marker}`;
      term.send(`${line} ${tag}\r`.replace(/ #\d+\r$/, "\r"));
      const before = term.screen.text().length;
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const text = term.screen.text();
        const after = text.slice(before);
        if (after.length > 0 && (typeof prompt === "string" ? text.trimEnd().endsWith(prompt.trimEnd()) : prompt.test(text + " "))) {
          if (text.slice(before).includes("\n")) return text;
        }
        if (Date.now() > deadline) throw new Error(`timed out after ${line}; screen:\n${text}`);
        await new Promise((r) => setTimeout(r, 10));
      }
    },
    async nodes() { return ((await (await c.kube("GET", "/api/v1/nodes")).json()) as { items: any[] }).items; },
    async pods(namespace = "kube-system") { return ((await (await c.kube("GET", `/api/v1/namespaces/${namespace}/pods`)).json()) as { items: any[] }).items; },
  };
}

export const readyCondition = (node: any) => (node.status?.conditions ?? []).find((c: any) => c.type === "Ready");
