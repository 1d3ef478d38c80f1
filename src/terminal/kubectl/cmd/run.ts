// kubectl run: build a Pod from the flags and create it (or print it with --dry-run=client).
// Mirrors staging/src/k8s.io/kubectl/pkg/cmd/run/run.go.
import { ACCEPT_ANY, query } from "../client";
import type { Kctx } from "../context";
import { fail, usage } from "../errors";
import { type FlagSpec, bool, list, str } from "../flags";
import { dryRun, dryRunFlags, printResult } from "../mutate";
import { podFor } from "./generators";
import { streamLogs } from "./logs";

export const runFlags: FlagSpec[] = [
  ...dryRunFlags,
  { name: "image", type: "string" },
  { name: "restart", type: "string", def: "Always" },
  { name: "command", type: "bool" },
  { name: "env", type: "array" },
  { name: "labels", short: "l", type: "string" },
  { name: "port", type: "string" },
  { name: "stdin", short: "i", type: "bool" },
  { name: "tty", short: "t", type: "bool" },
  { name: "rm", type: "bool" },
  { name: "attach", type: "bool" },
  { name: "image-pull-policy", type: "string" },
  { name: "annotations", type: "array" },
  { name: "override-type", type: "string" },
  { name: "overrides", type: "string" },
  { name: "expose", type: "bool" },
  { name: "quiet", short: "q", type: "bool" },
  { name: "field-manager", type: "string", def: "kubectl-run" },
];

export async function runRun(k: Kctx): Promise<number> {
  const f = k.flags;
  const dash = f.dashArgs ?? [];
  const positional = f.args.slice(0, f.args.length - dash.length);
  if (positional.length < 1) throw usage("NAME is required for run", "kubectl run");
  const name = positional[0]!;
  const image = str(f, "image");
  if (!image) throw fail("--image is required");
  const restart = str(f, "restart");
  if (!["Always", "OnFailure", "Never"].includes(restart)) throw fail(`invalid restart policy: ${restart}`);
  if (bool(f, "rm") && !bool(f, "attach") && !bool(f, "stdin")) throw fail("--rm should only be used for attached containers");
  const labels: Record<string, string> = {};
  if (str(f, "labels")) for (const kv of str(f, "labels").split(",")) { const [a, b] = kv.split("="); labels[a!] = b ?? ""; }
  else labels.run = name;
  const args = [...positional.slice(1), ...dash];
  const pod = podFor(name, { image, labels, restart, port: str(f, "port") || undefined, env: list(f, "env"), command: bool(f, "command"), args });
  const annotations = list(f, "annotations");
  if (annotations.length) pod.metadata.annotations = Object.fromEntries(annotations.map((a) => { const i = a.indexOf("="); return [a.slice(0, i), a.slice(i + 1)]; }));
  const mode = dryRun(k);
  const service = bool(f, "expose") ? exposedService(name, str(f, "port"), labels) : undefined;
  if (service) {
    // The service first, as run.go's generateService does; a YAML stream then has the pod after
    // two separators (the service's printer and the pod's each write one).
    const created = mode === "client" ? service : await k.client.json("POST", `/api/v1/namespaces/${k.namespace}/services` + query({ fieldManager: str(f, "field-manager"), ...(mode === "server" ? { dryRun: "All" } : {}) }), { accept: ACCEPT_ANY, body: service });
    await printResult(k, { ...created, apiVersion: "v1", kind: "Service" }, "created", mode, true);
    if (str(f, "output") === "yaml") await k.out("---\n---\n");
  }
  if (mode === "client") { await printResult(k, pod, "created", mode, true); return 0; }
  const created = await k.client.json("POST", `/api/v1/namespaces/${k.namespace}/pods` + query({ fieldManager: str(f, "field-manager"), ...(mode === "server" ? { dryRun: "All" } : {}) }), { accept: ACCEPT_ANY, body: pod });
  if (bool(f, "stdin") || bool(f, "attach")) {
    if (!bool(f, "quiet")) await k.err("If you don't see a command prompt, try pressing enter.\n");
    await waitRunning(k, name);
    await streamLogs(k, name, name, { follow: true });
    if (bool(f, "rm")) {
      await k.client.raw("DELETE", `/api/v1/namespaces/${k.namespace}/pods/${name}`, { body: { propagationPolicy: "Background" } });
      await k.out(`pod "${name}" deleted\n`);
    }
    return 0;
  }
  await printResult(k, { ...created, apiVersion: "v1", kind: "Pod" }, "created", mode, true);
  return 0;
}

async function waitRunning(k: Kctx, name: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const p = await k.client.get(`/api/v1/namespaces/${k.namespace}/pods/${name}`);
    if (p.status?.phase && p.status.phase !== "Pending") return;
    await k.sh.sleep(500);
  }
}

/** run --expose: a ClusterIP Service on --port selecting the pod's labels (run.go generateService). */
function exposedService(name: string, port: string, selector: Record<string, string>) {
  if (!port) throw usage("--port must be set when exposing a service", "kubectl run");
  const n = Number(port);
  return {
    apiVersion: "v1", kind: "Service",
    metadata: { creationTimestamp: null, name },
    spec: { ports: [{ port: n, protocol: "TCP", targetPort: n }], selector },
    status: { loadBalancer: {} },
  };
}
