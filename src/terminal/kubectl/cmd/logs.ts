// kubectl logs: pick the pod (also from deploy/name and friends through their selector) and the
// container (-c, the default-container annotation, or the first with a "Defaulted container"
// note), then copy the log stream to stdout. Mirrors kubectl pkg/cmd/logs/logs.go and
// polymorphichelpers/logsforobject.go.
import { containerNames, DEFAULT_CONTAINER_ANNOTATION, defaultedContainerNotice } from "../podcmd";
import { ACCEPT_ANY, type Obj, query } from "../client";
import type { Kctx } from "../context";
import { fail, usage } from "../errors";
import { type FlagSpec, bool, num, str } from "../flags";
import { resourceTargets } from "../builder";
import { collectionPath } from "../discovery";

export const logsFlags: FlagSpec[] = [
  { name: "container", short: "c", type: "string" },
  { name: "previous", short: "p", type: "bool" },
  { name: "follow", short: "f", type: "bool" },
  { name: "tail", type: "int", def: -1 },
  { name: "since", type: "string" },
  { name: "since-time", type: "string" },
  { name: "timestamps", type: "bool" },
  { name: "all-containers", type: "bool" },
  { name: "selector", short: "l", type: "string" },
  { name: "prefix", type: "bool" },
  { name: "limit-bytes", type: "int", def: 0 },
  { name: "ignore-errors", type: "bool" },
  { name: "max-log-requests", type: "int", def: 5 },
  { name: "pod-running-timeout", type: "string" },
];

export async function runLogs(k: Kctx): Promise<number> {
  const f = k.flags;
  const args = f.args;
  if (!args.length) throw usage("expected POD_NAME or TYPE/NAME", "kubectl logs");
  let podName: string;
  let container = str(f, "container") || args[1];
  if (args[0]!.includes("/") && !/^(po|pod|pods)\//.test(args[0]!)) {
    const [t] = await resourceTargets(k, [args[0]!]);
    const obj = await k.client.get(`${collectionPath(t!.resource, k.namespace)}/${t!.names[0]}`);
    const sel = obj.spec?.selector?.matchLabels ?? obj.spec?.selector ?? {};
    const selector = Object.entries(sel).map(([a, b]) => `${a}=${b}`).join(",");
    const pods = await k.client.get(`/api/v1/namespaces/${k.namespace}/pods` + query({ labelSelector: selector }));
    const items: Obj[] = pods.items ?? [];
    if (!items.length) throw fail(`timed out waiting for the condition`);
    if (items.length > 1) await k.err(`Found ${items.length} pods, using pod/${items[0]!.metadata.name}\n`);
    podName = items[0]!.metadata.name;
  } else podName = args[0]!.replace(/^(po|pod|pods)\//, "");
  const pod = await k.client.get(`/api/v1/namespaces/${k.namespace}/pods/${podName}`, ACCEPT_ANY);
  const names: string[] = (pod.spec?.containers ?? []).map((c: Obj) => c.name);
  const opts = { follow: bool(f, "follow"), previous: bool(f, "previous"), tail: num(f, "tail"), since: str(f, "since"), timestamps: bool(f, "timestamps") };
  if (bool(f, "all-containers")) {
    const all = [...(pod.spec?.initContainers ?? []).map((c: Obj) => c.name), ...names];
    for (const c of all) await streamLogs(k, podName, c, opts);
    return 0;
  }
  if (!container) {
    // LogsForObject: the default-container annotation when it names a container, else the first
    // container, with a notice when the pod has others (init and ephemeral ones included).
    const annotated: string | undefined = pod.metadata?.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
    if (annotated && !containerNames(pod).includes(annotated)) await k.err(`Default container name "${annotated}" not found in pod ${podName}\n`);
    else if (annotated) container = annotated;
    if (!container) {
      container = names[0];
      const notice = defaultedContainerNotice(pod);
      if (notice) await k.err(notice);
    }
  }
  await streamLogs(k, podName, container!, opts);
  return 0;
}

export async function streamLogs(k: Kctx, pod: string, container: string, o: { follow?: boolean; previous?: boolean; tail?: number; since?: string; timestamps?: boolean }): Promise<void> {
  const q = query({
    container, follow: o.follow ? "true" : undefined, previous: o.previous ? "true" : undefined,
    sinceSeconds: o.since ? String(sinceSeconds(o.since)) : undefined,
    tailLines: o.tail !== undefined && o.tail >= 0 ? String(o.tail) : undefined, timestamps: o.timestamps ? "true" : undefined,
  });
  const path = `/api/v1/namespaces/${k.namespace}/pods/${pod}/log${q}`;
  if (!o.follow) {
    const res = await k.client.raw("GET", path, { accept: ACCEPT_ANY });
    await k.out(await res.text());
    return;
  }
  await k.interruptible(async (signal) => {
    const res = await k.client.raw("GET", path, { accept: ACCEPT_ANY, signal });
    const aborted = new Promise<void>((r) => signal.addEventListener("abort", () => r()));
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    const copy = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done || signal.aborted) return;
        await k.out(decoder.decode(value, { stream: true }));
      }
    })();
    await Promise.race([aborted, copy]);
    reader.cancel().catch(() => {});
  });
}

function sinceSeconds(s: string): number {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(s);
  if (!m || s === "") throw fail(`invalid argument "${s}" for "--since" flag: time: invalid duration "${s}"`);
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}
